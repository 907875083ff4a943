package io.monitoringkit.promql.internal;

import io.monitoringkit.model.GoStrings;

/**
 * The token types of PromQL's lexer, grouped the way Prometheus names them in "unexpected ..." messages:
 * operators print as {@code <op:*>}, aggregators as {@code <aggr:sum>}, keywords as {@code <by>}, punctuation and
 * the preprocessor words as a quoted string, literals and identifiers with their kind ({@code identifier "foo"}).
 */
enum Tok {
    EOF(Cat.END),
    ERROR(Cat.END),

    IDENTIFIER(Cat.DESCRIBED, "identifier"),
    METRIC_IDENTIFIER(Cat.DESCRIBED, "metric identifier"),
    STRING(Cat.DESCRIBED, "string"),
    NUMBER(Cat.DESCRIBED, "number"),
    DURATION(Cat.DESCRIBED, "duration"),

    LEFT_PAREN(Cat.QUOTED),
    RIGHT_PAREN(Cat.QUOTED),
    LEFT_BRACE(Cat.QUOTED),
    RIGHT_BRACE(Cat.QUOTED),
    LEFT_BRACKET(Cat.QUOTED),
    RIGHT_BRACKET(Cat.QUOTED),
    COMMA(Cat.QUOTED),
    EQL(Cat.QUOTED),
    COLON(Cat.QUOTED),

    ADD(Cat.OPERATOR),
    SUB(Cat.OPERATOR),
    MUL(Cat.OPERATOR),
    DIV(Cat.OPERATOR),
    MOD(Cat.OPERATOR),
    POW(Cat.OPERATOR),
    EQLC(Cat.OPERATOR),
    NEQ(Cat.OPERATOR),
    LTE(Cat.OPERATOR),
    LSS(Cat.OPERATOR),
    GTE(Cat.OPERATOR),
    GTR(Cat.OPERATOR),
    TRIM_UPPER(Cat.OPERATOR),
    TRIM_LOWER(Cat.OPERATOR),
    EQL_REGEX(Cat.OPERATOR),
    NEQ_REGEX(Cat.OPERATOR),
    AT(Cat.OPERATOR),
    LAND(Cat.OPERATOR),
    LOR(Cat.OPERATOR),
    LUNLESS(Cat.OPERATOR),
    ATAN2(Cat.OPERATOR),

    AVG(Cat.AGGREGATOR),
    BOTTOMK(Cat.AGGREGATOR),
    COUNT(Cat.AGGREGATOR),
    COUNT_VALUES(Cat.AGGREGATOR),
    GROUP(Cat.AGGREGATOR),
    MAX(Cat.AGGREGATOR),
    MIN(Cat.AGGREGATOR),
    QUANTILE(Cat.AGGREGATOR),
    STDDEV(Cat.AGGREGATOR),
    STDVAR(Cat.AGGREGATOR),
    SUM(Cat.AGGREGATOR),
    TOPK(Cat.AGGREGATOR),
    LIMITK(Cat.AGGREGATOR),
    LIMIT_RATIO(Cat.AGGREGATOR),

    BOOL(Cat.KEYWORD),
    BY(Cat.KEYWORD),
    GROUP_LEFT(Cat.KEYWORD),
    GROUP_RIGHT(Cat.KEYWORD),
    FILL(Cat.KEYWORD),
    FILL_LEFT(Cat.KEYWORD),
    FILL_RIGHT(Cat.KEYWORD),
    IGNORING(Cat.KEYWORD),
    OFFSET(Cat.KEYWORD),
    SMOOTHED(Cat.KEYWORD),
    ANCHORED(Cat.KEYWORD),
    ON(Cat.KEYWORD),
    WITHOUT(Cat.KEYWORD),

    START(Cat.QUOTED),
    END(Cat.QUOTED),
    STEP(Cat.QUOTED),
    RANGE(Cat.QUOTED),
    MAX_OF(Cat.QUOTED),
    MIN_OF(Cat.QUOTED);

    /** How a token is described in messages. */
    enum Cat { END, DESCRIBED, QUOTED, OPERATOR, AGGREGATOR, KEYWORD }

    final Cat cat;
    final String kindName;

    Tok(Cat cat) {
        this(cat, null);
    }

    Tok(Cat cat, String kindName) {
        this.cat = cat;
        this.kindName = kindName;
    }

    /** Tokens that may stand as a metric name (Prometheus' {@code metric_identifier}). */
    boolean isMetricIdentifier() {
        return switch (this) {
            case AVG, BOTTOMK, BY, COUNT, COUNT_VALUES, FILL, FILL_LEFT, FILL_RIGHT, GROUP, IDENTIFIER, LAND, LOR,
                    LUNLESS, MAX, METRIC_IDENTIFIER, MIN, OFFSET, QUANTILE, STDDEV, STDVAR, SUM, TOPK, WITHOUT, START,
                    END, LIMITK, LIMIT_RATIO, STEP, RANGE, ANCHORED, SMOOTHED, MAX_OF, MIN_OF -> true;
            default -> false;
        };
    }

    /** Tokens that may stand as a label name in a grouping list (Prometheus' {@code maybe_label}). */
    boolean isMaybeLabel() {
        return switch (this) {
            case AVG, BOOL, BOTTOMK, BY, COUNT, COUNT_VALUES, GROUP, GROUP_LEFT, GROUP_RIGHT, FILL, FILL_LEFT,
                    FILL_RIGHT, IDENTIFIER, IGNORING, LAND, LOR, LUNLESS, MAX, METRIC_IDENTIFIER, MIN, OFFSET, ON,
                    QUANTILE, STDDEV, STDVAR, SUM, TOPK, START, END, ATAN2, LIMITK, LIMIT_RATIO, STEP, RANGE,
                    ANCHORED, SMOOTHED, MAX_OF, MIN_OF -> true;
            default -> false;
        };
    }

    boolean isAggregator() {
        return cat == Cat.AGGREGATOR;
    }

    /** @return the token as Prometheus describes it after "unexpected ". */
    static String describe(Tok t, String text) {
        return switch (t.cat) {
            case END -> "end of input";
            case QUOTED -> GoStrings.quote(text);
            case OPERATOR -> "<op:" + text + ">";
            case AGGREGATOR -> "<aggr:" + text + ">";
            case KEYWORD -> "<" + text + ">";
            case DESCRIBED -> {
                if (t == IDENTIFIER || t == METRIC_IDENTIFIER) {
                    yield t.kindName + " " + GoStrings.quote(text);
                }
                if (text.length() > 10) {
                    int cut = text.offsetByCodePoints(0, Math.min(10, text.codePointCount(0, text.length())));
                    yield t.kindName + " " + GoStrings.quote(text.substring(0, cut)) + "...";
                }
                yield t.kindName + " " + GoStrings.quote(text);
            }
        };
    }
}
