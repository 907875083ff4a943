package io.monitoringkit.promql;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Names;
import io.monitoringkit.model.PromDuration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The only code that renders PromQL text. The compact form equals Prometheus 3.x' own rendering
 * ({@code String()} of its syntax tree, the {@code query} field of {@code /api/v1/rules}, as of 3.14); the pretty
 * form equals its {@code Pretty()} ({@code /api/v1/format_query}). Strings, label values and non-legacy names are
 * quoted here and nowhere else, so no value can inject PromQL.
 *
 * <p>Prometheus 2.x prints numbers with Go's {@code fmt.Sprint} ({@code 1e+06}, {@code 1e-05}) where 3.3+ print
 * {@code 1000000} and {@code 0.00001}; that is the main difference between the two renderings.
 *
 * <p>Trees built with the DSL hold no parenthesis nodes: before printing, the printer puts a parenthesis node
 * wherever precedence, associativity, a unary operator or a subquery needs one, exactly where Prometheus' parser
 * would have kept one, and then prints the tree as Prometheus prints it. Parenthesis nodes of a parsed tree are
 * printed as written.
 *
 * <pre>{@code
 * PromQLPrinter.compact(sum(metric("x")).by("job"));   // sum by (job) (x)
 * PromQLPrinter.compact(number(-2).pow(number(2)));     // (-2) ^ 2
 * PromQLPrinter.pretty(longExpression);                // nodes over 100 bytes broken, 2-space indents
 * }</pre>
 */
public final class PromQLPrinter {

    /** The line length past which the pretty form breaks a node, as in Prometheus ({@code maxCharactersPerLine}). */
    public static final int MAX_LINE_LENGTH = 100;

    private static final String INDENT = "  ";

    private PromQLPrinter() {
    }

    /** @return the single-line canonical form, equal to Prometheus' {@code String()}. */
    public static String compact(Expr e) {
        return compactAsIs(Parenthesizer.apply(e));
    }

    /** Prints a tree that already holds every parenthesis it needs. */
    private static String compactAsIs(Expr e) {
        StringBuilder sb = new StringBuilder(64);
        new Compact(sb).print(e);
        return sb.toString();
    }

    /**
     * @return the multi-line form of Prometheus' {@code Pretty()} ({@code /api/v1/format_query}): a node whose compact
     *     form is longer than {@value #MAX_LINE_LENGTH} bytes (UTF-8) is broken, its children indented by 2 spaces
     */
    public static String pretty(Expr e) {
        return new Pretty().pretty(Parenthesizer.apply(e), 0);
    }

    /** @return one matcher as printed inside braces: {@code name="value"}, the name quoted unless legacy. */
    public static String matcher(LabelMatcher m) {
        StringBuilder sb = new StringBuilder(m.name().length() + m.value().length() + 6);
        appendLabelName(sb, m.name());
        sb.append(m.op().symbol());
        GoStrings.quoteTo(sb, m.value());
        return sb.toString();
    }

    /**
     * @return the number of an {@code @} modifier as Prometheus prints it: Go's {@code %.3f} of the seconds, i.e.
     *     {@code float64(millis) / 1000} rounded half-even from its exact binary value
     */
    public static String atTimestamp(long millis) {
        double seconds = (double) millis / 1000.0;
        return new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * @return a number literal as Prometheus 3.x prints it: Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}, the
     *     shortest digits that read back to {@code v}, never an exponent; {@code +Inf}, {@code -Inf}, {@code NaN},
     *     {@code -0}
     */
    public static String number(double v) {
        return GoFloat.formatF(v);
    }

    /** @return {@code s} as a PromQL double-quoted string literal (Go's {@code strconv.Quote}). */
    public static String string(String s) {
        return GoStrings.quote(s);
    }

    /** Legacy-valid metric names that PromQL reads as keywords or numbers, so they print as {@code {__name__="on"}}. */
    private static final java.util.Set<String> NON_BARE_METRIC_NAMES =
            java.util.Set.of("on", "ignoring", "group_left", "group_right", "bool", "atan2", "inf", "nan");

    /** Legacy-valid label names that do not lex as label names inside by/without/on/ignoring/group lists. */
    private static final java.util.Set<String> NON_BARE_LIST_LABELS = java.util.Set.of("without", "inf", "nan");

    /**
     * @return whether {@code name} can be printed bare as a metric name and read back as one: a legacy name that
     *     is not a keyword the lexer takes for an operator or a number (case-insensitive, as PromQL's keywords)
     */
    static boolean isBareMetricName(String name) {
        return Names.isLegacyMetricName(name) && !NON_BARE_METRIC_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Appends a label name of a grouping or matching list, quoted where a bare one would not read back. */
    static void appendListLabelName(StringBuilder sb, String name) {
        if (Names.isLegacyLabelName(name) && !NON_BARE_LIST_LABELS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            sb.append(name);
        } else {
            GoStrings.quoteTo(sb, name);
        }
    }

    static void appendLabelName(StringBuilder sb, String name) {
        if (Names.isLegacyLabelName(name)) {
            sb.append(name);
        } else {
            GoStrings.quoteTo(sb, name);
        }
    }

    /** Go's {@code len(string)}: the UTF-8 length in bytes (strings here are well-formed UTF-16). */
    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isSurrogate(c)) {
                n += 2; // a pair is 4 bytes
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * The order in which Prometheus prints matchers: Go's {@code sort.Strings} of the rendered matchers, i.e. by
     * UTF-8 bytes, which is code point order.
     */
    static final Comparator<LabelMatcher> MATCHER_ORDER =
            (a, b) -> GoStrings.compare(matcher(a), matcher(b));


    // ---------------------------------------------------------------------------------------------------------
    // Parentheses

    /**
     * Puts a parenthesis node wherever the printed text would otherwise parse to another tree. Returns the same
     * instance for every subtree that needs none.
     */
    static final class Parenthesizer implements ExprVisitor<Expr> {
        private static final Parenthesizer INSTANCE = new Parenthesizer();

        static Expr apply(Expr e) {
            return e.accept(INSTANCE);
        }

        @SuppressWarnings("unchecked")
        private <E extends Expr> E map(E e) {
            return (E) e.accept(this);
        }

        private static Expr wrap(Expr e) {
            if (e instanceof InstantVectorExpr v) {
                return new VectorParen(v);
            }
            if (e instanceof ScalarExpr s) {
                return new ScalarParen(s);
            }
            if (e instanceof RangeVectorExpr r) {
                return new RangeParen(r);
            }
            return new StringParen((StringExpr) e);
        }

        private static boolean isNegativeNumber(Expr e) {
            if (e instanceof NumberLiteral n) {
                double v = n.value();
                return v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
            }
            return false;
        }

        /** Binary operands: lower precedence, the wrong side of equal precedence, and {@code (-x) ^ y}. */
        private static Expr operand(Expr child, BinaryOp parent, boolean left) {
            boolean wrap = false;
            if (child instanceof BinaryExpr cb) {
                int cp = cb.op().precedence();
                int pp = parent.precedence();
                wrap = cp < pp || (cp == pp && left == parent.isRightAssociative());
            } else if (parent == BinaryOp.POW && left) {
                // unary minus binds like '*', looser than '^': -x ^ y is -(x ^ y); -2 ^ y also
                wrap = child instanceof UnaryExpr || isNegativeNumber(child);
            }
            return wrap ? wrap(child) : child;
        }

        /** Unary operands: a binary looser than '^' and a number literal (the parser folds -1 into the number). */
        private static Expr unaryOperand(Expr child) {
            boolean wrap = child instanceof NumberLiteral
                    || (child instanceof BinaryExpr b && b.op().precedence() < BinaryOp.POW.precedence());
            return wrap ? wrap(child) : child;
        }

        /** A subquery's '[' binds tighter than every operator: only primaries stay bare. */
        private static InstantVectorExpr subqueryOperand(InstantVectorExpr child) {
            boolean bare = child instanceof VectorSelector || child instanceof Call || child instanceof Aggregation
                    || child instanceof ParenExpr;
            return bare ? child : new VectorParen(child);
        }

        @Override
        public Expr visit(NumberLiteral e) {
            return e;
        }

        @Override
        public Expr visit(StringLiteral e) {
            return e;
        }

        @Override
        public Expr visit(VectorSelector e) {
            return e;
        }

        @Override
        public Expr visit(MatrixSelector e) {
            return e;
        }

        @Override
        public Expr visit(Subquery e) {
            InstantVectorExpr inner = subqueryOperand(map(e.expr()));
            return inner == e.expr() ? e : new Subquery(inner, e.range(), e.step(), e.offset(), e.at());
        }

        private List<Expr> args(List<Expr> args) {
            List<Expr> out = null;
            for (int i = 0; i < args.size(); i++) {
                Expr a = args.get(i);
                Expr m = map(a);
                if (m != a && out == null) {
                    out = new ArrayList<>(args);
                }
                if (out != null) {
                    out.set(i, m);
                }
            }
            return out == null ? args : out;
        }

        @Override
        public Expr visit(VectorCall e) {
            List<Expr> args = args(e.args());
            return args == e.args() ? e : new VectorCall(e.function(), args);
        }

        @Override
        public Expr visit(ScalarCall e) {
            List<Expr> args = args(e.args());
            return args == e.args() ? e : new ScalarCall(e.function(), args);
        }

        @Override
        public Expr visit(Aggregation e) {
            InstantVectorExpr expr = map(e.expr());
            Optional<Expr> param = e.param();
            if (param.isPresent()) {
                Expr p = map(param.get());
                if (p != param.get()) {
                    param = Optional.of(p);
                }
            }
            return expr == e.expr() && param == e.param() ? e : new Aggregation(e.op(), expr, param, e.grouping());
        }

        @Override
        public Expr visit(VectorBinary e) {
            Expr lhs = operand(map(e.lhs()), e.op(), true);
            Expr rhs = operand(map(e.rhs()), e.op(), false);
            return lhs == e.lhs() && rhs == e.rhs() ? e
                    : new VectorBinary(e.op(), lhs, rhs, e.matching(), e.returnBool());
        }

        @Override
        public Expr visit(ScalarBinary e) {
            ScalarExpr lhs = (ScalarExpr) operand(map(e.lhs()), e.op(), true);
            ScalarExpr rhs = (ScalarExpr) operand(map(e.rhs()), e.op(), false);
            return lhs == e.lhs() && rhs == e.rhs() ? e : new ScalarBinary(e.op(), lhs, rhs, e.returnBool());
        }

        @Override
        public Expr visit(VectorUnary e) {
            InstantVectorExpr child = (InstantVectorExpr) unaryOperand(map(e.expr()));
            return child == e.expr() ? e : new VectorUnary(e.op(), child);
        }

        @Override
        public Expr visit(ScalarUnary e) {
            ScalarExpr child = (ScalarExpr) unaryOperand(map(e.expr()));
            return child == e.expr() ? e : new ScalarUnary(e.op(), child);
        }

        @Override
        public Expr visit(VectorParen e) {
            InstantVectorExpr inner = map(e.expr());
            return inner == e.expr() ? e : new VectorParen(inner);
        }

        @Override
        public Expr visit(RangeParen e) {
            RangeVectorExpr inner = map(e.expr());
            return inner == e.expr() ? e : new RangeParen(inner);
        }

        @Override
        public Expr visit(ScalarParen e) {
            ScalarExpr inner = map(e.expr());
            return inner == e.expr() ? e : new ScalarParen(inner);
        }

        @Override
        public Expr visit(StringParen e) {
            StringExpr inner = map(e.expr());
            return inner == e.expr() ? e : new StringParen(inner);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Compact form: Prometheus' String(), on a tree that already holds every parenthesis it needs

    private static final class Compact implements ExprVisitor<Void> {
        private final StringBuilder sb;

        Compact(StringBuilder sb) {
            this.sb = sb;
        }

        void print(Expr e) {
            e.accept(this);
        }

        @Override
        public Void visit(NumberLiteral e) {
            sb.append(number(e.value()));
            return null;
        }

        @Override
        public Void visit(StringLiteral e) {
            GoStrings.quoteTo(sb, e.value());
            return null;
        }

        @Override
        public Void visit(VectorSelector e) {
            selectorBody(e);
            modifiers(e.at(), e.offset());
            return null;
        }

        /**
         * The metric name when it is a legacy name, then the matchers sorted as rendered strings. A name that
         * needs quoting becomes a {@code __name__="..."} matcher, which is how Prometheus 3.x prints the tree of
         * {@code {"my.metric"}}.
         */
        private void selectorBody(VectorSelector e) {
            String name = e.name();
            boolean bareName = !name.isEmpty() && isBareMetricName(name);
            if (bareName) {
                sb.append(name);
            }
            List<String> rendered = new ArrayList<>(e.matchers().size() + 1);
            if (!name.isEmpty() && !bareName) {
                rendered.add(matcher(new LabelMatcher(Names.METRIC_NAME_LABEL, MatchOp.EQUAL, name)));
            }
            for (LabelMatcher m : e.matchers()) {
                rendered.add(matcher(m));
            }
            if (rendered.isEmpty()) {
                return;
            }
            rendered.sort(GoStrings::compare);
            sb.append('{');
            for (int i = 0; i < rendered.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(rendered.get(i));
            }
            sb.append('}');
        }

        /** {@code @} before {@code offset}, as Prometheus prints them (either order parses). */
        private void modifiers(Optional<AtModifier> at, PromDuration offset) {
            at.ifPresent(a -> sb.append(' ').append(a));
            if (!offset.isZero()) {
                sb.append(" offset ").append(offset);
            }
        }

        @Override
        public Void visit(MatrixSelector e) {
            selectorBody(e.selector());
            sb.append('[').append(e.range()).append(']');
            modifiers(e.selector().at(), e.selector().offset());
            return null;
        }

        @Override
        public Void visit(Subquery e) {
            print(e.expr());
            subquerySuffix(sb, e);
            return null;
        }

        @Override
        public Void visit(VectorCall e) {
            call(e);
            return null;
        }

        @Override
        public Void visit(ScalarCall e) {
            call(e);
            return null;
        }

        private void call(Call c) {
            sb.append(c.function().name()).append('(');
            List<Expr> args = c.args();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                print(args.get(i));
            }
            sb.append(')');
        }

        @Override
        public Void visit(Aggregation e) {
            aggregationHead(sb, e);
            sb.append('(');
            if (e.param().isPresent()) {
                print(e.param().get());
                sb.append(", ");
            }
            print(e.expr());
            sb.append(')');
            return null;
        }

        @Override
        public Void visit(VectorBinary e) {
            binary(e);
            return null;
        }

        @Override
        public Void visit(ScalarBinary e) {
            binary(e);
            return null;
        }

        private void binary(BinaryExpr b) {
            print(b.lhs());
            sb.append(' ');
            operator(sb, b);
            sb.append(' ');
            print(b.rhs());
        }

        @Override
        public Void visit(VectorUnary e) {
            sb.append(e.op().symbol());
            print(e.expr());
            return null;
        }

        @Override
        public Void visit(ScalarUnary e) {
            sb.append(e.op().symbol());
            print(e.expr());
            return null;
        }

        private void paren(ParenExpr p) {
            sb.append('(');
            print(p.expr());
            sb.append(')');
        }

        @Override
        public Void visit(VectorParen e) {
            paren(e);
            return null;
        }

        @Override
        public Void visit(RangeParen e) {
            paren(e);
            return null;
        }

        @Override
        public Void visit(ScalarParen e) {
            paren(e);
            return null;
        }

        @Override
        public Void visit(StringParen e) {
            paren(e);
            return null;
        }
    }

    /** {@code [range:step] @ t offset d}; an absent step prints as {@code [range:]}. */
    private static void subquerySuffix(StringBuilder sb, Subquery e) {
        sb.append('[').append(e.range()).append(':');
        if (!e.step().isZero()) {
            sb.append(e.step());
        }
        sb.append(']');
        e.at().ifPresent(a -> sb.append(' ').append(a));
        if (!e.offset().isZero()) {
            sb.append(" offset ").append(e.offset());
        }
    }

    /** {@code op}, {@code op by (a, b) } or {@code op without (a) } (with the trailing space), as Prometheus. */
    private static void aggregationHead(StringBuilder sb, Aggregation e) {
        sb.append(e.op().promqlName());
        Grouping g = e.grouping();
        if (g.kind() != Grouping.Kind.NONE) {
            sb.append(g.kind() == Grouping.Kind.BY ? " by (" : " without (");
            labelList(sb, g.labels());
            sb.append(") ");
        }
    }

    private static void labelList(StringBuilder sb, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendListLabelName(sb, labels.get(i));
        }
    }

    /**
     * The operator with its modifiers: {@code / on (job) group_left (foo)}, {@code > bool}. Like Prometheus, an
     * empty {@code ignoring ()} is printed only when a group modifier needs it; {@code on ()} always.
     */
    private static void operator(StringBuilder sb, BinaryExpr b) {
        sb.append(b.op().symbol());
        if (b.returnBool()) {
            sb.append(" bool");
        }
        VectorMatching m = b.matching();
        boolean grouped = m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE;
        if (m.on() || !m.labels().isEmpty() || grouped) {
            sb.append(m.on() ? " on (" : " ignoring (");
            labelList(sb, m.labels());
            sb.append(')');
        }
        if (grouped) {
            sb.append(m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? " group_left (" : " group_right (");
            labelList(sb, m.include());
            sb.append(')');
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pretty form: Prometheus' Pretty(level)

    private static final class Pretty implements ExprVisitor<String> {
        private int level;

        String pretty(Expr e, int atLevel) {
            int saved = level;
            level = atLevel;
            try {
                return e.accept(this);
            } finally {
                level = saved;
            }
        }

        private static String indent(int n) {
            return INDENT.repeat(n);
        }

        private static boolean needsSplit(String compact) {
            return utf8Length(compact) > MAX_LINE_LENGTH;
        }

        /** Leaves and anything short enough: the indent and the compact form. */
        private String leaf(Expr e) {
            return indent(level) + compactAsIs(e);
        }

        @Override
        public String visit(NumberLiteral e) {
            return leaf(e);
        }

        @Override
        public String visit(StringLiteral e) {
            return leaf(e);
        }

        @Override
        public String visit(VectorSelector e) {
            return leaf(e);
        }

        @Override
        public String visit(MatrixSelector e) {
            return leaf(e);
        }

        /**
         * Not split: the compact form WITHOUT indent (as Prometheus does, so a short subquery argument starts at
         * column 0). Split: the inner expression at this level, then the suffix on its last line.
         */
        @Override
        public String visit(Subquery e) {
            String c = compactAsIs(e);
            if (!needsSplit(c)) {
                return c;
            }
            StringBuilder sb = new StringBuilder(pretty(e.expr(), level));
            subquerySuffix(sb, e);
            return sb.toString();
        }

        private String call(Call e) {
            String c = compactAsIs((Expr) e);
            if (!needsSplit(c)) {
                return indent(level) + c;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(indent(level)).append(e.function().name()).append("(\n");
            List<Expr> args = e.args();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(",\n");
                }
                sb.append(pretty(args.get(i), level + 1));
            }
            sb.append('\n').append(indent(level)).append(')');
            return sb.toString();
        }

        @Override
        public String visit(VectorCall e) {
            return call(e);
        }

        @Override
        public String visit(ScalarCall e) {
            return call(e);
        }

        @Override
        public String visit(Aggregation e) {
            String c = compactAsIs(e);
            if (!needsSplit(c)) {
                return indent(level) + c;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(indent(level));
            aggregationHead(sb, e);
            sb.append("(\n");
            if (e.param().isPresent()) {
                sb.append(pretty(e.param().get(), level + 1)).append(",\n");
            }
            sb.append(pretty(e.expr(), level + 1)).append('\n').append(indent(level)).append(')');
            return sb.toString();
        }

        /** Split: the operands one level deeper, the operator with its modifiers alone on a line between them. */
        private String binary(BinaryExpr b) {
            String c = compactAsIs((Expr) b);
            if (!needsSplit(c)) {
                return indent(level) + c;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(pretty(b.lhs(), level + 1)).append('\n').append(indent(level));
            operator(sb, b);
            sb.append('\n').append(pretty(b.rhs(), level + 1));
            return sb.toString();
        }

        @Override
        public String visit(VectorBinary e) {
            return binary(e);
        }

        @Override
        public String visit(ScalarBinary e) {
            return binary(e);
        }

        /** The operand at the same level, its indent replaced by the operator's. */
        private String unary(UnaryOp op, Expr child) {
            return indent(level) + op.symbol() + strip(pretty(child, level));
        }

        private static String strip(String s) {
            int start = 0;
            int end = s.length();
            while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\n')) {
                start++;
            }
            while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\n')) {
                end--;
            }
            return s.substring(start, end);
        }

        @Override
        public String visit(VectorUnary e) {
            return unary(e.op(), e.expr());
        }

        @Override
        public String visit(ScalarUnary e) {
            return unary(e.op(), e.expr());
        }

        private String paren(ParenExpr p) {
            String c = compactAsIs((Expr) p);
            if (!needsSplit(c)) {
                return indent(level) + c;
            }
            return indent(level) + "(\n" + pretty(p.expr(), level + 1) + "\n" + indent(level) + ")";
        }

        @Override
        public String visit(VectorParen e) {
            return paren(e);
        }

        @Override
        public String visit(RangeParen e) {
            return paren(e);
        }

        @Override
        public String visit(ScalarParen e) {
            return paren(e);
        }

        @Override
        public String visit(StringParen e) {
            return paren(e);
        }
    }
}
