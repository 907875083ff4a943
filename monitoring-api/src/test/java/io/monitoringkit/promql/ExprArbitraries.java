package io.monitoringkit.promql;

import io.monitoringkit.model.PromDuration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of well-typed PromQL syntax trees, built only from the public node records (never from
 * parsed text), so the laws {@code parse(print(e)) == e} test the printer and the parser against the AST.
 *
 * <p>Every node kind is covered: selectors (legacy and UTF-8 names, all four matcher operators, label values
 * with quotes, backslashes, control characters, non-ASCII and emoji), offsets (also negative), {@code @}
 * (timestamps, {@code start()}, {@code end()}), matrix selectors, subqueries, every function of the
 * {@link Functions} table with correctly typed arguments, every aggregation with {@code by}/{@code without}
 * and its parameter, every binary operator with {@code bool}, {@code on}/{@code ignoring} and
 * {@code group_left}/{@code group_right} where legal, unary operators, numbers (NaN, ±Inf, -0, tiny, huge)
 * and strings. Trees are at most {@code maxDepth} operators deep. No paren nodes are generated: the DSL never
 * creates them.
 *
 * <p>Matchers are generated in the order Prometheus prints them (sorted by their rendering, bytewise as Go
 * compares strings), because the canonical form sorts them and the law compares trees.
 */
final class ExprArbitraries {

    /** Characters a label value, a string or a UTF-8 name is built from: the awkward ones on purpose. */
    static final List<String> NASTY_CHARS = List.of(
            "a", "z", "Z", "0", "9", "_", ":", ".", "-", " ", "/",
            "\"", "\\", "'", "`", "\n", "\r", "\t", "\u0000", "\u0007", "\u000b", "\u007f",
            "é", "ß", "Ω", "日", "本", "😀", "🎉", "\u200b", "\ufeff", "\u00a0", "\u2028",
            "{", "}", "[", "]", "(", ")", "=", "~", "!", ",", "#", "$", "%", "@", "+", "*", "?", "|", "^");

    /** Whole values that have broken string escaping somewhere before. */
    static final List<String> NASTY_VALUES = List.of(
            "", "x", "\"", "\\", "\\\"", "\"\\", "\n", "\r\n", "'", "`", "``", "a\\nb", "\\x41", "\\u00e9",
            "}[5m] or vector(1) # ", "\"} or up{a=\"", "日本語", "😀😀", "e\u0301", "$1", "%s%d", " leading",
            "trailing ", "\u0000", "\u007f\u0080", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08");

    static final List<String> LEGACY_METRIC_NAMES = List.of(
            "up", "x", "http_requests_total", "node:cpu:rate5m", "_private", "A", "le", "by", "without", "on",
            "offset", "sum", "rate", "inf", "nan", "bool", "and", "start", "end");

    static final List<String> UTF8_NAMES = List.of(
            "http.requests", "ünïcödé", "with space", "emoji😀", "a\"b", "0starts_with_digit", "a-b", "a\\b",
            "x{y}", "日本", "tab\there", "new\nline");

    static final List<String> LEGACY_LABEL_NAMES = List.of(
            "job", "instance", "le", "code", "a", "_b", "__name__", "__meta_x", "by", "on", "offset", "bool",
            "group_left", "sum", "inf", "nan");

    static final List<String> GOOD_REGEXES = List.of(
            ".*", ".+", "5..", "a|b", "(?i)abc", "[a-z]+", "\\d+", "\\.", "foo.*bar", "a{2,3}", "\\p{Lu}",
            "[^\"]*", "\\\\", "(a)(b)", "(?P<x>a)", "", "\n", "é|😀");

    private final int maxDepth;
    private final List<Arbitrary<InstantVectorExpr>> vectors = new ArrayList<>();
    private final List<Arbitrary<ScalarExpr>> scalars = new ArrayList<>();
    private final List<Arbitrary<RangeVectorExpr>> ranges = new ArrayList<>();

    ExprArbitraries(int maxDepth) {
        this.maxDepth = maxDepth;
        for (int d = 0; d <= maxDepth; d++) {
            int depth = d;
            vectors.add(Arbitraries.lazy(() -> buildVector(depth)));
            scalars.add(Arbitraries.lazy(() -> buildScalar(depth)));
            ranges.add(Arbitraries.lazy(() -> buildRange(depth)));
        }
    }

    /** @return any well-typed expression (all four value types). */
    Arbitrary<Expr> expr() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, vector(maxDepth).map(e -> (Expr) e)),
                Tuple.of(2, scalar(maxDepth).map(e -> (Expr) e)),
                Tuple.of(1, range(maxDepth).map(e -> (Expr) e)),
                Tuple.of(1, string().map(e -> (Expr) e)));
    }

    Arbitrary<InstantVectorExpr> vector(int depth) {
        return vectors.get(Math.max(0, depth));
    }

    Arbitrary<ScalarExpr> scalar(int depth) {
        return scalars.get(Math.max(0, depth));
    }

    Arbitrary<RangeVectorExpr> range(int depth) {
        return ranges.get(Math.max(0, depth));
    }

    // ---- leaves ----

    static Arbitrary<String> nastyString() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(NASTY_VALUES)),
                Tuple.of(3, Arbitraries.of(NASTY_CHARS).list().ofMaxSize(8).map(l -> String.join("", l))));
    }

    static Arbitrary<StringLiteral> string() {
        return nastyString().map(StringLiteral::of);
    }

    static Arbitrary<String> metricName() {
        Arbitrary<String> generatedUtf8 = Arbitraries.of(NASTY_CHARS).list().ofMinSize(1).ofMaxSize(6)
                .map(l -> String.join("", l));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(LEGACY_METRIC_NAMES)),
                Tuple.of(2, Arbitraries.of(UTF8_NAMES)),
                Tuple.of(1, generatedUtf8));
    }

    static Arbitrary<String> labelName() {
        Arbitrary<String> generatedUtf8 = Arbitraries.of(NASTY_CHARS).list().ofMinSize(1).ofMaxSize(5)
                .map(l -> String.join("", l));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(LEGACY_LABEL_NAMES)),
                Tuple.of(2, Arbitraries.of(UTF8_NAMES)),
                Tuple.of(1, generatedUtf8));
    }

    static Arbitrary<LabelMatcher> matcher() {
        Arbitrary<LabelMatcher> plain = Combinators.combine(labelName(),
                Arbitraries.of(MatchOp.EQUAL, MatchOp.NOT_EQUAL), nastyString()).as(LabelMatcher::new);
        Arbitrary<String> regex = Arbitraries.oneOf(Arbitraries.of(GOOD_REGEXES),
                nastyString().map(LabelName::quoteRegex));
        Arbitrary<LabelMatcher> re = Combinators.combine(labelName(),
                Arbitraries.of(MatchOp.REGEX, MatchOp.NOT_REGEX), regex).as(LabelMatcher::new);
        return Arbitraries.oneOf(plain, re);
    }

    static Arbitrary<PromDuration> positiveDuration() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(1L, 500L, 1_000L, 30_000L, 60_000L, 300_000L, 5_400_000L, 3_600_000L,
                        86_400_000L, 604_800_000L, 31_536_000_000L, 90_061_001L)),
                Tuple.of(1, Arbitraries.longs().between(1, 10L * 31_536_000_000L)))
                .map(PromDuration::ofMillis);
    }

    /** Offsets: none (zero) half of the time, otherwise positive or negative. */
    static Arbitrary<PromDuration> offset() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(PromDuration.ZERO)),
                Tuple.of(2, positiveDuration()),
                Tuple.of(1, positiveDuration().map(PromDuration::negated)));
    }

    static Arbitrary<Optional<AtModifier>> at() {
        Arbitrary<AtModifier> ts = Arbitraries.oneOf(
                Arbitraries.of(0L, 1_000L, 1_500L, -1_000L, 1_700_000_000_000L, 1_700_000_000_123L),
                Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L)).map(AtModifier::ofMillis);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.<AtModifier>empty())),
                Tuple.of(2, ts.map(Optional::of)),
                Tuple.of(1, Arbitraries.of(AtModifier.start(), AtModifier.end()).map(Optional::of)));
    }

    static Arbitrary<VectorSelector> selector() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(4, metricName()),
                Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(name, matcher().list().ofMaxSize(3), offset(), at())
                .as(ExprArbitraries::trySelector)
                .filter(Optional::isPresent).map(Optional::get);
    }

    private static Optional<VectorSelector> trySelector(String name, List<LabelMatcher> matchers,
                                                        PromDuration offset, Optional<AtModifier> at) {
        List<LabelMatcher> sorted = new ArrayList<>(matchers);
        sorted.sort(Comparator.comparing(m -> PromQLPrinter.matcher(m).getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned));
        try {
            return Optional.of(new VectorSelector(name, sorted, offset, at));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    static Arbitrary<NumberLiteral> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0.0, 1.0, 2.0, 5.0, 0.5, 0.99, 100.0, -1.0, -0.5, 1e6, 1e21, 1e-5,
                        123456789.0, 0.1 + 0.2)),
                Tuple.of(2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 9e15,
                        (double) Long.MAX_VALUE)),
                Tuple.of(2, Arbitraries.doubles()),
                Tuple.of(1, Arbitraries.integers().between(-1000, 1000).map(i -> (double) i)))
                .map(NumberLiteral::of);
    }

    // ---- recursive kinds ----

    private Arbitrary<InstantVectorExpr> buildVector(int d) {
        if (d == 0) {
            return Arbitraries.frequencyOf(
                    Tuple.of(5, selector().map(e -> (InstantVectorExpr) e)),
                    Tuple.of(1, leafVectorCall()));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, selector().map(e -> (InstantVectorExpr) e)),
                Tuple.of(3, vectorCall(d - 1)),
                Tuple.of(3, aggregation(d - 1).map(e -> (InstantVectorExpr) e)),
                Tuple.of(4, vectorBinary(d - 1).map(e -> (InstantVectorExpr) e)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(UnaryOp.values()), vector(d - 1))
                        .as(VectorUnary::new).map(e -> (InstantVectorExpr) e)));
    }

    private Arbitrary<ScalarExpr> buildScalar(int d) {
        Arbitrary<ScalarExpr> leaf = Arbitraries.frequencyOf(
                Tuple.of(5, number().map(e -> (ScalarExpr) e)),
                Tuple.of(1, Arbitraries.of("time", "pi").map(n -> (ScalarExpr) ScalarCall.of(n))));
        if (d == 0) {
            return leaf;
        }
        Arbitrary<BinaryOp> scalarOps = Arbitraries.of(Arrays.stream(BinaryOp.values())
                .filter(op -> !op.isSetOperator()).toList());
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(2, Combinators.combine(scalarOps, scalar(d - 1), scalar(d - 1))
                        .as((op, l, r) -> (ScalarExpr) ScalarBinary.of(op, l, r))),
                Tuple.of(1, Combinators.combine(Arbitraries.of(UnaryOp.values()), scalar(d - 1))
                        .as((op, e) -> (ScalarExpr) new ScalarUnary(op, e))),
                Tuple.of(1, vector(d - 1).map(v -> (ScalarExpr) new ScalarCall(Functions.get("scalar"), List.of(v)))));
    }

    private Arbitrary<RangeVectorExpr> buildRange(int d) {
        Arbitrary<RangeVectorExpr> matrix = Combinators.combine(selector(), positiveDuration())
                .as((s, r) -> (RangeVectorExpr) new MatrixSelector(s, r));
        if (d == 0) {
            return matrix;
        }
        Arbitrary<PromDuration> step = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(PromDuration.ZERO)),
                Tuple.of(2, positiveDuration()));
        Arbitrary<RangeVectorExpr> subquery = Combinators.combine(vector(d - 1), positiveDuration(), step, offset(), at())
                .as((e, r, s, o, a) -> (RangeVectorExpr) new Subquery(e, r, s, o, a));
        return Arbitraries.frequencyOf(Tuple.of(3, matrix), Tuple.of(1, subquery));
    }

    private Arbitrary<Expr> argument(ValueType type, int d) {
        return switch (type) {
            case VECTOR -> vector(d).map(e -> (Expr) e);
            case SCALAR -> scalar(d).map(e -> (Expr) e);
            case MATRIX -> range(d).map(e -> (Expr) e);
            case STRING -> string().map(e -> (Expr) e);
        };
    }

    /** Calls of functions whose arguments need no further recursion (depth 0). */
    private Arbitrary<InstantVectorExpr> leafVectorCall() {
        return Arbitraries.of(Functions.get("vector"), Functions.get("hour"), Functions.get("rate"),
                        Functions.get("abs"), Functions.get("absent_over_time"))
                .flatMap(f -> call(f, 0));
    }

    private Arbitrary<InstantVectorExpr> vectorCall(int d) {
        List<PromFunction> fs = Functions.all().stream().filter(f -> f.returnType() == ValueType.VECTOR).toList();
        return Arbitraries.of(fs).flatMap(f -> call(f, d));
    }

    private Arbitrary<InstantVectorExpr> call(PromFunction f, int d) {
        int min = f.minArgs();
        int max = Math.min(f.maxArgs(), Math.max(min, f.argTypes().size()) + 2);
        return Arbitraries.integers().between(min, max).flatMap(n -> {
            List<Arbitrary<Expr>> args = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (f.name().equals("info") && i == 1) {
                    // Prometheus requires label selectors as info()'s second argument
                    args.add(selector().map(s -> (Expr) new VectorSelector(s.name(), s.matchers(), PromDuration.ZERO,
                            Optional.empty())));
                } else {
                    args.add(argument(f.argType(i), d));
                }
            }
            if (args.isEmpty()) {
                return Arbitraries.just((InstantVectorExpr) new VectorCall(f, List.of()));
            }
            return Combinators.combine(args).as(list -> (InstantVectorExpr) new VectorCall(f, list));
        });
    }

    private Arbitrary<Grouping> grouping() {
        Arbitrary<List<String>> labels = labelName().list().ofMaxSize(3);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Grouping.NONE)),
                Tuple.of(2, labels.map(l -> new Grouping(Grouping.Kind.BY, l))),
                Tuple.of(1, labels.map(l -> new Grouping(Grouping.Kind.WITHOUT, l))));
    }

    private Arbitrary<Aggregation> aggregation(int d) {
        return Arbitraries.of(AggregateOp.values()).flatMap(op -> {
            Arbitrary<Optional<Expr>> param = op.paramType()
                    .map(t -> argument(t, d).map(Optional::of))
                    .orElse(Arbitraries.just(Optional.empty()));
            return Combinators.combine(vector(d), param, grouping()).as((e, p, g) -> new Aggregation(op, e, p, g));
        });
    }

    private Arbitrary<VectorMatching> matching() {
        Arbitrary<List<String>> labels = labelName().list().ofMaxSize(3);
        Arbitrary<VectorMatching.Cardinality> card = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(VectorMatching.Cardinality.ONE_TO_ONE)),
                Tuple.of(1, Arbitraries.just(VectorMatching.Cardinality.MANY_TO_ONE)),
                Tuple.of(1, Arbitraries.just(VectorMatching.Cardinality.ONE_TO_MANY)));
        Arbitrary<VectorMatching> explicit = Combinators.combine(card, Arbitraries.of(true, false), labels, labels)
                .as((c, on, ls, inc) -> new VectorMatching(c, on,
                        ls, c == VectorMatching.Cardinality.ONE_TO_ONE ? List.of() : inc));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(VectorMatching.DEFAULT)),
                Tuple.of(3, explicit));
    }

    private Arbitrary<VectorBinary> vectorBinary(int d) {
        Arbitrary<Expr> vec = vector(d).map(e -> (Expr) e);
        Arbitrary<Expr> scal = scalar(d).map(e -> (Expr) e);
        Arbitrary<Tuple.Tuple2<Expr, Expr>> bothVectors = Combinators.combine(vec, vec).as(Tuple::of);
        Arbitrary<Tuple.Tuple2<Expr, Expr>> mixed = Arbitraries.oneOf(
                Combinators.combine(vec, scal).as(Tuple::of),
                Combinators.combine(scal, vec).as(Tuple::of));
        Arbitrary<Tuple.Tuple2<Expr, Expr>> operands = Arbitraries.frequencyOf(Tuple.of(3, bothVectors),
                Tuple.of(1, mixed));
        return Combinators.combine(Arbitraries.of(BinaryOp.values()), operands, matching(), Arbitraries.of(true, false))
                .as(ExprArbitraries::tryVectorBinary)
                .filter(Optional::isPresent).map(Optional::get);
    }

    /** Builds the binary expression when Prometheus allows the combination, else nothing (filtered out). */
    private static Optional<VectorBinary> tryVectorBinary(BinaryOp op, Tuple.Tuple2<Expr, Expr> operands,
                                                          VectorMatching matching, boolean bool) {
        Expr l = operands.get1();
        Expr r = operands.get2();
        boolean bothVectors = l.type() == ValueType.VECTOR && r.type() == ValueType.VECTOR;
        if (op.isSetOperator() && !bothVectors) {
            return Optional.empty();
        }
        VectorMatching m = bothVectors ? matching : VectorMatching.DEFAULT;
        if (op.isSetOperator() && m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
            m = new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, m.on(), m.labels(), List.of());
        }
        try {
            return Optional.of(new VectorBinary(op, l, r, m, bool && op.isComparison()));
        } catch (IllegalArgumentException notAllowed) {
            return Optional.empty();
        }
    }

}
