package io.monitoringkit.promql;

import static io.monitoringkit.promql.PromQL.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.model.PromDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compact form: DSL trees printed as Prometheus 3.x' {@code String()} prints the equivalent parsed tree.
 *
 * <p>Where Prometheus 2.42 (installed here, the oracle) prints differently from 3.x — checked by hand against
 * {@code /api/v1/rules} of a real 2.42 server; keep oracle tests off these:
 * <ul>
 *   <li>Numbers: 3.3+ print {@code strconv.FormatFloat(v, 'f', -1, 64)} ({@code 1000000}, {@code 0.00001},
 *   {@code 1048576}); 2.42 prints {@code fmt.Sprint} ({@code 1e+06}, {@code 1e-05}, {@code 1.048576e+06}): every
 *   number whose decimal exponent is below -4 or at least 6 differs. See {@link GoFloatTest}.</li>
 *   <li>{@code a - ignoring () group_left () b}: 2.42 prints {@code a - b}, dropping the group modifier (an
 *   empty {@code ignoring ()} was printed only with labels); 3.x keeps it.</li>
 *   <li>{@code {__name__="",a="b"}}: 2.42 drops the empty-name matcher ({@code {a="b"}}), 3.x keeps it.</li>
 *   <li>UTF-8 names ({@code {"a.b"="x"}}, {@code by ("foo.bar")}, {@code {"my.metric"}}): 2.42 rejects them.</li>
 *   <li>Strings with code points assigned in Unicode 14 or 15 (e.g. the emoji U+1FAE0): 2.42 (Go 1.19, Unicode
 *   13) escapes them ({@code \U0001fae0}); 3.x (Go 1.21-1.26, Unicode 15) and this printer, whatever the JDK,
 *   print them raw. See {@code GoStringsTest}.</li>
 * </ul>
 * Within 3.x (this printer follows 3.14): numbers print as above since 3.3 (3.0-3.2 print like 2.42), an empty
 * {@code ignoring ()} with a group modifier is kept since 3.9, and {@code by}/{@code on}/{@code group_x} labels
 * are quoted by the label-name rule since 3.10 (3.0-3.9 left {@code a:b} bare there).
 *
 * <p>Same in both: {@code by (job)} / {@code on (job)} / {@code group_left (foo)} spacing, sorted matchers, {@code @}
 * before {@code offset}, {@code --x}, {@code on ()}, {@code sum without () (x)}, {@code sum by () (x)} printed
 * {@code sum(x)}, Go's {@code strconv.Quote} escapes.
 */
class PromQLPrinterTest {

    private static final VectorSelector A = metric("a");
    private static final VectorSelector B = metric("b");
    private static final VectorSelector C = metric("c");

    private static String print(Expr e) {
        return PromQLPrinter.compact(e);
    }

    @Nested
    class Selectors {

        @Test
        void printsMetricNameAlone() {
            assertThat(print(metric("up"))).isEqualTo("up");
            assertThat(print(metric("job:http_requests:rate5m"))).isEqualTo("job:http_requests:rate5m");
        }

        @Test
        void sortsMatchersAsPrometheusDoesWithoutSpaces() {
            VectorSelector s = metric("http_requests_total")
                    .where(label("method").ne("GET"), label("job").eq("api"), label("code").matches("5.."),
                            label("handler").notMatches("/debug.*"));
            assertThat(print(s)).isEqualTo("""
                    http_requests_total{code=~"5..",handler!~"/debug.*",job="api",method!="GET"}""");
        }

        @Test
        void sortsMatchersByCodePointsLikeGoSortStrings() {
            // UTF-16 order would put the emoji (a surrogate pair, 0xD83D...) before U+FF21
            VectorSelector s = metric("x").where(label("a").eq("😀"), label("a").eq("Ａ"));
            assertThat(print(s)).isEqualTo("x{a=\"Ａ\",a=\"😀\"}");
        }

        @Test
        void printsSelectorWithoutName() {
            assertThat(print(selector(label("job").eq("api"), label("__name__").matches("http_.*"))))
                    .isEqualTo("{__name__=~\"http_.*\",job=\"api\"}");
            assertThat(print(selector(label("__name__").eq("up")))).isEqualTo("{__name__=\"up\"}");
            assertThat(print(selector(label("__name__").eq(""), label("a").eq("x"))))
                    .isEqualTo("{__name__=\"\",a=\"x\"}");
        }

        @Test
        void quotesUtf8LabelNamesAndPrintsUtf8MetricNameAsNameMatcherLikePrometheus3() {
            assertThat(print(selector(label("a.b").eq("c")))).isEqualTo("{\"a.b\"=\"c\"}");
            assertThat(print(selector(label("0").eq("1")))).isEqualTo("{\"0\"=\"1\"}");
            assertThat(print(selector(label("_0").eq("1")))).isEqualTo("{_0=\"1\"}");
            assertThat(print(selector(label("ä").eq("1")))).isEqualTo("{\"ä\"=\"1\"}");
            // Prometheus 3.x parses {"my.metric"} into a __name__ matcher and prints that
            assertThat(print(metric("my.metric"))).isEqualTo("{__name__=\"my.metric\"}");
            assertThat(print(metric("my.metric").where(label("a.b").eq("x"), label("job").eq("j"))))
                    .isEqualTo("{\"a.b\"=\"x\",__name__=\"my.metric\",job=\"j\"}");
            assertThat(print(metric("my.metric").over(minutes(5)))).isEqualTo("{__name__=\"my.metric\"}[5m]");
        }

        @Test
        void printsModifiersAtBeforeOffset() {
            assertThat(print(A.offset(minutes(5)))).isEqualTo("a offset 5m");
            assertThat(print(A.offset(Duration.ofMinutes(-5)))).isEqualTo("a offset -5m");
            assertThat(print(A.offset(duration("1h30m")))).isEqualTo("a offset 1h30m");
            assertThat(print(A.offset(Duration.ofDays(8)))).isEqualTo("a offset 8d");
            assertThat(print(A.at(Instant.ofEpochSecond(100)))).isEqualTo("a @ 100.000");
            assertThat(print(A.at(end()).offset(hours(1)))).isEqualTo("a @ end() offset 1h");
            assertThat(print(A.offset(hours(1)).at(start()))).isEqualTo("a @ start() offset 1h");
            assertThat(print(A.where(label("x").eq("y")).at(AtModifier.ofMillis(100_500))))
                    .isEqualTo("a{x=\"y\"} @ 100.500");
            assertThat(print(A.at(AtModifier.ofMillis(-1_500)))).isEqualTo("a @ -1.500");
            assertThat(print(A.at(AtModifier.ofMillis(1_700_000_000_123L)))).isEqualTo("a @ 1700000000.123");
            assertThat(print(A.offset(PromDuration.ZERO))).isEqualTo("a");
        }

        @Test
        void printsRangeBeforeModifiers() {
            assertThat(print(A.over(minutes(5)))).isEqualTo("a[5m]");
            assertThat(print(A.over(duration("1h30m")))).isEqualTo("a[1h30m]");
            assertThat(print(A.over(millis(1500)))).isEqualTo("a[1s500ms]");
            assertThat(print(A.where(label("c").eq("d")).over(minutes(5)).offset(minutes(1))))
                    .isEqualTo("a{c=\"d\"}[5m] offset 1m");
            assertThat(print(A.over(minutes(5)).offset(Duration.ofMinutes(-5)).at(Instant.ofEpochSecond(100))))
                    .isEqualTo("a[5m] @ 100.000 offset -5m");
            assertThat(print(A.offset(hours(1)).over(minutes(5)))).isEqualTo("a[5m] offset 1h");
        }
    }

    @Nested
    class Subqueries {

        @Test
        void printsRangeStepAndModifiers() {
            assertThat(print(A.subquery(hours(1)))).isEqualTo("a[1h:]");
            assertThat(print(rate(A.over(minutes(5))).subquery(hours(1), minutes(1)).offset(minutes(5))))
                    .isEqualTo("rate(a[5m])[1h:1m] offset 5m");
            assertThat(print(sum(A).subquery(hours(1)).at(end()).offset(Duration.ofMinutes(-1))))
                    .isEqualTo("sum(a)[1h:] @ end() offset -1m");
            assertThat(print(maxOverTime(rate(A.over(minutes(5))).subquery(Duration.ofHours(1), Duration.ofMinutes(1)))))
                    .isEqualTo("max_over_time(rate(a[5m])[1h:1m])");
        }

        @Test
        void keepsSelectorModifiersInsideWithoutParentheses() {
            // Prometheus prints and parses "a offset 5m[1h:]" (checked with 2.42)
            assertThat(print(A.offset(minutes(5)).subquery(hours(1)))).isEqualTo("a offset 5m[1h:]");
            assertThat(print(A.at(Instant.ofEpochSecond(100)).offset(minutes(5)).subquery(hours(1))))
                    .isEqualTo("a @ 100.000 offset 5m[1h:]");
        }

        @Test
        void parenthesizesOperatorExpressions() {
            assertThat(print(A.plus(B).subquery(hours(1), minutes(1)).offset(minutes(5))))
                    .isEqualTo("(a + b)[1h:1m] offset 5m");
            assertThat(print(A.negate().subquery(minutes(5)))).isEqualTo("(-a)[5m:]");
            assertThat(print(A.gt(1).subquery(minutes(5)))).isEqualTo("(a > 1)[5m:]");
            assertThat(print(vector(1).subquery(minutes(5)))).isEqualTo("vector(1)[5m:]");
        }
    }

    @Nested
    class Numbers {

        @Test
        void printsNumbersLikePrometheus3() {
            assertThat(print(number(42))).isEqualTo("42");
            assertThat(print(number(0.99))).isEqualTo("0.99");
            assertThat(print(number(1e8))).isEqualTo("100000000");
            assertThat(print(number(1e-5))).isEqualTo("0.00001");
            assertThat(print(number(0x1f))).isEqualTo("31");
            assertThat(print(number(-1.5))).isEqualTo("-1.5");
            assertThat(print(number(-0.0))).isEqualTo("-0");
            assertThat(print(number(Double.POSITIVE_INFINITY))).isEqualTo("+Inf");
            assertThat(print(number(Double.NEGATIVE_INFINITY))).isEqualTo("-Inf");
            assertThat(print(number(Double.NaN))).isEqualTo("NaN");
        }

        @Test
        void foldsMinusIntoNumberLiteralsAsTheParserDoes() {
            assertThat(number(2).negate()).isEqualTo(number(-2));
            assertThat(print(number(2).negate())).isEqualTo("-2");
            assertThat(print(number(-2).negate())).isEqualTo("2");
        }

        @Test
        void parenthesizesUnaryOperandThatIsANumberLiteral() {
            // -2 would parse back as the literal -2, not as unary minus on 2
            assertThat(print(new ScalarUnary(UnaryOp.MINUS, number(2)))).isEqualTo("-(2)");
            assertThat(print(new ScalarUnary(UnaryOp.MINUS, number(-1)))).isEqualTo("-(-1)");
            assertThat(print(new ScalarUnary(UnaryOp.PLUS, number(1)))).isEqualTo("+(1)");
        }
    }

    @Nested
    class Strings {

        @Test
        void quotesLikeGoStrconvQuote() {
            assertThat(print(string("plain"))).isEqualTo("\"plain\"");
            assertThat(print(string("a\"b\\c"))).isEqualTo("""
                    "a\\"b\\\\c\"""");
            assertThat(print(string("'single' `back`"))).isEqualTo("\"'single' `back`\"");
        }

        @Test
        void escapesControlCharactersInLabelValues() {
            VectorSelector s = metric("x").where(label("a").eq("\n\t\r\u0007\b\f\u000b\u0000\u001b\u007f"));
            assertThat(print(s)).isEqualTo("""
                    x{a="\\n\\t\\r\\a\\b\\f\\v\\x00\\x1b\\x7f"}""");
        }

        /** Pinned from Prometheus 2.42 (Go 1.19, Unicode 13, the same tables as Java 17). */
        @Test
        void keepsPrintableUnicodeAndEscapesTheRestLikeGo() {
            VectorSelector s = metric("x").where(label("a")
                    .eq("é世界Ａ😀\u0080\u00a0\u00ad\u200b\u2028\ufeff\ue000\udb80\udc00\udb40\udc01\u0378"));
            assertThat(print(s)).isEqualTo("""
                    x{a="é世界Ａ😀\\u0080\\u00a0\\u00ad\\u200b\\u2028\\ufeff\\ue000\\U000f0000\\U000e0001\\u0378"}""");
        }

        @Test
        void quotesNastyValuesSoTheyCannotInjectPromQL() {
            VectorSelector s = metric("x").where(label("a").eq("\"} or vector(1) # "));
            assertThat(print(s)).isEqualTo("""
                    x{a="\\"} or vector(1) # "}""");
            assertThat(print(countValues("le\"}", A))).isEqualTo("""
                    count_values("le\\"}", a)""");
        }
    }

    @Nested
    class Operators {

        @Test
        void printsEveryBinaryOperator() {
            assertThat(print(A.plus(B))).isEqualTo("a + b");
            assertThat(print(A.minus(B))).isEqualTo("a - b");
            assertThat(print(A.times(B))).isEqualTo("a * b");
            assertThat(print(A.div(B))).isEqualTo("a / b");
            assertThat(print(A.mod(B))).isEqualTo("a % b");
            assertThat(print(A.pow(B))).isEqualTo("a ^ b");
            assertThat(print(A.atan2(B))).isEqualTo("a atan2 b");
            assertThat(print(A.eq(B))).isEqualTo("a == b");
            assertThat(print(A.ne(B))).isEqualTo("a != b");
            assertThat(print(A.gt(B))).isEqualTo("a > b");
            assertThat(print(A.lt(B))).isEqualTo("a < b");
            assertThat(print(A.ge(B))).isEqualTo("a >= b");
            assertThat(print(A.le(B))).isEqualTo("a <= b");
            assertThat(print(A.and(B))).isEqualTo("a and b");
            assertThat(print(A.or(B))).isEqualTo("a or b");
            assertThat(print(A.unless(B))).isEqualTo("a unless b");
        }

        @Test
        void printsBoolAfterComparison() {
            assertThat(print(A.gt(B).bool())).isEqualTo("a > bool b");
            assertThat(print(A.eq(0.5).bool())).isEqualTo("a == bool 0.5");
            assertThat(print(A.le(B).bool().on("job"))).isEqualTo("a <= bool on (job) b");
        }

        @Test
        void givesScalarComparisonsBool() {
            assertThat(print(number(1).lt(number(2)))).isEqualTo("1 < bool 2");
            assertThat(print(time().ge(number(0)))).isEqualTo("time() >= bool 0");
            assertThat(number(1).eq(number(1)).returnBool()).isTrue();
        }

        @Test
        void printsScalarVectorArithmetic() {
            assertThat(print(number(2).times(A))).isEqualTo("2 * a");
            assertThat(print(A.times(2))).isEqualTo("a * 2");
            assertThat(print(time().minus(A))).isEqualTo("time() - a");
            assertThat(print(number(1).plus(time()))).isEqualTo("1 + time()");
            assertThat(print(A.div(scalar(B)))).isEqualTo("a / scalar(b)");
            assertThat(print(number(0.5).atan2(A))).isEqualTo("0.5 atan2 a");
            assertThat(print(A.atan2(2))).isEqualTo("a atan2 2");
        }

        @Test
        void printsScalarVectorComparisonsAsFiltersOrBool() {
            assertThat(print(number(1).lt(A))).isEqualTo("1 < a");
            assertThat(print(number(1).le(A).bool())).isEqualTo("1 <= bool a");
            assertThat(print(time().eq(A))).isEqualTo("time() == a");
            assertThat(print(number(0).ne(A))).isEqualTo("0 != a");
            assertThat(print(number(0).gt(A))).isEqualTo("0 > a");
            assertThat(print(number(0).ge(A))).isEqualTo("0 >= a");
            assertThat(number(1).lt(A).returnBool()).isFalse();
        }

        @Test
        void printsVectorMatching() {
            assertThat(print(A.div(B).on("job"))).isEqualTo("a / on (job) b");
            assertThat(print(A.div(B).on("job", "instance"))).isEqualTo("a / on (job, instance) b");
            assertThat(print(A.div(B).on())).isEqualTo("a / on () b");
            assertThat(print(A.div(B).ignoring("pod"))).isEqualTo("a / ignoring (pod) b");
            assertThat(print(A.div(B).ignoring())).isEqualTo("a / b");
            assertThat(print(A.div(B).on("job").groupLeft("foo"))).isEqualTo("a / on (job) group_left (foo) b");
            assertThat(print(A.div(B).on("job").groupLeft())).isEqualTo("a / on (job) group_left () b");
            assertThat(print(A.div(B).ignoring("x").groupRight("y", "z")))
                    .isEqualTo("a / ignoring (x) group_right (y, z) b");
            assertThat(print(A.div(B).groupLeft("__name__"))).isEqualTo("a / ignoring () group_left (__name__) b");
            assertThat(print(A.and(B).on("job"))).isEqualTo("a and on (job) b");
            assertThat(print(A.or(B).ignoring("x"))).isEqualTo("a or ignoring (x) b");
        }

        @Test
        void quotesUtf8LabelsInMatchingAndGrouping() {
            assertThat(print(A.div(B).on("äää", "job").groupLeft("ööö")))
                    .isEqualTo("a / on (\"äää\", job) group_left (\"ööö\") b");
            assertThat(print(sum(A).by("foo.bar"))).isEqualTo("sum by (\"foo.bar\") (a)");
            assertThat(print(sum(A).without("a:b"))).isEqualTo("sum without (\"a:b\") (a)");
        }
    }

    @Nested
    class Precedence {

        @Test
        void keepsLeftAssociativeChainsBareAndParenthesizesRightNesting() {
            assertThat(print(A.minus(B).minus(C))).isEqualTo("a - b - c");
            assertThat(print(A.minus(B.minus(C)))).isEqualTo("a - (b - c)");
            assertThat(print(A.div(B.times(C)))).isEqualTo("a / (b * c)");
            assertThat(print(A.times(B).div(C))).isEqualTo("a * b / c");
            assertThat(print(A.gt(B).gt(C))).isEqualTo("a > b > c");
            assertThat(print(A.gt(B.lt(C)))).isEqualTo("a > (b < c)");
        }

        @Test
        void treatsPowerAsRightAssociative() {
            assertThat(print(A.pow(B.pow(C)))).isEqualTo("a ^ b ^ c");
            assertThat(print(A.pow(B).pow(C))).isEqualTo("(a ^ b) ^ c");
            assertThat(print(number(1).plus(number(2).times(number(3).pow(number(4).pow(number(5)))))))
                    .isEqualTo("1 + 2 * 3 ^ 4 ^ 5");
        }

        @Test
        void parenthesizesLooserOperands() {
            assertThat(print(A.plus(B).times(C))).isEqualTo("(a + b) * c");
            assertThat(print(A.times(B).plus(C))).isEqualTo("a * b + c");
            assertThat(print(A.plus(B.times(C)))).isEqualTo("a + b * c");
            assertThat(print(C.times(A.plus(B)))).isEqualTo("c * (a + b)");
            assertThat(print(A.plus(B).gt(C))).isEqualTo("a + b > c");
            assertThat(print(A.gt(B).plus(C))).isEqualTo("(a > b) + c");
            assertThat(print(A.atan2(B).plus(C))).isEqualTo("a atan2 b + c");
            assertThat(print(A.plus(B).atan2(C))).isEqualTo("(a + b) atan2 c");
            assertThat(print(A.mod(B).pow(C))).isEqualTo("(a % b) ^ c");
        }

        @Test
        void ordersSetOperatorsOrLoosest() {
            assertThat(print(A.or(B.and(C)))).isEqualTo("a or b and c");
            assertThat(print(A.or(B).and(C))).isEqualTo("(a or b) and c");
            assertThat(print(A.and(B).unless(C))).isEqualTo("a and b unless c");
            assertThat(print(A.and(B.unless(C)))).isEqualTo("a and (b unless c)");
            assertThat(print(A.gt(1).and(B))).isEqualTo("a > 1 and b");
            assertThat(print(A.and(B).gt(1))).isEqualTo("(a and b) > 1");
            assertThat(print(A.and(B).ignoring("x").or(C))).isEqualTo("a and ignoring (x) b or c");
        }

        @Test
        void bindsUnaryMinusLikeMultiplication() {
            // -a ^ b parses as -(a ^ b); (-a) ^ b needs its parentheses
            assertThat(print(A.pow(B).negate())).isEqualTo("-a ^ b");
            assertThat(print(A.negate().pow(B))).isEqualTo("(-a) ^ b");
            assertThat(print(A.negate().times(B))).isEqualTo("-a * b");
            assertThat(print(A.times(B).negate())).isEqualTo("-(a * b)");
            assertThat(print(A.plus(B).negate())).isEqualTo("-(a + b)");
            assertThat(print(A.gt(B).negate())).isEqualTo("-(a > b)");
            assertThat(print(A.plus(B.negate()))).isEqualTo("a + -b");
            assertThat(print(A.pow(B.negate()))).isEqualTo("a ^ -b");
            assertThat(print(A.negate().negate())).isEqualTo("--a");
            assertThat(print(new VectorUnary(UnaryOp.PLUS, A))).isEqualTo("+a");
        }

        @Test
        void parenthesizesNegativeNumbersUnderPower() {
            assertThat(print(number(-2).pow(number(2)))).isEqualTo("(-2) ^ 2");
            assertThat(print(number(2).pow(number(2)).negate())).isEqualTo("-2 ^ 2");
            assertThat(print(number(2).pow(number(-2)))).isEqualTo("2 ^ -2");
            assertThat(print(number(-0.0).pow(A))).isEqualTo("(-0) ^ a");
            assertThat(print(number(Double.NEGATIVE_INFINITY).pow(A))).isEqualTo("(-Inf) ^ a");
            assertThat(print(number(-2).times(A))).isEqualTo("-2 * a");
            assertThat(print(time().negate().pow(number(2)))).isEqualTo("(-time()) ^ 2");
        }

        @Test
        void printsParenthesisNodesOfParsedTreesAsWritten() {
            assertThat(print(new VectorParen(A))).isEqualTo("(a)");
            assertThat(print(new VectorBinary(BinaryOp.MUL, new VectorParen(A.plus(B)), C, VectorMatching.DEFAULT,
                    false))).isEqualTo("(a + b) * c");
            assertThat(print(new VectorParen(new VectorParen(A)).plus(new ScalarParen(number(1)))))
                    .isEqualTo("((a)) + (1)");
            assertThat(print(new RangeParen(A.over(minutes(5))))).isEqualTo("(a[5m])");
            assertThat(print(new StringParen(string("x")))).isEqualTo("(\"x\")");
            assertThat(print(new VectorUnary(UnaryOp.MINUS, new VectorParen(A)))).isEqualTo("-(a)");
        }

        @Test
        void leavesFunctionAndAggregationArgumentsBare() {
            assertThat(print(abs(A.plus(B)))).isEqualTo("abs(a + b)");
            assertThat(print(sum(A.or(B)))).isEqualTo("sum(a or b)");
            assertThat(print(topk(number(1).plus(number(2)), A))).isEqualTo("topk(1 + 2, a)");
            assertThat(print(sum(A).plus(sum(B)).times(2))).isEqualTo("(sum(a) + sum(b)) * 2");
        }
    }

    @Nested
    class Aggregations {

        @Test
        void printsEveryAggregationWithGrouping() {
            assertThat(print(sum(A))).isEqualTo("sum(a)");
            assertThat(print(avg(A).by("job"))).isEqualTo("avg by (job) (a)");
            assertThat(print(count(A).without("pod", "instance"))).isEqualTo("count without (pod, instance) (a)");
            assertThat(print(min(A).by("a", "b"))).isEqualTo("min by (a, b) (a)");
            assertThat(print(max(A))).isEqualTo("max(a)");
            assertThat(print(group(A).by("job"))).isEqualTo("group by (job) (a)");
            assertThat(print(stddev(A))).isEqualTo("stddev(a)");
            assertThat(print(stdvar(A).without("x"))).isEqualTo("stdvar without (x) (a)");
        }

        @Test
        void printsParameterFirst() {
            assertThat(print(topk(5, A).by("a"))).isEqualTo("topk by (a) (5, a)");
            assertThat(print(bottomk(3, A))).isEqualTo("bottomk(3, a)");
            assertThat(print(quantile(0.9, A).by("job"))).isEqualTo("quantile by (job) (0.9, a)");
            assertThat(print(countValues("x", B).without("a"))).isEqualTo("count_values without (a) (\"x\", b)");
            assertThat(print(topk(scalar(B), A))).isEqualTo("topk(scalar(b), a)");
            assertThat(print(limitk(2, A))).isEqualTo("limitk(2, a)");
            assertThat(print(limitRatio(0.5, A).by("x"))).isEqualTo("limit_ratio by (x) (0.5, a)");
        }

        @Test
        void dropsEmptyByButKeepsEmptyWithout() {
            assertThat(print(sum(A).by())).isEqualTo("sum(a)");
            assertThat(print(sum(A).without())).isEqualTo("sum without () (a)");
        }
    }

    @Nested
    class Functions {

        @Test
        void printsCallsOfEveryGroup() {
            RangeVectorExpr r = A.over(minutes(5));
            assertThat(print(rate(r))).isEqualTo("rate(a[5m])");
            assertThat(print(irate(r))).isEqualTo("irate(a[5m])");
            assertThat(print(increase(r))).isEqualTo("increase(a[5m])");
            assertThat(print(sumOverTime(r))).isEqualTo("sum_over_time(a[5m])");
            assertThat(print(quantileOverTime(0.5, r))).isEqualTo("quantile_over_time(0.5, a[5m])");
            assertThat(print(predictLinear(A.over(hours(1)), 3000))).isEqualTo("predict_linear(a[1h], 3000)");
            assertThat(print(doubleExponentialSmoothing(r, 0.5, 0.1)))
                    .isEqualTo("double_exponential_smoothing(a[5m], 0.5, 0.1)");
            assertThat(print(histogramQuantile(0.99, sum(rate(r)).by("le"))))
                    .isEqualTo("histogram_quantile(0.99, sum by (le) (rate(a[5m])))");
            assertThat(print(histogramFraction(0, 0.2, A))).isEqualTo("histogram_fraction(0, 0.2, a)");
            assertThat(print(histogramQuantiles(A, "q", 0.5, 0.9)))
                    .isEqualTo("histogram_quantiles(a, \"q\", 0.5, 0.9)");
            assertThat(print(clamp(A, 0, 1))).isEqualTo("clamp(a, 0, 1)");
            assertThat(print(clampMin(A, -1))).isEqualTo("clamp_min(a, -1)");
            assertThat(print(round(A))).isEqualTo("round(a)");
            assertThat(print(round(A, 0.1))).isEqualTo("round(a, 0.1)");
            assertThat(print(labelReplace(A, "dst", "$1", "src", "(.*)")))
                    .isEqualTo("label_replace(a, \"dst\", \"$1\", \"src\", \"(.*)\")");
            assertThat(print(labelJoin(A, "dst", ",", "a", "b"))).isEqualTo("label_join(a, \"dst\", \",\", \"a\", \"b\")");
            assertThat(print(sortByLabel(A, "job", "instance"))).isEqualTo("sort_by_label(a, \"job\", \"instance\")");
            assertThat(print(info(A, selector(label("k8s_cluster").matches(".+")))))
                    .isEqualTo("info(a, {k8s_cluster=~\".+\"})");
            assertThat(print(vector(1))).isEqualTo("vector(1)");
            assertThat(print(scalar(A))).isEqualTo("scalar(a)");
            assertThat(print(time())).isEqualTo("time()");
            assertThat(print(pi())).isEqualTo("pi()");
            assertThat(print(dayOfWeek())).isEqualTo("day_of_week()");
            assertThat(print(dayOfWeek(timestamp(A)))).isEqualTo("day_of_week(timestamp(a))");
            assertThat(print(absent(A))).isEqualTo("absent(a)");
            assertThat(print(histogramAvg(A))).isEqualTo("histogram_avg(a)");
        }

        @Test
        void printsEveryFunctionOfTheTableAsNameAndArguments() {
            for (PromFunction f : io.monitoringkit.promql.Functions.all()) {
                List<Expr> args = new ArrayList<>();
                List<String> printed = new ArrayList<>();
                for (int i = 0; i < f.minArgs(); i++) {
                    switch (f.argType(i)) {
                        case VECTOR -> {
                            args.add(A);
                            printed.add("a");
                        }
                        case MATRIX -> {
                            args.add(A.over(minutes(1)));
                            printed.add("a[1m]");
                        }
                        case SCALAR -> {
                            args.add(number(1));
                            printed.add("1");
                        }
                        case STRING -> {
                            args.add(string("s"));
                            printed.add("\"s\"");
                        }
                    }
                }
                Expr call = PromQL.call(f.name(), args.toArray(new Expr[0]));
                assertThat(print(call)).as(f.name()).isEqualTo(f.name() + "(" + String.join(", ", printed) + ")");
            }
        }
    }

    @Test
    void printsTheIssueExample() {
        VectorSelector x = metric("x").where(label("a").eq("b"));
        Expr e = sum(rate(x.over(minutes(5)))).by("job").div(metric("y")).on("job").groupLeft("foo");
        assertThat(print(e)).isEqualTo("sum by (job) (rate(x{a=\"b\"}[5m])) / on (job) group_left (foo) y");
        assertThat(e).hasToString(print(e));
        assertThat(e.toPromQL()).isEqualTo(print(e));
    }

    @Test
    void printsMatchersAndModifiersThroughToString() {
        assertThat(label("a.b").matches("x\"y")).hasToString("\"a.b\"=~\"x\\\"y\"");
        assertThat(AtModifier.ofMillis(5)).hasToString("@ 0.005");
        assertThat(Optional.of(AtModifier.start()).get()).hasToString("@ start()");
        assertThat(PromQLPrinter.string("a\nb")).isEqualTo("\"a\\nb\"");
    }
}
