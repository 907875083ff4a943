package io.monitoringkit.promql.internal;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Names;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.AggregateOp;
import io.monitoringkit.promql.Aggregation;
import io.monitoringkit.promql.AtModifier;
import io.monitoringkit.promql.BinaryOp;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.Functions;
import io.monitoringkit.promql.Grouping;
import io.monitoringkit.promql.InstantVectorExpr;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatchOp;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.NumberLiteral;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromFunction;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.RangeParen;
import io.monitoringkit.promql.RangeVectorExpr;
import io.monitoringkit.promql.ScalarBinary;
import io.monitoringkit.promql.ScalarCall;
import io.monitoringkit.promql.ScalarExpr;
import io.monitoringkit.promql.ScalarParen;
import io.monitoringkit.promql.ScalarUnary;
import io.monitoringkit.promql.StringExpr;
import io.monitoringkit.promql.StringLiteral;
import io.monitoringkit.promql.StringParen;
import io.monitoringkit.promql.Subquery;
import io.monitoringkit.promql.UnaryOp;
import io.monitoringkit.promql.ValueType;
import io.monitoringkit.promql.VectorBinary;
import io.monitoringkit.promql.VectorCall;
import io.monitoringkit.promql.VectorMatching;
import io.monitoringkit.promql.VectorParen;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.promql.VectorUnary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The PromQL parser and type checker: a hand-written recursive-descent / precedence-climbing parser over
 * {@link Lexer}, reproducing Prometheus 3.x' grammar, its static checks ({@code checkAST}) and its error
 * messages and positions where practical.
 *
 * <p>As in Prometheus, syntax errors stop the parse, errors found while building nodes (unknown functions,
 * durations, matchers, modifiers) are collected and the first one is reported, and type checks run only when
 * the parse found no error. Syntactic nesting is limited to {@link ParseOptions#maxDepth()} and the height of the
 * tree (long operator chains) to four times that, so no input can exhaust the stack.
 *
 * <pre>{@code
 * Expr e = Parser.parse("sum by (job) (rate(x[5m]))", ParseOptions.defaults());   // use PromQL.parse instead
 * Parser.parse("rate(x)", ParseOptions.defaults());
 * // PromQLParseException: 1:6: expected type range vector in call to function "rate", got instant vector
 * }</pre>
 */
public final class Parser {

    private static final int POW_PREC = 6;

    private final Lexer lx;
    private final ParseOptions options;
    private final int treeLimit;
    private PromQLParseException firstError;
    private int aggDepth;
    private int nesting;
    /** Where built nodes start, when a {@link SourceMap} asked for it; null otherwise. */
    private SourceMap positions;

    private Parser(String text, ParseOptions options) {
        this.lx = new Lexer(text);
        this.options = options;
        this.treeLimit = (int) Math.min(Integer.MAX_VALUE, 4L * options.maxDepth());
    }

    /**
     * Parses and type-checks {@code text}.
     *
     * @throws PromQLParseException for any invalid input, with the position Prometheus reports
     */
    public static Expr parse(String text, ParseOptions options) {
        return parse(text, options, null);
    }

    /** Parses as {@link #parse(String, ParseOptions)}, recording node positions into {@code positions}. */
    static Expr parse(String text, ParseOptions options, SourceMap positions) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        try {
            Parser p = new Parser(text, options);
            p.positions = positions;
            return p.run();
        } catch (PromQLParseException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new PromQLParseException(1, 1, "expression is nested too deeply");
        } catch (RuntimeException e) {
            throw new PromQLParseException(1, 1, "internal parser error: " + e);
        }
    }

    private Expr run() {
        advance();
        if (lx.tok == Tok.EOF) {
            throw fatal(0, "no expression found in input");
        }
        PNode e = expr();
        if (lx.tok != Tok.EOF) {
            throw unexpectedGeneric();
        }
        if (firstError != null) {
            throw firstError;
        }
        check(e);
        return build(e);
    }

    // ---- errors ----

    private PromQLParseException error(int pos, String reason) {
        String in = lx.input();
        int line = 1;
        int lastBreak = -1;
        int end = Math.min(pos, in.length());
        for (int i = 0; i < end; i++) {
            if (in.charAt(i) == '\n') {
                line++;
                lastBreak = i;
            }
        }
        return new PromQLParseException(line, pos - lastBreak, reason);
    }

    /** Records an error found while building a node; parsing goes on, the first error wins. */
    private void record(int pos, String reason) {
        if (firstError == null) {
            firstError = error(pos, reason);
        }
    }

    /** @return the exception to throw for a syntax error (an earlier recorded error wins). */
    private PromQLParseException fatal(int pos, String reason) {
        return firstError != null ? firstError : error(pos, reason);
    }

    private PromQLParseException unexpected(String context, String expected) {
        StringBuilder sb = new StringBuilder("unexpected ").append(Tok.describe(lx.tok, lx.text));
        if (context != null) {
            sb.append(" in ").append(context);
        }
        if (expected != null) {
            sb.append(", expected ").append(expected);
        }
        return fatal(lx.tokStart, sb.toString());
    }

    private PromQLParseException unexpectedGeneric() {
        return unexpected(aggDepth > 0 ? "aggregation" : null, null);
    }

    private void advance() {
        lx.next();
        if (lx.tok == Tok.ERROR) {
            throw fatal(lx.tokStart, lx.error);
        }
    }

    private <N extends PNode> N limit(N node) {
        if (node.depth > treeLimit) {
            throw fatal(node.start, "expression is nested too deeply (more than " + treeLimit + " levels)");
        }
        return node;
    }

    // ---- expressions ----

    private PNode expr() {
        return binary(1);
    }

    private static int precedence(Tok t) {
        return switch (t) {
            case LOR -> 1;
            case LAND, LUNLESS -> 2;
            case EQLC, NEQ, LTE, LSS, GTE, GTR, TRIM_UPPER, TRIM_LOWER -> 3;
            case ADD, SUB -> 4;
            case MUL, DIV, MOD, ATAN2 -> 5;
            case POW -> POW_PREC;
            default -> -1;
        };
    }

    private static BinaryOp binaryOp(Tok t) {
        return switch (t) {
            case LOR -> BinaryOp.OR;
            case LAND -> BinaryOp.AND;
            case LUNLESS -> BinaryOp.UNLESS;
            case EQLC -> BinaryOp.EQL;
            case NEQ -> BinaryOp.NEQ;
            case LTE -> BinaryOp.LTE;
            case LSS -> BinaryOp.LSS;
            case GTE -> BinaryOp.GTE;
            case GTR -> BinaryOp.GTR;
            case TRIM_UPPER -> BinaryOp.TRIM_UPPER;
            case TRIM_LOWER -> BinaryOp.TRIM_LOWER;
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case ATAN2 -> BinaryOp.ATAN2;
            case POW -> BinaryOp.POW;
            default -> throw new IllegalStateException("not a binary operator: " + t);
        };
    }

    private PNode binary(int minPrec) {
        if (++nesting > options.maxDepth()) {
            throw fatal(lx.tokStart, "expression is nested too deeply (more than " + options.maxDepth()
                    + " levels)");
        }
        PNode lhs = unary();
        while (true) {
            Tok t = lx.tok;
            int p = precedence(t);
            if (p < minPrec) {
                break;
            }
            int opPos = lx.tokStart;
            advance();
            PNode.Bin b = new PNode.Bin(lhs.start, opPos, binaryOp(t), lhs);
            modifiers(b);
            b.rhs = binary(t == Tok.POW ? p : p + 1);
            b.depth = PNode.depthOf(b.lhs, b.rhs);
            if (b.fill) {
                record(b.start, "binop fill modifiers are experimental and not enabled");
            }
            lhs = limit(b);
        }
        nesting--;
        return lhs;
    }

    private PNode unary() {
        if (lx.tok == Tok.ADD || lx.tok == Tok.SUB) {
            boolean minus = lx.tok == Tok.SUB;
            int pos = lx.tokStart;
            advance();
            PNode operand = binary(POW_PREC);
            if (operand instanceof PNode.Num num) {
                if (minus) {
                    num.value = -num.value;
                }
                num.start = pos;
                return num;
            }
            return limit(new PNode.Unary(pos, minus ? UnaryOp.MINUS : UnaryOp.PLUS, operand));
        }
        return postfix(primary());
    }

    private PNode primary() {
        Tok t = lx.tok;
        int pos = lx.tokStart;
        switch (t) {
            case NUMBER, DURATION -> {
                double v = literalSeconds();
                advance();
                return new PNode.Num(pos, v);
            }
            case STRING -> {
                String v = lx.value;
                advance();
                return new PNode.Str(pos, v);
            }
            case LEFT_PAREN -> {
                advance();
                PNode inner = expr();
                if (lx.tok != Tok.RIGHT_PAREN) {
                    throw unexpectedGeneric();
                }
                advance();
                return limit(new PNode.Paren(pos, inner));
            }
            case LEFT_BRACE -> {
                return selector(pos, "");
            }
            case IDENTIFIER, START, END, STEP, RANGE, MAX_OF, MIN_OF -> {
                String name = lx.text;
                advance();
                if (lx.tok == Tok.LEFT_PAREN) {
                    return call(pos, name);
                }
                return selector(pos, name);
            }
            default -> {
                if (t.isAggregator()) {
                    String name = lx.text;
                    advance();
                    if (lx.tok == Tok.LEFT_PAREN || lx.tok == Tok.BY || lx.tok == Tok.WITHOUT) {
                        return aggregation(pos, name);
                    }
                    return selector(pos, name);
                }
                if (t.isMetricIdentifier()) {
                    String name = lx.text;
                    advance();
                    return selector(pos, name);
                }
                throw unexpectedGeneric();
            }
        }
    }

    /** The value of the current NUMBER or DURATION token in seconds; errors are recorded at the token. */
    private double literalSeconds() {
        try {
            if (lx.tok == Tok.DURATION) {
                return GoNumbers.durationMillis(lx.text) / 1000.0;
            }
            return GoNumbers.number(lx.text);
        } catch (GoNumbers.NumberError e) {
            record(lx.tokStart, lx.tok == Tok.DURATION ? e.getMessage() : "error parsing number: " + e.getMessage());
            return 0;
        }
    }

    // ---- selectors ----

    private PNode.Sel selector(int pos, String name) {
        PNode.Sel s = new PNode.Sel(pos, name);
        if (lx.tok == Tok.LEFT_BRACE) {
            matchers(s);
        }
        return s;
    }

    private void matchers(PNode.Sel s) {
        advance();
        if (lx.tok == Tok.RIGHT_BRACE) {
            advance();
            return;
        }
        while (true) {
            if (lx.tok == Tok.IDENTIFIER || lx.tok == Tok.STRING) {
                boolean quoted = lx.tok == Tok.STRING;
                String label = quoted ? lx.value : lx.text;
                int labelPos = lx.tokStart;
                advance();
                MatchOp op = matchOp(lx.tok);
                if (op != null) {
                    advance();
                    if (lx.tok != Tok.STRING) {
                        throw unexpected("label matching", "string");
                    }
                    String value = lx.value;
                    int valuePos = lx.tokStart;
                    advance();
                    addMatcher(s, label, op, value, labelPos, valuePos);
                } else if (quoted) {
                    // a bare quoted name is the metric name, as a __name__ matcher (Prometheus' tree)
                    addMatcher(s, Names.METRIC_NAME_LABEL, MatchOp.EQUAL, label, labelPos, labelPos);
                } else {
                    throw unexpected("label matching", "label matching operator");
                }
            } else {
                throw unexpected("label matching", "identifier or \"}\"");
            }
            if (lx.tok == Tok.COMMA) {
                advance();
                if (lx.tok == Tok.RIGHT_BRACE) {
                    advance();
                    return;
                }
                continue;
            }
            if (lx.tok == Tok.RIGHT_BRACE) {
                advance();
                return;
            }
            throw unexpected("label matching", "\",\" or \"}\"");
        }
    }

    private static MatchOp matchOp(Tok t) {
        return switch (t) {
            case EQL -> MatchOp.EQUAL;
            case NEQ -> MatchOp.NOT_EQUAL;
            case EQL_REGEX -> MatchOp.REGEX;
            case NEQ_REGEX -> MatchOp.NOT_REGEX;
            default -> null;
        };
    }

    private void addMatcher(PNode.Sel s, String name, MatchOp op, String value, int pos, int valuePos) {
        if (op.isRegex()) {
            Optional<String> problem = Re2.check(value);
            if (problem.isPresent()) {
                record(pos, "error parsing regexp: " + goRegexProblem(value, problem.get()));
                return;
            }
        }
        if (name.isEmpty()) {
            record(pos, "label name must not be empty");
            return;
        }
        try {
            LabelMatcher m = new LabelMatcher(name, op, value);
            s.matchers.add(m);
            if (positions != null) {
                positions.matcher(m, pos, valuePos);
            }
        } catch (IllegalArgumentException e) {
            record(pos, e.getMessage());
        }
    }

    /** Rewords java.util.regex's most common complaints the way Go's regexp/syntax words them. */
    private static String goRegexProblem(String re, String problem) {
        if (problem.startsWith("Unclosed group")) {
            return "missing closing ): `" + re + "`";
        }
        if (problem.startsWith("Unmatched closing ')'")) {
            return "unexpected ): `" + re + "`";
        }
        if (problem.startsWith("Unclosed character class")) {
            int open = re.lastIndexOf('[');
            return "missing closing ]: `" + (open >= 0 ? re.substring(open) : re) + "`";
        }
        if (problem.startsWith("Dangling meta character '")) {
            return "missing argument to repetition operator: `" + problem.charAt(25) + "`";
        }
        return problem;
    }

    // ---- calls and aggregations ----

    private PNode call(int pos, String name) {
        PromFunction f = Functions.lookup(name).orElse(null);
        if (f == null) {
            record(pos, "unknown function with name " + GoStrings.quote(name));
        } else if (f.experimental() && !options.experimentalFunctions()) {
            record(pos, "function " + GoStrings.quote(name) + " is not enabled");
        }
        List<PNode> args = callBody();
        return limit(new PNode.Call(pos, f, args));
    }

    /** Parses {@code ( args )}; the current token is the left parenthesis. */
    private List<PNode> callBody() {
        advance();
        List<PNode> args = new ArrayList<>(4);
        if (lx.tok == Tok.RIGHT_PAREN) {
            advance();
            return args;
        }
        while (true) {
            args.add(expr());
            if (lx.tok == Tok.COMMA) {
                int comma = lx.tokStart;
                advance();
                while (lx.tok == Tok.COMMA) {
                    record(comma, "trailing commas not allowed in function call args");
                    comma = lx.tokStart;
                    advance();
                }
                if (lx.tok == Tok.RIGHT_PAREN) {
                    record(comma, "trailing commas not allowed in function call args");
                    advance();
                    return args;
                }
                continue;
            }
            if (lx.tok == Tok.RIGHT_PAREN) {
                advance();
                return args;
            }
            throw unexpectedGeneric();
        }
    }

    private PNode aggregation(int pos, String name) {
        AggregateOp op = AggregateOp.fromName(name).orElseThrow();
        PNode.Agg a = new PNode.Agg(pos, op);
        aggDepth++;
        boolean groupedBefore = false;
        if (lx.tok == Tok.BY || lx.tok == Tok.WITHOUT) {
            grouping(a);
            groupedBefore = true;
        }
        if (lx.tok != Tok.LEFT_PAREN) {
            throw unexpectedGeneric();
        }
        List<PNode> args = callBody();
        aggDepth--;
        if (!groupedBefore && (lx.tok == Tok.BY || lx.tok == Tok.WITHOUT)) {
            grouping(a);
        }
        if (args.isEmpty()) {
            record(pos, "no arguments for aggregate expression provided");
            return a;
        }
        int desired = 1;
        if (op.paramType().isPresent()) {
            if (op.experimental() && !options.experimentalFunctions()) {
                record(pos, op.promqlName()
                        + "() is experimental and must be enabled with --enable-feature=promql-experimental-functions");
                return a;
            }
            desired = 2;
            a.param = args.get(0);
        }
        if (args.size() != desired) {
            record(pos, "wrong number of arguments for aggregate expression provided, expected " + desired
                    + ", got " + args.size());
            return a;
        }
        a.expr = args.get(desired - 1);
        a.depth = PNode.depthOf(a.param, a.expr);
        return limit(a);
    }

    private void grouping(PNode.Agg a) {
        a.kind = lx.tok == Tok.BY ? Grouping.Kind.BY : Grouping.Kind.WITHOUT;
        advance();
        a.labels = groupingLabels();
    }

    /** Parses {@code ( label, ... )}; Prometheus' grouping_labels. */
    private List<String> groupingLabels() {
        if (lx.tok != Tok.LEFT_PAREN) {
            throw unexpected("grouping opts", "\"(\"");
        }
        advance();
        List<String> labels = new ArrayList<>(4);
        if (lx.tok == Tok.RIGHT_PAREN) {
            advance();
            return labels;
        }
        while (true) {
            if (lx.tok.isMaybeLabel()) {
                labels.add(lx.text);
                advance();
            } else if (lx.tok == Tok.STRING) {
                String v = lx.value;
                if (!Names.isUtf8Name(v)) {
                    record(lx.tokStart, "invalid label name for grouping: " + GoStrings.quote(v));
                }
                labels.add(v);
                advance();
            } else {
                throw unexpected("grouping opts", "label");
            }
            if (lx.tok == Tok.COMMA) {
                advance();
                if (lx.tok == Tok.RIGHT_PAREN) {
                    advance();
                    return labels;
                }
                continue;
            }
            if (lx.tok == Tok.RIGHT_PAREN) {
                advance();
                return labels;
            }
            throw unexpected("grouping opts", "\",\" or \")\"");
        }
    }

    // ---- binary modifiers ----

    private void modifiers(PNode.Bin b) {
        if (lx.tok == Tok.BOOL) {
            b.returnBool = true;
            advance();
        }
        if (lx.tok == Tok.ON || lx.tok == Tok.IGNORING) {
            b.on = lx.tok == Tok.ON;
            advance();
            b.labels = groupingLabels();
            if (lx.tok == Tok.GROUP_LEFT || lx.tok == Tok.GROUP_RIGHT) {
                b.card = lx.tok == Tok.GROUP_LEFT ? VectorMatching.Cardinality.MANY_TO_ONE
                        : VectorMatching.Cardinality.ONE_TO_MANY;
                advance();
                if (lx.tok == Tok.LEFT_PAREN) {
                    b.include = groupingLabels();
                }
            }
        }
        if (lx.tok == Tok.FILL || lx.tok == Tok.FILL_LEFT || lx.tok == Tok.FILL_RIGHT) {
            Tok first = lx.tok;
            advance();
            fillValue();
            b.fill = true;
            if ((first == Tok.FILL_LEFT && lx.tok == Tok.FILL_RIGHT)
                    || (first == Tok.FILL_RIGHT && lx.tok == Tok.FILL_LEFT)) {
                advance();
                fillValue();
            }
        }
    }

    private void fillValue() {
        if (lx.tok != Tok.LEFT_PAREN) {
            throw unexpectedGeneric();
        }
        advance();
        if (lx.tok == Tok.ADD || lx.tok == Tok.SUB) {
            advance();
        }
        if (lx.tok != Tok.NUMBER && lx.tok != Tok.DURATION) {
            throw unexpectedGeneric();
        }
        literalSeconds();
        advance();
        if (lx.tok != Tok.RIGHT_PAREN) {
            throw unexpectedGeneric();
        }
        advance();
    }

    // ---- postfix: ranges, subqueries, offset, @ ----

    private PNode postfix(PNode e) {
        while (true) {
            switch (lx.tok) {
                case LEFT_BRACKET -> e = limit(bracket(e));
                case OFFSET -> offset(e);
                case AT -> at(e);
                case ANCHORED, SMOOTHED -> {
                    record(e.start, (lx.tok == Tok.ANCHORED ? "anchored" : "smoothed")
                            + " modifier is experimental and not enabled");
                    advance();
                }
                default -> {
                    return e;
                }
            }
        }
    }

    private PNode bracket(PNode e) {
        int bracketPos = lx.tokStart;
        advance();
        long range = durationValue(true, true, "subquery or range selector",
                "number, duration, step(), or range()");
        if (lx.tok == Tok.RIGHT_BRACKET) {
            String problem = null;
            if (!(e instanceof PNode.Sel s)) {
                problem = "ranges only allowed for vector selectors";
            } else if (s.offsetMs != 0) {
                problem = "no offset modifiers allowed before range";
            } else if (s.at != null) {
                problem = "no @ modifiers allowed before range";
            }
            if (problem != null) {
                record(bracketPos, problem);
            }
            advance();
            return new PNode.Matrix(e.start, e, range);
        }
        if (lx.tok == Tok.COLON) {
            advance();
            long step = 0;
            if (lx.tok != Tok.RIGHT_BRACKET) {
                step = durationValue(true, true, "subquery selector",
                        "number, duration, step(), range(), or \"]\"");
                if (lx.tok != Tok.RIGHT_BRACKET) {
                    throw unexpected("subquery selector", "\"]\"");
                }
            }
            advance();
            return new PNode.Sub(e.start, e, range, step);
        }
        throw unexpected("subquery or range", "\":\" or \"]\"");
    }

    private static final double MAX_DURATION_SECONDS = 9.223372036854775807E9;

    /**
     * Parses a duration (signs, then a number or duration literal) of a range, step or offset.
     *
     * @return milliseconds
     */
    private long durationValue(boolean positive, boolean inBracket, String context, String expected) {
        int start = lx.tokStart;
        boolean negative = false;
        while (lx.tok == Tok.ADD || lx.tok == Tok.SUB) {
            negative ^= lx.tok == Tok.SUB;
            advance();
        }
        double seconds;
        long exactMs = Long.MIN_VALUE;
        String literal;
        if (lx.tok == Tok.NUMBER || lx.tok == Tok.DURATION) {
            literal = lx.text;
            if (lx.tok == Tok.DURATION) {
                try {
                    exactMs = GoNumbers.durationMillis(lx.text);
                    seconds = exactMs / 1000.0;
                } catch (GoNumbers.NumberError e) {
                    record(lx.tokStart, e.getMessage());
                    seconds = 0;
                    exactMs = 0;
                }
            } else {
                seconds = literalSeconds();
            }
            advance();
        } else if (lx.tok == Tok.LEFT_PAREN) {
            advance();
            throw fatal(lx.tokStart, "experimental duration expression is not enabled");
        } else if (lx.tok == Tok.STEP || lx.tok == Tok.RANGE || lx.tok == Tok.MAX_OF || lx.tok == Tok.MIN_OF) {
            throw fatal(lx.tokStart, "experimental duration expression is not enabled");
        } else {
            throw unexpected(context, expected);
        }
        if (inBracket) {
            switch (lx.tok) {
                case ADD, SUB, MUL, DIV, MOD, POW -> throw fatal(start,
                        "experimental duration expression is not enabled");
                default -> {
                }
            }
        }
        double v = negative ? -seconds : seconds;
        if (Double.isNaN(v) || v > MAX_DURATION_SECONDS || v < -MAX_DURATION_SECONDS) {
            record(start, "duration out of range");
            return 0;
        }
        if (positive && v <= 0) {
            record(start, "duration must be greater than 0");
            return 0;
        }
        if (exactMs != Long.MIN_VALUE) {
            return negative ? -exactMs : exactMs;
        }
        double nanos = GoNumbers.round(v * 1e9);
        if (nanos % 1_000_000 != 0) {
            record(start, "duration " + (negative ? "-" : "") + literal
                    + " is not a whole number of milliseconds, which monitoring-kit cannot represent");
            return 0;
        }
        return (long) (nanos / 1_000_000);
    }

    private void offset(PNode e) {
        advance();
        long ms = durationValue(false, false, "offset", "number, duration, step(), or range()");
        PNode target;
        if (e instanceof PNode.Matrix m) {
            if (!(m.inner instanceof PNode.Sel)) {
                record(e.start, "ranges only allowed for vector selectors");
                return;
            }
            target = m.inner;
        } else if (e instanceof PNode.Sel || e instanceof PNode.Sub) {
            target = e;
        } else {
            record(e.start, "offset modifier must be preceded by an instant vector selector or range vector "
                    + "selector or a subquery");
            return;
        }
        long current = target instanceof PNode.Sel s ? s.offsetMs : ((PNode.Sub) target).offsetMs;
        if (current != 0) {
            record(e.start, "offset may not be set multiple times");
        } else if (target instanceof PNode.Sel s) {
            s.offsetMs = ms;
        } else {
            ((PNode.Sub) target).offsetMs = ms;
        }
    }

    private void at(PNode e) {
        advance();
        AtModifier at;
        if (lx.tok == Tok.START || lx.tok == Tok.END) {
            boolean start = lx.tok == Tok.START;
            advance();
            if (lx.tok != Tok.LEFT_PAREN) {
                throw unexpected("@", "timestamp");
            }
            advance();
            if (lx.tok != Tok.RIGHT_PAREN) {
                throw unexpected("@", "timestamp");
            }
            advance();
            at = start ? AtModifier.start() : AtModifier.end();
        } else {
            boolean negative = false;
            if (lx.tok == Tok.ADD || lx.tok == Tok.SUB) {
                negative = lx.tok == Tok.SUB;
                advance();
            }
            if (lx.tok != Tok.NUMBER && lx.tok != Tok.DURATION) {
                throw unexpected("@", "timestamp");
            }
            double ts = literalSeconds();
            advance();
            if (negative) {
                ts = -ts;
            }
            double ms = GoNumbers.round(ts * 1000);
            if (Double.isNaN(ts) || Double.isInfinite(ts) || ts >= 9.223372036854775807E18
                    || ts <= -9.223372036854775808E18 || ms >= 9.223372036854775807E18
                    || ms <= -9.223372036854775808E18) {
                record(e.start, "timestamp out of bounds for @ modifier: " + GoNumbers.formatF(ts));
                ms = 0;
            }
            at = AtModifier.ofMillis((long) ms);
        }
        PNode target;
        if (e instanceof PNode.Matrix m) {
            if (!(m.inner instanceof PNode.Sel)) {
                record(e.start, "ranges only allowed for vector selectors");
                return;
            }
            target = m.inner;
        } else if (e instanceof PNode.Sel || e instanceof PNode.Sub) {
            target = e;
        } else {
            record(e.start, "@ modifier must be preceded by an instant vector selector or range vector selector "
                    + "or a subquery");
            return;
        }
        AtModifier current = target instanceof PNode.Sel s ? s.at : ((PNode.Sub) target).at;
        if (current != null) {
            record(e.start, "@ <timestamp> may not be set multiple times");
        } else if (target instanceof PNode.Sel s) {
            s.at = at;
        } else {
            ((PNode.Sub) target).at = at;
        }
    }

    // ---- type checks (Prometheus' checkAST) ----

    private static String documented(ValueType t) {
        return t.promqlName();
    }

    private static String goTypeName(ValueType t) {
        return switch (t) {
            case VECTOR -> "vector";
            case MATRIX -> "matrix";
            case SCALAR -> "scalar";
            case STRING -> "string";
        };
    }

    private void expectType(PNode node, ValueType want, String context) {
        ValueType t = check(node);
        if (t != want) {
            throw error(node.start, "expected type " + documented(want) + " in " + context + ", got "
                    + documented(t));
        }
    }

    private ValueType check(PNode node) {
        if (node instanceof PNode.Agg a) {
            expectType(a.expr, ValueType.VECTOR, "aggregation expression");
            if (a.op.paramType().isPresent()) {
                expectType(a.param, a.op.paramType().get(), "aggregation parameter");
            }
            return ValueType.VECTOR;
        }
        if (node instanceof PNode.Bin b) {
            return checkBinary(b);
        }
        if (node instanceof PNode.Call c) {
            return checkCall(c);
        }
        if (node instanceof PNode.Paren p) {
            return check(p.expr);
        }
        if (node instanceof PNode.Unary u) {
            ValueType t = check(u.expr);
            if (t != ValueType.SCALAR && t != ValueType.VECTOR) {
                throw error(u.start, "unary expression only allowed on expressions of type scalar or instant vector, "
                        + "got " + GoStrings.quote(documented(t)));
            }
            return t;
        }
        if (node instanceof PNode.Sub s) {
            ValueType t = check(s.expr);
            if (t != ValueType.VECTOR) {
                throw error(s.start, "subquery is only allowed on instant vector, got " + goTypeName(t) + " instead");
            }
            return ValueType.MATRIX;
        }
        if (node instanceof PNode.Matrix m) {
            check(m.inner);
            return ValueType.MATRIX;
        }
        if (node instanceof PNode.Sel s) {
            checkSelector(s);
            return ValueType.VECTOR;
        }
        return node.type();
    }

    private void checkSelector(PNode.Sel s) {
        if (!s.name.isEmpty()) {
            for (LabelMatcher m : s.matchers) {
                if (m.name().equals(Names.METRIC_NAME_LABEL)) {
                    throw error(s.start, "metric name must not be set twice: " + GoStrings.quote(s.name) + " or "
                            + GoStrings.quote(m.value()));
                }
            }
            return;
        }
        if (!s.bypassEmptyMatcherCheck) {
            for (LabelMatcher m : s.matchers) {
                if (!m.matchesEmpty()) {
                    return;
                }
            }
            throw error(s.start, "vector selector must contain at least one non-empty matcher");
        }
    }

    private ValueType checkBinary(PNode.Bin b) {
        ValueType lt = check(b.lhs);
        ValueType rt = check(b.rhs);
        if (b.returnBool && !b.op.isComparison()) {
            throw error(b.opPos, "bool modifier can only be used on comparison operators");
        }
        if (b.op.isComparison() && !b.returnBool && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw error(b.opPos, "comparisons between scalars must use BOOL modifier");
        }
        if (b.on) {
            for (String l1 : b.labels) {
                if (b.include.contains(l1)) {
                    throw error(b.opPos, "label " + GoStrings.quote(l1) + " must not occur in ON and GROUP clause at once");
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
            throw error(b.lhs.start, "binary expression must contain only scalar and instant vector types");
        }
        if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
            throw error(b.rhs.start, "binary expression must contain only scalar and instant vector types");
        }
        if (lt != ValueType.VECTOR || rt != ValueType.VECTOR) {
            if (!b.labels.isEmpty()) {
                throw error(b.start, "vector matching only allowed between instant vectors");
            }
        } else if (b.op.isSetOperator() && b.card != VectorMatching.Cardinality.ONE_TO_ONE) {
            throw error(b.start, "no grouping allowed for " + GoStrings.quote(b.op.symbol()) + " operation");
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && b.op.isSetOperator()) {
            throw error(b.start, "set operator " + GoStrings.quote(b.op.symbol())
                    + " not allowed in binary scalar expression");
        }
        return lt == ValueType.SCALAR && rt == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }

    private ValueType checkCall(PNode.Call c) {
        PromFunction f = c.function;
        int nargs = f.argTypes().size();
        int n = c.args.size();
        String q = f.name();
        if (f.variadic() == 0) {
            if (nargs != n) {
                throw error(c.start, "expected " + nargs + " argument(s) in call to " + GoStrings.quote(q) + ", got " + n);
            }
        } else {
            int na = nargs - 1;
            if (na > n) {
                throw error(c.start, "expected at least " + na + " argument(s) in call to " + GoStrings.quote(q)
                        + ", got " + n);
            } else if (f.variadic() > 0 && na + f.variadic() < n) {
                throw error(c.start, "expected at most " + (na + f.variadic()) + " argument(s) in call to "
                        + GoStrings.quote(q) + ", got " + n);
            }
        }
        if (f.name().equals("info") && n > 1) {
            PNode second = c.args.get(1);
            if (second.type() != ValueType.VECTOR) {
                throw error(c.start, "expected type instant vector in call to function " + GoStrings.quote(q) + ", got "
                        + documented(second.type()));
            }
            if (second instanceof PNode.Sel s && !s.name.isEmpty()) {
                throw error(second.start, "expected label selectors only, got vector selector instead");
            } else if (second instanceof PNode.Sel s) {
                s.bypassEmptyMatcherCheck = true;
            } else {
                throw error(second.start, "expected label selectors only");
            }
        }
        for (int i = 0; i < n; i++) {
            int k = i;
            if (k >= nargs) {
                if (f.variadic() == 0) {
                    break;
                }
                k = nargs - 1;
            }
            PNode arg = c.args.get(i);
            ValueType t = check(arg);
            if (t != f.argTypes().get(k)) {
                throw error(arg.start, "expected type " + documented(f.argTypes().get(k)) + " in call to function "
                        + GoStrings.quote(q) + ", got " + documented(t));
            }
        }
        return f.returnType();
    }

    // ---- building the public records ----

    private Expr build(PNode node) {
        try {
            Expr e = buildUnchecked(node);
            if (positions != null) {
                positions.node(e, node.start);
            }
            return e;
        } catch (PromQLParseException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(node.start, e.getMessage());
        }
    }

    private Expr buildUnchecked(PNode node) {
        if (node instanceof PNode.Num n) {
            return new NumberLiteral(n.value);
        }
        if (node instanceof PNode.Str s) {
            return new StringLiteral(s.value);
        }
        if (node instanceof PNode.Sel s) {
            return buildSelector(s);
        }
        if (node instanceof PNode.Matrix m) {
            return new MatrixSelector((VectorSelector) build(m.inner), PromDuration.ofMillis(m.rangeMs));
        }
        if (node instanceof PNode.Sub s) {
            return new Subquery((InstantVectorExpr) build(s.expr), PromDuration.ofMillis(s.rangeMs),
                    PromDuration.ofMillis(s.stepMs), PromDuration.ofMillis(s.offsetMs), Optional.ofNullable(s.at));
        }
        if (node instanceof PNode.Call c) {
            List<Expr> args = new ArrayList<>(c.args.size());
            for (PNode a : c.args) {
                args.add(build(a));
            }
            return c.function.returnType() == ValueType.SCALAR ? new ScalarCall(c.function, args)
                    : new VectorCall(c.function, args);
        }
        if (node instanceof PNode.Agg a) {
            Optional<Expr> param = a.param == null ? Optional.empty() : Optional.of(build(a.param));
            InstantVectorExpr inner = (InstantVectorExpr) build(a.expr);
            Grouping g = a.kind == Grouping.Kind.NONE ? Grouping.NONE : new Grouping(a.kind, a.labels);
            return new Aggregation(a.op, inner, param, g);
        }
        if (node instanceof PNode.Bin b) {
            Expr l = build(b.lhs);
            Expr r = build(b.rhs);
            if (l instanceof ScalarExpr ls && r instanceof ScalarExpr rs) {
                return new ScalarBinary(b.op, ls, rs, b.returnBool);
            }
            VectorMatching m = VectorMatching.DEFAULT;
            if (l.type() == ValueType.VECTOR && r.type() == ValueType.VECTOR) {
                m = new VectorMatching(b.card, b.on, b.labels, b.include);
            }
            return new VectorBinary(b.op, l, r, m, b.returnBool);
        }
        if (node instanceof PNode.Unary u) {
            Expr inner = build(u.expr);
            if (inner instanceof ScalarExpr s) {
                return new ScalarUnary(u.op, s);
            }
            return new VectorUnary(u.op, (InstantVectorExpr) inner);
        }
        if (node instanceof PNode.Paren p) {
            Expr inner = build(p.expr);
            if (inner instanceof InstantVectorExpr v) {
                return new VectorParen(v);
            }
            if (inner instanceof RangeVectorExpr r) {
                return new RangeParen(r);
            }
            if (inner instanceof ScalarExpr s) {
                return new ScalarParen(s);
            }
            return new StringParen((StringExpr) inner);
        }
        throw new IllegalStateException("unknown node " + node.getClass());
    }

    private VectorSelector buildSelector(PNode.Sel s) {
        return new VectorSelector(s.name, s.matchers, PromDuration.ofMillis(s.offsetMs), Optional.ofNullable(s.at));
    }
}
