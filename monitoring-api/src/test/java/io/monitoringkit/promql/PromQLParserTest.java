package io.monitoringkit.promql;

import static io.monitoringkit.promql.PromQL.hours;
import static io.monitoringkit.promql.PromQL.label;
import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.millis;
import static io.monitoringkit.promql.PromQL.minutes;
import static io.monitoringkit.promql.PromQL.number;
import static io.monitoringkit.promql.PromQL.rate;
import static io.monitoringkit.promql.PromQL.seconds;
import static io.monitoringkit.promql.PromQL.selector;
import static io.monitoringkit.promql.PromQL.string;
import static io.monitoringkit.promql.PromQL.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.PromDuration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromQLParserTest {

    private static final ParseOptions EXPERIMENTAL = ParseOptions.defaults().withExperimentalFunctions(true);

    private static Expr parse(String text) {
        return PromQL.parse(text);
    }

    @Nested
    class Literals {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                42          | 42
                1.5         | 1.5
                .5          | 0.5
                5.          | 5
                1e3         | 1000
                1E-2        | 0.01
                2.5e+2      | 250
                0x1f        | 31
                0X1F        | 31
                017         | 15
                08          | 8
                1_000       | 1000
                0x_ff       | 255
                1h          | 3600
                90s         | 90
                1m30s       | 90
                250ms       | 0.25
                1y          | 31536000
                """)
        void numberFormsParseToTheirValue(String text, double value) {
            assertThat(parse(text)).isEqualTo(number(value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Inf", "inf", "INF", "+Inf"})
        void infinityIsANumberInAnyCase(String text) {
            assertThat(parse(text)).isEqualTo(number(Double.POSITIVE_INFINITY));
        }

        @Test
        void nanIsANumberInAnyCase() {
            assertThat(parse("NaN")).isEqualTo(number(Double.NaN));
            assertThat(parse("nan")).isEqualTo(number(Double.NaN));
        }

        @Test
        void unaryMinusAndPlusFoldIntoANumberLiteral() {
            assertThat(parse("-1")).isEqualTo(number(-1));
            assertThat(parse("+1")).isEqualTo(number(1));
            assertThat(parse("- -1")).isEqualTo(number(1));
            assertThat(parse("-Inf")).isEqualTo(number(Double.NEGATIVE_INFINITY));
        }

        @Test
        void unaryMinusOnAParenthesisedNumberStaysAUnaryExpression() {
            assertThat(parse("-(1)")).isEqualTo(new ScalarUnary(UnaryOp.MINUS, new ScalarParen(number(1))));
        }

        @Test
        void doubleQuotedStringsUnderstandGoEscapes() {
            assertThat(parse("\"a\\\"b\\n\\t\\\\\"")).isEqualTo(string("a\"b\n\t\\"));
            assertThat(parse("\"\\x41\\101\\u00e9\\U0001F600\"")).isEqualTo(string("AAé😀"));
            assertThat(parse("\"\\xc3\\xa9\"")).isEqualTo(string("é"));
            assertThat(parse("\"\\a\\b\\f\\r\\v\"")).isEqualTo(string("\u0007\b\f\r\u000b"));
        }

        @Test
        void singleQuotedStringsEscapeTheSingleQuote() {
            assertThat(parse("'it\\'s \"quoted\"'")).isEqualTo(string("it's \"quoted\""));
        }

        @Test
        void rawStringsKeepBackslashesAndNewlines() {
            assertThat(parse("`a\\d+\nb`")).isEqualTo(string("a\\d+\nb"));
        }
    }

    @Nested
    class Selectors {

        @Test
        void metricNameWithAllFourMatchers() {
            assertThat(parse("http_requests_total{a=\"1\", b!=\"2\", c=~\"3.*\", d!~\"4\"}")).isEqualTo(
                    metric("http_requests_total").where(label("a").eq("1"), label("b").ne("2"),
                            label("c").matches("3.*"), label("d").notMatches("4")));
        }

        @Test
        void metricIdentifiersMayContainColons() {
            assertThat(parse("job:requests:rate5m")).isEqualTo(metric("job:requests:rate5m"));
            assertThat(parse(":leading")).isEqualTo(metric(":leading"));
        }

        @Test
        void bracesOnlySelectorNeedsANonEmptyMatcher() {
            assertThat(parse("{job=\"api\"}")).isEqualTo(selector(label("job").eq("api")));
            assertThat(parse("{__name__=~\"up|down\"}")).isEqualTo(selector(label("__name__").matches("up|down")));
        }

        @Test
        void emptyBracesAfterANameAreAllowed() {
            assertThat(parse("up{}")).isEqualTo(metric("up"));
        }

        @Test
        void trailingCommaInMatchersIsAllowed() {
            assertThat(parse("up{job=\"a\",}")).isEqualTo(metric("up").where(label("job").eq("a")));
        }

        @Test
        void quotedUtf8MetricAndLabelNames() {
            // as in Prometheus' tree, a bare quoted name is a __name__ matcher
            assertThat(parse("{\"my.metric\", \"a.b\"=\"x\"}"))
                    .isEqualTo(selector(label("__name__").eq("my.metric"), label("a.b").eq("x")));
            assertThat(parse("{\"my.metric\"}")).isEqualTo(parse("{__name__=\"my.metric\"}"));
            assertThat(parse("up{\"a.b\"=\"x\"}")).isEqualTo(metric("up").where(label("a.b").eq("x")));
        }

        @Test
        void keywordsAreMetricNamesWhereAnExpressionStarts() {
            assertThat(parse("sum")).isEqualTo(metric("sum"));
            assertThat(parse("by")).isEqualTo(metric("by"));
            assertThat(parse("offset")).isEqualTo(metric("offset"));
            assertThat(parse("start")).isEqualTo(metric("start"));
            assertThat(parse("range{a=\"b\"}")).isEqualTo(metric("range").where(label("a").eq("b")));
            assertThat(parse("sum + 1")).isEqualTo(metric("sum").plus(1));
        }

        @Test
        void fillIsAMetricNameUnlessAParenthesisFollows() {
            assertThat(parse("fill + fill")).isEqualTo(metric("fill").plus(metric("fill")));
        }

        @Test
        void keywordsInsideBracesAreLabelNames() {
            assertThat(parse("up{by=\"x\", offset=\"y\"}"))
                    .isEqualTo(metric("up").where(label("by").eq("x"), label("offset").eq("y")));
        }

        @Test
        void rangesUseDurationsOrNumbersOfSeconds() {
            assertThat(parse("up[5m]")).isEqualTo(metric("up").over(minutes(5)));
            assertThat(parse("up[1h30m]")).isEqualTo(metric("up").over(minutes(90)));
            assertThat(parse("up[90]")).isEqualTo(metric("up").over(seconds(90)));
            assertThat(parse("up[1.5]")).isEqualTo(metric("up").over(millis(1500)));
            assertThat(parse("up[+5m]")).isEqualTo(metric("up").over(minutes(5)));
        }

        @Test
        void offsetAndAtInEitherOrder() {
            VectorSelector want = metric("up").offset(minutes(5)).at(AtModifier.ofMillis(100_000));
            assertThat(parse("up offset 5m @ 100")).isEqualTo(want);
            assertThat(parse("up @ 100 offset 5m")).isEqualTo(want);
        }

        @Test
        void negativeOffsetsAndNumericOffsets() {
            assertThat(parse("up offset -5m")).isEqualTo(metric("up").offset(minutes(-5)));
            assertThat(parse("up offset 30")).isEqualTo(metric("up").offset(seconds(30)));
        }

        @Test
        void atTimestampsStartAndEnd() {
            assertThat(parse("up @ 1609746000")).isEqualTo(metric("up").at(AtModifier.ofMillis(1_609_746_000_000L)));
            assertThat(parse("up @ 1.5")).isEqualTo(metric("up").at(AtModifier.ofMillis(1500)));
            assertThat(parse("up @ -10")).isEqualTo(metric("up").at(AtModifier.ofMillis(-10_000)));
            assertThat(parse("up @ start()")).isEqualTo(metric("up").at(AtModifier.start()));
            assertThat(parse("up[5m] @ end()")).isEqualTo(metric("up").at(AtModifier.end()).over(minutes(5)));
        }

        @Test
        void modifiersAfterARangeBelongToItsSelector() {
            assertThat(parse("up[5m] offset 1h @ 10"))
                    .isEqualTo(metric("up").over(minutes(5)).offset(hours(1)).at(AtModifier.ofMillis(10_000)));
        }
    }

    @Nested
    class Subqueries {

        @Test
        void subqueryWithAndWithoutStep() {
            VectorCall r = rate(metric("x").over(minutes(5)));
            assertThat(parse("rate(x[5m])[1h:1m]")).isEqualTo(r.subquery(hours(1), minutes(1)));
            assertThat(parse("rate(x[5m])[1h:]")).isEqualTo(r.subquery(hours(1)));
        }

        @Test
        void subqueryModifiers() {
            assertThat(parse("x[10m:1m] offset 5m @ end()"))
                    .isEqualTo(metric("x").subquery(minutes(10), minutes(1)).offset(minutes(5)).at(AtModifier.end()));
        }

        @Test
        void subqueryOfASelectorWithOffsetIsAllowed() {
            assertThat(parse("x offset 1m [10m:]"))
                    .isEqualTo(metric("x").offset(minutes(1)).subquery(minutes(10)));
        }

        @Test
        void subqueryOfAParenthesisedExpressionKeepsTheParens() {
            assertThat(parse("(a + b)[5m:]"))
                    .isEqualTo(Subquery.of(new VectorParen(metric("a").plus(metric("b"))), minutes(5),
                            PromDuration.ZERO));
        }
    }

    @Nested
    class Operators {

        @Test
        void multiplicationBindsTighterThanAddition() {
            assertThat(parse("a + b * c")).isEqualTo(metric("a").plus(metric("b").times(metric("c"))));
        }

        @Test
        void sameLevelOperatorsAreLeftAssociative() {
            assertThat(parse("a - b - c")).isEqualTo(metric("a").minus(metric("b")).minus(metric("c")));
        }

        @Test
        void powerIsRightAssociative() {
            assertThat(parse("a ^ b ^ c")).isEqualTo(metric("a").pow(metric("b").pow(metric("c"))));
        }

        @Test
        void unaryMinusBindsLikeMultiplication() {
            assertThat(parse("-a ^ b")).isEqualTo(metric("a").pow(metric("b")).negate());
            assertThat(parse("-a * b")).isEqualTo(metric("a").negate().times(metric("b")));
            assertThat(parse("-2 ^ 2")).isEqualTo(new ScalarUnary(UnaryOp.MINUS, number(2).pow(number(2))));
        }

        @Test
        void setOperatorPrecedence() {
            assertThat(parse("a or b and c unless d")).isEqualTo(
                    metric("a").or(metric("b").and(metric("c")).unless(metric("d"))));
        }

        @Test
        void comparisonsBindLooserThanArithmetic() {
            assertThat(parse("a + 1 > b")).isEqualTo(metric("a").plus(1).gt(metric("b")));
        }

        @Test
        void keywordOperatorsAreCaseInsensitive() {
            assertThat(parse("a AND b Or c ATAN2 d"))
                    .isEqualTo(metric("a").and(metric("b")).or(metric("c").atan2(metric("d"))));
        }

        @Test
        void boolModifier() {
            assertThat(parse("a > bool 1")).isEqualTo(metric("a").gt(1).bool());
            assertThat(parse("1 < bool 2")).isEqualTo(number(1).lt(number(2)));
        }

        @Test
        void vectorMatchingModifiers() {
            assertThat(parse("a / on(job) b")).isEqualTo(metric("a").div(metric("b")).on("job"));
            assertThat(parse("a / ignoring(pod, instance) b"))
                    .isEqualTo(metric("a").div(metric("b")).ignoring("pod", "instance"));
            assertThat(parse("a * on(job) group_left(team) b"))
                    .isEqualTo(metric("a").times(metric("b")).on("job").groupLeft("team"));
            assertThat(parse("a * ignoring(x) group_right b"))
                    .isEqualTo(metric("a").times(metric("b")).ignoring("x").groupRight());
            assertThat(parse("a == bool on() b")).isEqualTo(metric("a").eq(metric("b")).bool().on());
        }

        @Test
        void matchingLabelListsAllowTrailingCommasAndKeywords() {
            assertThat(parse("a + on(job, by, sum,) b")).isEqualTo(metric("a").plus(metric("b")).on("job", "by", "sum"));
        }

        @Test
        void emptyOnBetweenVectorAndScalarIsDropped() {
            assertThat(parse("a + on() 1")).isEqualTo(metric("a").plus(1));
        }

        @Test
        void histogramTrimOperators() {
            assertThat(parse("h </ 5")).isEqualTo(VectorBinary.of(BinaryOp.TRIM_UPPER, metric("h"), number(5)));
            assertThat(parse("h >/ 5")).isEqualTo(VectorBinary.of(BinaryOp.TRIM_LOWER, metric("h"), number(5)));
        }

        @Test
        void parenthesesAreKeptAsWritten() {
            assertThat(parse("(a + b) * c"))
                    .isEqualTo(new VectorParen(metric("a").plus(metric("b"))).times(metric("c")));
            assertThat(parse("((1))")).isEqualTo(new ScalarParen(new ScalarParen(number(1))));
            assertThat(parse("(x[5m])")).isEqualTo(new RangeParen(metric("x").over(minutes(5))));
            assertThat(parse("(\"s\")")).isEqualTo(new StringParen(string("s")));
        }

        @Test
        void offsetBindsToTheOperandNotTheBinaryExpression() {
            assertThat(parse("a + b offset 5m")).isEqualTo(metric("a").plus(metric("b").offset(minutes(5))));
            assertThat(parse("-a offset 5m")).isEqualTo(metric("a").offset(minutes(5)).negate());
        }
    }

    @Nested
    class CallsAndAggregations {

        @Test
        void functionCalls() {
            assertThat(parse("rate(x[5m])")).isEqualTo(rate(metric("x").over(minutes(5))));
            assertThat(parse("time()")).isEqualTo(PromQL.time());
            assertThat(parse("round(x)")).isEqualTo(PromQL.round(metric("x")));
            assertThat(parse("round(x, 5)")).isEqualTo(PromQL.round(metric("x"), 5));
            assertThat(parse("label_join(x, \"d\", \",\", \"a\", \"b\", \"c\")"))
                    .isEqualTo(PromQL.labelJoin(metric("x"), "d", ",", "a", "b", "c"));
            assertThat(parse("day_of_week()")).isEqualTo(PromQL.dayOfWeek());
        }

        @Test
        void spaceBeforeTheParenthesisStillMakesACall() {
            assertThat(parse("abs (x)")).isEqualTo(PromQL.abs(metric("x")));
        }

        @Test
        void aggregationGroupingBeforeOrAfterTheBody() {
            Aggregation want = sum(rate(metric("x").over(minutes(5)))).by("job");
            assertThat(parse("sum by (job) (rate(x[5m]))")).isEqualTo(want);
            assertThat(parse("sum(rate(x[5m])) by (job)")).isEqualTo(want);
            assertThat(parse("SUM BY (job) (rate(x[5m]))")).isEqualTo(want);
            assertThat(parse("sum without (pod,) (x)")).isEqualTo(sum(metric("x")).without("pod"));
        }

        @Test
        void groupingByQuotedUtf8Labels() {
            assertThat(parse("sum by (\"a.b\", c) (x)")).isEqualTo(sum(metric("x")).by("a.b", "c"));
        }

        @Test
        void duplicateGroupingLabelsAreAllowedAsInPrometheus() {
            assertThat(parse("sum by (a, a) (x)")).isEqualTo(sum(metric("x")).by("a", "a"));
        }

        @Test
        void emptyByIsNoGroupingButEmptyWithoutIsKept() {
            assertThat(parse("sum by () (x)")).isEqualTo(sum(metric("x")));
            assertThat(parse("sum without () (x)")).isEqualTo(sum(metric("x")).without());
        }

        @Test
        void aggregationsWithParameters() {
            assertThat(parse("topk(5, x)")).isEqualTo(PromQL.topk(5, metric("x")));
            assertThat(parse("quantile without (a) (0.9, x)"))
                    .isEqualTo(PromQL.quantile(0.9, metric("x")).without("a"));
            assertThat(parse("count_values(\"v\", x)")).isEqualTo(PromQL.countValues("v", metric("x")));
        }

        @Test
        void experimentalFunctionsAndAggregationsNeedTheOption() {
            assertThat(PromQL.parse("sort_by_label(x, \"a\")", EXPERIMENTAL))
                    .isEqualTo(PromQL.sortByLabel(metric("x"), "a"));
            assertThat(PromQL.parse("limitk(2, x)", EXPERIMENTAL)).isEqualTo(PromQL.limitk(2, metric("x")));
            assertThat(PromQL.parse("start()", EXPERIMENTAL)).isEqualTo(PromQL.call("start"));
            assertThat(PromQL.parse("max_of(1, 2)", EXPERIMENTAL)).isEqualTo(PromQL.call("max_of", number(1), number(2)));
            assertThatThrownBy(() -> parse("sort_by_label(x, \"a\")"))
                    .hasMessage("1:1: function \"sort_by_label\" is not enabled");
        }

        @Test
        void firstOverTimeIsNotExperimentalIn3x() {
            assertThat(parse("first_over_time(x[5m])")).isEqualTo(PromQL.firstOverTime(metric("x").over(minutes(5))));
        }

        @Test
        void histogramQuantilesTakesUpToTenQuantiles() {
            String ten = "histogram_quantiles(x, \"q\", 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99)";
            assertThat(PromQL.parse(ten, EXPERIMENTAL)).isInstanceOf(VectorCall.class);
            assertThatThrownBy(() -> PromQL.parse(ten.replace("0.99", "0.99, 1"), EXPERIMENTAL))
                    .hasMessage("1:1: expected at most 12 argument(s) in call to \"histogram_quantiles\", got 13");
        }

        @Test
        void infoAcceptsALabelSelectorAsSecondArgument() {
            assertThat(PromQL.parse("info(up, {job=\"a\"})", EXPERIMENTAL))
                    .isEqualTo(PromQL.info(metric("up"), selector(label("job").eq("a"))));
        }
    }

    @Nested
    class Layout {

        @Test
        void commentsAndNewlinesAreWhitespace() {
            assertThat(parse("# leading comment\nsum by (job) ( # why\n  up # trailing\n)"))
                    .isEqualTo(sum(metric("up")).by("job"));
        }

        @Test
        void commentsInsideBraces() {
            assertThat(parse("up{job=\"a\", # the job\n env=\"b\"}"))
                    .isEqualTo(metric("up").where(label("job").eq("a"), label("env").eq("b")));
        }

        @Test
        void spacesInsideBrackets() {
            assertThat(parse("x[ 5m : 1m ]")).isEqualTo(metric("x").subquery(minutes(5), minutes(1)));
        }
    }

    @Test
    void printingAParsedExpressionIsAFixedPoint() {
        for (String s : List.of("sum by (job) (rate(x{a=\"b\"}[5m])) / on (job) group_left (foo) y",
                "-x ^ 2", "a - (b - c)", "(a + b) * c", "x[1h:] offset -5m @ start()", "1 < bool 2",
                "{\"my.metric\",\"a.b\"=\"x\"}", "topk by (a) (3, x)", "2 ^ 3 ^ 2")) {
            String printed = parse(s).toString();
            assertThat(parse(printed).toString()).as(s).isEqualTo(printed);
        }
    }

    @Test
    void deepButAllowedNestingParses() {
        String s = "(".repeat(200) + "x" + ")".repeat(200);
        assertThat(Exprs.withoutParens(parse(s))).isEqualTo(metric("x"));
    }

    @Test
    void longOperatorChainsParse() {
        String s = String.join(" or ", java.util.Collections.nCopies(500, "x"));
        assertThat(parse(s)).isInstanceOf(VectorBinary.class);
    }
}
