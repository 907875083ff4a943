package io.monitoringkit.promql;

import io.monitoringkit.model.PromDuration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of well-typed PromQL syntax trees, built only from the public node records (never from parsed
 * text), so the laws {@code parse(print(e)) == e} test the printer and the parser against the AST.
 *
 * <p>Every node kind is covered: selectors (legacy and UTF-8 metric names, also as {@code __name__} matchers, all four
 * matcher operators, label names and values with quotes, backslashes, control characters, non-ASCII and emoji),
 * offsets (also negative), {@code @} (timestamps, {@code start()}, {@code end()}), matrix selectors,
 * subqueries, every function of the {@link Functions} table with correctly typed arguments, every aggregation
 * with {@code by}/{@code without} and its parameter, every binary operator with {@code bool},
 * {@code on}/{@code ignoring} and {@code group_left}/{@code group_right} where legal, unary operators, numbers
 * (NaN, ±Inf, -0, tiny, huge) and strings. Trees are at most {@code maxDepth} operators deep. No paren nodes
 * are generated: the DSL never creates them.
 *
 * <p>Matchers are generated in the order Prometheus prints them (sorted by their rendering, bytewise as Go
 * compares strings), because the canonical form sorts them and the law compares trees.
 *
 * <p>The trees are drawn from a {@link Random} handed out by jqwik ({@link Arbitraries#randomValue}): jqwik's
 * combinators were far too slow for recursive trees of this size (seconds per hundred trees), at the price of
 * shrinking; a failing try prints its tree and the seed reproduces it.
 */
final class ExprArbitraries {

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

    /**
     * Legacy metric names, keywords that may be metric names included. Not included, because of known printer
     * bugs pinned in {@code PromQLKnownBugsTest}: {@code on}, {@code bool}, {@code ignoring}, {@code group_left},
     * {@code group_right}, {@code atan2}, {@code inf}, {@code nan} (printed bare, they do not parse back).
     */
    static final List<String> LEGACY_METRIC_NAMES = List.of(
            "up", "x", "http_requests_total", "node:cpu:rate5m", "_private", "A", "le", "by", "without",
            "offset", "sum", "rate", "and", "or", "unless", "start", "end", "step", "topk", "count_values");

    static final List<String> UTF8_NAMES = List.of(
            "http.requests", "ünïcödé", "with space", "emoji😀", "a\"b", "0starts_with_digit", "a-b", "a\\b",
            "x{y}", "日本", "tab\there", "new\nline");

    /**
     * Legacy label names, keywords included. Not included: {@code inf}, {@code nan} and {@code without}, which the
     * printer writes bare in {@code by}/{@code on}/{@code group_left} lists, where they do not lex as label names
     * (known bug, pinned in {@code PromQLKnownBugsTest}).
     */
    static final List<String> LEGACY_LABEL_NAMES = List.of(
            "job", "instance", "le", "code", "a", "_b", "__name__", "__meta_x", "by", "on", "offset", "bool",
            "group_left", "sum", "ignoring", "atan2", "start", "end", "and", "count_values");

    static final List<String> GOOD_REGEXES = List.of(
            ".*", ".+", "5..", "a|b", "(?i)abc", "[a-z]+", "\\d+", "\\.", "foo.*bar", "a{2,3}", "\\p{Lu}",
            "[^\"]*", "\\\\", "(a)(b)", "(?P<x>a)", "", "\n", "é|😀");

    private final int maxDepth;

    ExprArbitraries(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** @return any well-typed expression (all four value types). */
    Arbitrary<Expr> expr() {
        return Arbitraries.randomValue(this::expr);
    }

    Expr expr(Random r) {
        int k = r.nextInt(10);
        return k < 6 ? vector(r, maxDepth) : k < 8 ? scalar(r, maxDepth) : k < 9 ? range(r, maxDepth) : string(r);
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    // ---- leaves ----

    static String nastyString(Random r) {
        if (r.nextInt(5) < 2) {
            return pick(r, NASTY_VALUES);
        }
        return join(r, 0, 8);
    }

    private static String join(Random r, int min, int max) {
        StringBuilder sb = new StringBuilder();
        int n = min + r.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.append(pick(r, NASTY_CHARS));
        }
        return sb.toString();
    }

    static StringLiteral string(Random r) {
        return StringLiteral.of(nastyString(r));
    }

    static String labelName(Random r) {
        int k = r.nextInt(9);
        return k < 6 ? pick(r, LEGACY_LABEL_NAMES) : k < 8 ? pick(r, UTF8_NAMES) : join(r, 1, 5);
    }

    static LabelMatcher matcher(Random r) {
        if (r.nextBoolean()) {
            return new LabelMatcher(labelName(r), r.nextBoolean() ? MatchOp.EQUAL : MatchOp.NOT_EQUAL, nastyString(r));
        }
        String regex = r.nextBoolean() ? pick(r, GOOD_REGEXES) : LabelName.quoteRegex(nastyString(r));
        return new LabelMatcher(labelName(r), r.nextBoolean() ? MatchOp.REGEX : MatchOp.NOT_REGEX, regex);
    }

    private static final long[] NICE_MILLIS = {1L, 500L, 1_000L, 30_000L, 60_000L, 300_000L, 5_400_000L, 3_600_000L,
        86_400_000L, 604_800_000L, 31_536_000_000L, 90_061_001L};

    static PromDuration positiveDuration(Random r) {
        long ms = r.nextInt(5) < 4 ? NICE_MILLIS[r.nextInt(NICE_MILLIS.length)]
                : 1 + (long) (r.nextDouble() * 10 * 31_536_000_000L);
        return PromDuration.ofMillis(ms);
    }

    /** Offsets: none (zero) half of the time, otherwise positive or negative. */
    static PromDuration offset(Random r) {
        int k = r.nextInt(6);
        return k < 3 ? PromDuration.ZERO : k < 5 ? positiveDuration(r) : positiveDuration(r).negated();
    }

    private static final long[] NICE_TIMESTAMPS = {0L, 1_000L, 1_500L, -1_000L, 1_700_000_000_000L,
        1_700_000_000_123L};

    static Optional<AtModifier> at(Random r) {
        int k = r.nextInt(7);
        if (k < 4) {
            return Optional.empty();
        }
        if (k < 6) {
            long ms = r.nextBoolean() ? NICE_TIMESTAMPS[r.nextInt(NICE_TIMESTAMPS.length)]
                    : (long) ((r.nextDouble() * 2 - 1) * 10_000_000_000_000L);
            return Optional.of(AtModifier.ofMillis(ms));
        }
        return Optional.of(r.nextBoolean() ? AtModifier.start() : AtModifier.end());
    }

    /**
     * A selector: a legacy or UTF-8 metric name (or none), matchers, among them sometimes a {@code __name__}
     * matcher with a UTF-8 name (the record folds that into the name), offset and {@code @}.
     */
    static VectorSelector selector(Random r) {
        while (true) {
            int k = r.nextInt(10);
            String name = k < 7 ? pick(r, LEGACY_METRIC_NAMES) : k < 8 ? pick(r, UTF8_NAMES) : "";
            List<LabelMatcher> ms = new ArrayList<>();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                ms.add(matcher(r));
            }
            if (name.isEmpty() && r.nextInt(4) == 0) {
                String utf8 = r.nextBoolean() ? pick(r, UTF8_NAMES) : join(r, 1, 6);
                ms.add(new LabelMatcher("__name__", MatchOp.EQUAL, utf8));
            }
            ms.sort(Comparator.comparing(m -> PromQLPrinter.matcher(m).getBytes(StandardCharsets.UTF_8),
                    Arrays::compareUnsigned));
            try {
                return new VectorSelector(name, ms, offset(r), at(r));
            } catch (IllegalArgumentException matchesEverything) {
                // no restricting matcher, or the name set twice: draw again
            }
        }
    }

    /** A selector fit for info()'s second argument: label matchers only, no modifiers. */
    static VectorSelector labelSelector(Random r) {
        while (true) {
            VectorSelector s = selector(r);
            try {
                return new VectorSelector("", s.matchers(), PromDuration.ZERO, Optional.empty());
            } catch (IllegalArgumentException matchesEverything) {
                // draw again
            }
        }
    }

    private static final double[] NICE_NUMBERS = {0.0, 1.0, 2.0, 5.0, 0.5, 0.99, 100.0, -1.0, -0.5, 1e6, 1e21, 1e-5,
        123456789.0, 0.1 + 0.2};
    private static final double[] EDGE_NUMBERS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 9e15,
        (double) Long.MAX_VALUE};

    static NumberLiteral number(Random r) {
        int k = r.nextInt(8);
        double v = k < 3 ? NICE_NUMBERS[r.nextInt(NICE_NUMBERS.length)]
                : k < 5 ? EDGE_NUMBERS[r.nextInt(EDGE_NUMBERS.length)]
                : k < 7 ? Double.longBitsToDouble(r.nextLong())
                : r.nextInt(2001) - 1000;
        if (Double.isNaN(v)) {
            v = Double.NaN; // one canonical NaN, as the parser produces
        }
        return NumberLiteral.of(v);
    }

    // ---- recursive kinds ----

    InstantVectorExpr vector(Random r, int d) {
        if (d <= 0) {
            return r.nextInt(6) < 5 ? selector(r) : leafCall(r);
        }
        int k = r.nextInt(14);
        if (k < 3) {
            return selector(r);
        } else if (k < 6) {
            return (InstantVectorExpr) call(r, pick(r, VECTOR_FUNCTIONS), d - 1);
        } else if (k < 9) {
            return aggregation(r, d - 1);
        } else if (k < 13) {
            return vectorBinary(r, d - 1);
        }
        return new VectorUnary(r.nextBoolean() ? UnaryOp.MINUS : UnaryOp.PLUS, vector(r, d - 1));
    }

    private static final List<PromFunction> VECTOR_FUNCTIONS = Functions.all().stream()
            .filter(f -> f.returnType() == ValueType.VECTOR).toList();
    private static final List<PromFunction> SCALAR_FUNCTIONS = Functions.all().stream()
            .filter(f -> f.returnType() == ValueType.SCALAR).toList();
    private static final List<PromFunction> NO_ARG_SCALAR_FUNCTIONS = SCALAR_FUNCTIONS.stream()
            .filter(f -> f.maxArgs() == 0).toList();
    private static final List<String> LEAF_CALLS = List.of("vector", "hour", "rate", "abs", "absent_over_time");

    private InstantVectorExpr leafCall(Random r) {
        return (InstantVectorExpr) call(r, Functions.get(pick(r, LEAF_CALLS)), 0);
    }

    ScalarExpr scalar(Random r, int d) {
        if (d <= 0 || r.nextInt(8) < 4) {
            return r.nextInt(6) < 5 ? number(r) : new ScalarCall(pick(r, NO_ARG_SCALAR_FUNCTIONS), List.of());
        }
        int k = r.nextInt(4);
        if (k < 2) {
            BinaryOp op;
            do {
                op = BinaryOp.values()[r.nextInt(BinaryOp.values().length)];
            } while (op.isSetOperator());
            return ScalarBinary.of(op, scalar(r, d - 1), scalar(r, d - 1));
        } else if (k < 3) {
            return new ScalarUnary(r.nextBoolean() ? UnaryOp.MINUS : UnaryOp.PLUS, scalar(r, d - 1));
        }
        return (ScalarExpr) call(r, pick(r, SCALAR_FUNCTIONS), d - 1);
    }

    RangeVectorExpr range(Random r, int d) {
        if (d <= 0 || r.nextInt(4) < 3) {
            return new MatrixSelector(selector(r), positiveDuration(r));
        }
        PromDuration step = r.nextInt(3) == 0 ? PromDuration.ZERO : positiveDuration(r);
        return new Subquery(vector(r, d - 1), positiveDuration(r), step, offset(r), at(r));
    }

    private Expr argument(Random r, ValueType type, int d) {
        return switch (type) {
            case VECTOR -> vector(r, d);
            case SCALAR -> scalar(r, d);
            case MATRIX -> range(r, d);
            case STRING -> string(r);
        };
    }

    /** A call of {@code f} with correctly typed arguments, a count within its arity. */
    Expr call(Random r, PromFunction f, int d) {
        int min = f.minArgs();
        int max = Math.min(f.maxArgs(), Math.max(min, f.argTypes().size()) + 2);
        int n = min + r.nextInt(max - min + 1);
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (f.name().equals("info") && i == 1) {
                args.add(labelSelector(r)); // Prometheus requires label selectors as info()'s second argument
            } else {
                args.add(argument(r, f.argType(i), d));
            }
        }
        return f.returnType() == ValueType.SCALAR ? new ScalarCall(f, args) : new VectorCall(f, args);
    }

    private Grouping grouping(Random r) {
        int k = r.nextInt(5);
        if (k < 2) {
            return Grouping.NONE;
        }
        List<String> labels = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            labels.add(labelName(r));
        }
        return new Grouping(k < 4 ? Grouping.Kind.BY : Grouping.Kind.WITHOUT, labels);
    }

    Aggregation aggregation(Random r, int d) {
        AggregateOp op = AggregateOp.values()[r.nextInt(AggregateOp.values().length)];
        Optional<Expr> param = op.paramType().map(t -> argument(r, t, d));
        return new Aggregation(op, vector(r, d), param, grouping(r));
    }

    private VectorMatching matching(Random r) {
        if (r.nextInt(5) < 2) {
            return VectorMatching.DEFAULT;
        }
        int c = r.nextInt(5);
        VectorMatching.Cardinality card = c < 3 ? VectorMatching.Cardinality.ONE_TO_ONE
                : c < 4 ? VectorMatching.Cardinality.MANY_TO_ONE : VectorMatching.Cardinality.ONE_TO_MANY;
        List<String> labels = new ArrayList<>();
        List<String> include = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            labels.add(labelName(r));
        }
        if (card != VectorMatching.Cardinality.ONE_TO_ONE) {
            for (int i = r.nextInt(4); i > 0; i--) {
                include.add(labelName(r));
            }
        }
        return new VectorMatching(card, r.nextBoolean(), labels, include);
    }

    /** A binary operation with an instant vector operand, with the modifiers Prometheus allows. */
    VectorBinary vectorBinary(Random r, int d) {
        while (true) {
            BinaryOp op = BinaryOp.values()[r.nextInt(BinaryOp.values().length)];
            boolean both = op.isSetOperator() || r.nextInt(4) < 3;
            Expr l;
            Expr rhs;
            if (both) {
                l = vector(r, d);
                rhs = vector(r, d);
            } else if (r.nextBoolean()) {
                l = vector(r, d);
                rhs = scalar(r, d);
            } else {
                l = scalar(r, d);
                rhs = vector(r, d);
            }
            VectorMatching m = both ? matching(r) : VectorMatching.DEFAULT;
            if (op.isSetOperator() && m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
                m = new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, m.on(), m.labels(), List.of());
            }
            try {
                return new VectorBinary(op, l, rhs, m, op.isComparison() && r.nextBoolean());
            } catch (IllegalArgumentException notAllowed) {
                // e.g. a label both in on(...) and group_left(...): draw again
            }
        }
    }
}
