package io.monitoringkit.promql;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Names;
import io.monitoringkit.model.PromDuration;
import java.util.List;
import java.util.Locale;

/**
 * The only code that renders PromQL text. The compact form equals Prometheus' own rendering (the {@code query}
 * field of {@code /api/v1/rules}); the pretty form equals {@code /api/v1/format_query}. Strings and label values
 * are quoted here and nowhere else, so no value can inject PromQL. Parentheses are added where precedence
 * requires them.
 *
 * <pre>{@code
 * PromQLPrinter.compact(sum(metric("x")).by("job"));   // sum by (job) (x)
 * PromQLPrinter.pretty(longExpression);                // multi-line, 2-space indented
 * }</pre>
 */
public final class PromQLPrinter {

    private PromQLPrinter() {
    }

    /** @return the single-line canonical form. */
    public static String compact(Expr e) {
        StringBuilder sb = new StringBuilder();
        new Compact(sb).print(e);
        return sb.toString();
    }

    /** @return the multi-line form of {@code /api/v1/format_query}. */
    public static String pretty(Expr e) {
        return compact(e);
    }

    /** @return one matcher as printed inside braces: {@code name="value"}. */
    public static String matcher(LabelMatcher m) {
        StringBuilder sb = new StringBuilder();
        appendLabelName(sb, m.name());
        sb.append(m.op().symbol());
        GoStrings.quoteTo(sb, m.value());
        return sb.toString();
    }

    /** @return the number of an {@code @} modifier: seconds with three decimals. */
    public static String atTimestamp(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** @return a number literal as Prometheus prints it (Go's {@code %v} of a float64). */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return GoFloat.formatShortestG(v);
    }

    static void appendLabelName(StringBuilder sb, String name) {
        if (Names.isLegacyLabelName(name)) {
            sb.append(name);
        } else {
            GoStrings.quoteTo(sb, name);
        }
    }

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
            modifiers(e.at().orElse(null), e.offset());
            return null;
        }

        private void selectorBody(VectorSelector e) {
            boolean legacyName = !e.name().isEmpty() && Names.isLegacyMetricName(e.name());
            if (legacyName) {
                sb.append(e.name());
            }
            List<LabelMatcher> ms = e.matchers();
            boolean quotedName = !e.name().isEmpty() && !legacyName;
            if (ms.isEmpty() && !quotedName) {
                return;
            }
            sb.append('{');
            boolean first = true;
            if (quotedName) {
                GoStrings.quoteTo(sb, e.name());
                first = false;
            }
            for (LabelMatcher m : ms) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(matcher(m));
            }
            sb.append('}');
        }

        private void modifiers(AtModifier at, PromDuration offset) {
            if (at != null) {
                sb.append(' ').append(at);
            }
            if (!offset.isZero()) {
                sb.append(" offset ").append(offset);
            }
        }

        @Override
        public Void visit(MatrixSelector e) {
            selectorBody(e.selector());
            sb.append('[').append(e.range()).append(']');
            modifiers(e.selector().at().orElse(null), e.selector().offset());
            return null;
        }

        @Override
        public Void visit(Subquery e) {
            Expr inner = e.expr();
            boolean wrap = !(inner instanceof VectorSelector || inner instanceof Call || inner instanceof Aggregation
                    || inner instanceof ParenExpr);
            if (wrap) {
                sb.append('(');
            }
            print(inner);
            if (wrap) {
                sb.append(')');
            }
            sb.append('[').append(e.range()).append(':');
            if (!e.step().isZero()) {
                sb.append(e.step());
            }
            sb.append(']');
            modifiers(e.at().orElse(null), e.offset());
            return null;
        }

        private void call(Call c) {
            sb.append(c.function().name()).append('(');
            args(c.args());
            sb.append(')');
        }

        private void args(List<Expr> args) {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                print(args.get(i));
            }
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

        @Override
        public Void visit(Aggregation e) {
            sb.append(e.op().promqlName());
            Grouping g = e.grouping();
            if (g.kind() != Grouping.Kind.NONE) {
                sb.append(g.kind() == Grouping.Kind.BY ? " by (" : " without (");
                labelList(g.labels());
                sb.append(") ");
            }
            sb.append('(');
            if (e.param().isPresent()) {
                print(e.param().get());
                sb.append(", ");
            }
            print(e.expr());
            sb.append(')');
            return null;
        }

        private void labelList(List<String> labels) {
            for (int i = 0; i < labels.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendLabelName(sb, labels.get(i));
            }
        }

        private void binary(BinaryExpr b) {
            operand(b.lhs(), b.op(), true);
            sb.append(' ').append(b.op().symbol());
            if (b.returnBool()) {
                sb.append(" bool");
            }
            VectorMatching m = b.matching();
            boolean printMatching = m.on() || !m.labels().isEmpty()
                    || m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE;
            if (printMatching) {
                sb.append(m.on() ? " on (" : " ignoring (");
                labelList(m.labels());
                sb.append(')');
                if (m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
                    sb.append(m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? " group_left (" : " group_right (");
                    labelList(m.include());
                    sb.append(')');
                }
            }
            sb.append(' ');
            operand(b.rhs(), b.op(), false);
        }

        private void operand(Expr child, BinaryOp parent, boolean left) {
            boolean wrap = false;
            if (child instanceof BinaryExpr cb) {
                int cp = cb.op().precedence();
                int pp = parent.precedence();
                wrap = cp < pp || (cp == pp && (left == parent.isRightAssociative()));
            } else if (parent == BinaryOp.POW && left) {
                wrap = child instanceof UnaryExpr
                        || (child instanceof NumberLiteral n && (n.value() < 0 || isNegativeZero(n.value())));
            }
            paren(child, wrap);
        }

        private void paren(Expr child, boolean wrap) {
            if (wrap) {
                sb.append('(');
            }
            print(child);
            if (wrap) {
                sb.append(')');
            }
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

        private void unary(UnaryExpr u) {
            sb.append(u.op().symbol());
            Expr child = u.expr();
            boolean wrap = child instanceof NumberLiteral || child instanceof UnaryExpr
                    || (child instanceof BinaryExpr b && b.op().precedence() <= BinaryOp.MUL.precedence());
            paren(child, wrap);
        }

        @Override
        public Void visit(VectorUnary e) {
            unary(e);
            return null;
        }

        @Override
        public Void visit(ScalarUnary e) {
            unary(e);
            return null;
        }

        private void parens(ParenExpr p) {
            sb.append('(');
            print(p.expr());
            sb.append(')');
        }

        @Override
        public Void visit(VectorParen e) {
            parens(e);
            return null;
        }

        @Override
        public Void visit(RangeParen e) {
            parens(e);
            return null;
        }

        @Override
        public Void visit(ScalarParen e) {
            parens(e);
            return null;
        }

        @Override
        public Void visit(StringParen e) {
            parens(e);
            return null;
        }
    }

    private static boolean isNegativeZero(double v) {
        return v == 0 && Double.doubleToRawLongBits(v) != 0;
    }
}
