package io.monitoringkit.promql;

import static io.monitoringkit.promql.PromQL.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The pretty form, {@link PromQLPrinter#pretty(Expr)}. Every expected text below was produced by a real
 * Prometheus 2.42 ({@code /api/v1/format_query} of the equivalent query); its {@code Pretty()} is the same
 * algorithm as 3.x' and these cases avoid the places where the two print differently (numbers with large or
 * small exponents, empty {@code ignoring ()}, UTF-8 names).
 */
class PromQLPrinterPrettyTest {

    private static final VectorSelector HTTP = metric("http_requests_total")
            .where(label("job").eq("api-server"), label("code").matches("5.."), label("method").eq("GET"));
    private static final VectorSelector L1 = metric("a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa");
    private static final VectorSelector L2 = metric("a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb");
    private static final VectorSelector L3 = metric("a_very_long_metric_name_number_three_cccccccccccccccccccccc");

    private static String pretty(Expr e) {
        return PromQLPrinter.pretty(e);
    }

    private static VectorSelector http(String handler) {
        return HTTP.where(label("handler").eq(handler));
    }

    @Test
    void keepsShortExpressionsOnOneLine() {
        Expr e = sum(rate(HTTP.over(minutes(5)))).by("job");
        assertThat(pretty(e)).isEqualTo(PromQLPrinter.compact(e));
        assertThat(e.toPrettyPromQL()).isEqualTo("sum by (job) (rate(http_requests_total{code=~\"5..\",job=\"api-server\",method=\"GET\"}[5m]))");
    }

    @Test
    void splitsAtMoreThan100Bytes() {
        assertThat(pretty(metric("a".repeat(48)).plus(metric("b".repeat(49)))))
                .isEqualTo("a".repeat(48) + " + " + "b".repeat(49));
        assertThat(pretty(metric("a".repeat(48)).plus(metric("b".repeat(50))))).isEqualTo("""
                  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                +
                  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb""");
    }

    @Test
    void countsLengthInUtf8BytesAsGoDoes() {
        VectorSelector x = metric("x").where(label("a").eq("é".repeat(10)));
        // 90 characters, 100 bytes: one line
        assertThat(pretty(x.plus(metric("y".repeat(70))))).doesNotContain("\n");
        // 95 characters, 105 bytes: split
        assertThat(pretty(x.plus(metric("y".repeat(75))))).isEqualTo("""
                  x{a="éééééééééé"}
                +
                  yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy""");
    }

    @Test
    void putsBinaryOperatorWithModifiersOnItsOwnLine() {
        VectorBinary ratio = sum(rate(HTTP.over(minutes(5)))).by("job", "instance")
                .div(sum(rate(metric("http_requests_total").over(minutes(5)))).by("job", "instance"))
                .on("job", "instance").groupLeft("version");
        assertThat(pretty(ratio.gt(number(0.05)).bool())).isEqualTo("""
                    sum by (job, instance) (rate(http_requests_total{code=~"5..",job="api-server",method="GET"}[5m]))
                  / on (job, instance) group_left (version)
                    sum by (job, instance) (rate(http_requests_total[5m]))
                > bool
                  0.05""");
        assertThat(pretty(L1.gt(L2).bool().on("a", "b").groupRight("c"))).isEqualTo("""
                  a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa
                > bool on (a, b) group_right (c)
                  a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb""");
    }

    @Test
    void nestsLeftAssociativeChainsAndParentheses() {
        assertThat(pretty(L1.plus(L2).plus(L3))).isEqualTo("""
                    a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa
                  +
                    a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb
                +
                  a_very_long_metric_name_number_three_cccccccccccccccccccccc""");
        assertThat(pretty(L1.times(L2.plus(L3)))).isEqualTo("""
                  a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa
                *
                  (
                      a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb
                    +
                      a_very_long_metric_name_number_three_cccccccccccccccccccccc
                  )""");
        assertThat(pretty(L1.plus(L2).times(L3))).isEqualTo("""
                  (
                      a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa
                    +
                      a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb
                  )
                *
                  a_very_long_metric_name_number_three_cccccccccccccccccccccc""");
    }

    @Test
    void breaksAggregationsAfterTheirHead() {
        assertThat(pretty(sum(L1.plus(L2).plus(metric("x"))))).isEqualTo("""
                sum(
                      a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa
                    +
                      a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb
                  +
                    x
                )""");
        assertThat(pretty(topk(5, rate(http("/aaaaaaaaaaaaaaaaaa").over(minutes(5)))).by("job"))).isEqualTo("""
                topk by (job) (
                  5,
                  rate(
                    http_requests_total{code=~"5..",handler="/aaaaaaaaaaaaaaaaaa",job="api-server",method="GET"}[5m]
                  )
                )""");
        assertThat(pretty(countValues("vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv", HTTP).without("a"))).isEqualTo("""
                count_values without (a) (
                  "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv",
                  http_requests_total{code=~"5..",job="api-server",method="GET"}
                )""");
        VectorSelector longSelector = L1.where(label("a".repeat(55)).eq("b"));
        assertThat(pretty(sum(longSelector).without())).isEqualTo("""
                sum without () (
                  a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa="b"}
                )""");
    }

    @Test
    void putsEachCallArgumentOnItsOwnLine() {
        assertThat(pretty(labelReplace(HTTP, "dst", "$1", "src", "(.*)"))).isEqualTo("""
                label_replace(
                  http_requests_total{code=~"5..",job="api-server",method="GET"},
                  "dst",
                  "$1",
                  "src",
                  "(.*)"
                )""");
        VectorSelector bucket = metric("http_request_duration_seconds_bucket")
                .where(label("job").eq("api-server"), label("code").matches("5.."));
        assertThat(pretty(histogramQuantile(0.99, sum(rate(bucket.over(minutes(5)))).by("le")))).isEqualTo("""
                histogram_quantile(
                  0.99,
                  sum by (le) (rate(http_request_duration_seconds_bucket{code=~"5..",job="api-server"}[5m]))
                )""");
        VectorSelector deep = bucket.where(label("method").eq("GET"), label("handler").eq("/aaaaaaaaaaaaaaaaaaaa"));
        assertThat(pretty(histogramQuantile(0.99, sum(rate(deep.over(minutes(5)))).by("le")))).isEqualTo("""
                histogram_quantile(
                  0.99,
                  sum by (le) (
                    rate(
                      http_request_duration_seconds_bucket{code=~"5..",handler="/aaaaaaaaaaaaaaaaaaaa",job="api-server",method="GET"}[5m]
                    )
                  )
                )""");
        MatrixSelector m = L1.where(label("a".repeat(45)).eq("b")).over(minutes(5)).offset(hours(1));
        assertThat(pretty(rate(m))).isEqualTo("""
                rate(
                  a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa="b"}[5m] offset 1h
                )""");
    }

    @Test
    void neverBreaksSelectorsOrLiterals() {
        VectorSelector s = http("/" + "a".repeat(48));
        assertThat(pretty(s)).isEqualTo(
                "http_requests_total{code=~\"5..\",handler=\"/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",job=\"api-server\",method=\"GET\"}");
        assertThat(pretty(http("/" + "a".repeat(35)).plus(1))).isEqualTo("""
                  http_requests_total{code=~"5..",handler="/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",job="api-server",method="GET"}
                +
                  1""");
        assertThat(pretty(L1.plus(L2.offset(minutes(5)).at(Instant.ofEpochSecond(100))))).isEqualTo("""
                  a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa
                +
                  a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb @ 100.000 offset 5m""");
        String longString = "s".repeat(120);
        assertThat(pretty(string(longString))).isEqualTo("\"" + longString + "\"");
    }

    @Test
    void writesUnaryOperatorBeforeItsBrokenOperand() {
        VectorCall r = rate(HTTP.over(minutes(5)));
        assertThat(pretty(r.plus(r).negate())).isEqualTo("""
                -(
                    rate(http_requests_total{code=~"5..",job="api-server",method="GET"}[5m])
                  +
                    rate(http_requests_total{code=~"5..",job="api-server",method="GET"}[5m])
                )""");
        assertThat(pretty(sum(r.plus(r)).negate())).isEqualTo("""
                -sum(
                    rate(http_requests_total{code=~"5..",job="api-server",method="GET"}[5m])
                  +
                    rate(http_requests_total{code=~"5..",job="api-server",method="GET"}[5m])
                )""");
        assertThat(pretty(L1.negate().plus(L2).negate())).isEqualTo("""
                -(
                    -a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa
                  +
                    a_very_long_metric_name_number_two_bbbbbbbbbbbbbbbbbbbb
                )""");
        assertThat(pretty(metric("a".repeat(48)).negate().plus(metric("b".repeat(50))))).isEqualTo("""
                  -aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                +
                  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb""");
        VectorSelector longSelector = L1.where(label("a".repeat(55)).eq("b"));
        assertThat(pretty(longSelector.negate())).isEqualTo("-" + PromQLPrinter.compact(longSelector));
    }

    @Test
    void breaksParenthesesOfParsedTrees() {
        VectorSelector longSelector = L1.where(label("a".repeat(55)).eq("b"));
        assertThat(pretty(new VectorParen(longSelector))).isEqualTo("""
                (
                  a_very_long_metric_name_number_one_aaaaaaaaaaaaaaaaaaaaaaaa{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa="b"}
                )""");
    }

    @Test
    void printsShortSubqueryArgumentWithoutIndentLikePrometheus() {
        // Prometheus' SubqueryExpr.Pretty returns String() without the indent when it fits
        Expr e = maxOverTime(rate(http("/x").over(minutes(5))).subquery(hours(1), minutes(1)));
        assertThat(pretty(e)).isEqualTo("""
                max_over_time(
                rate(http_requests_total{code=~"5..",handler="/x",job="api-server",method="GET"}[5m])[1h:1m]
                )""");
    }

    @Test
    void breaksLongSubqueryInsideAndKeepsSuffixOnTheLastLine() {
        VectorSelector h = http("/x/yyyyyyyyyyyyyy");
        Expr single = maxOverTime(rate(h.over(minutes(5))).subquery(hours(1), minutes(1)).offset(minutes(5)));
        assertThat(pretty(single)).isEqualTo("""
                max_over_time(
                  rate(http_requests_total{code=~"5..",handler="/x/yyyyyyyyyyyyyy",job="api-server",method="GET"}[5m])[1h:1m] offset 5m
                )""");
        VectorCall r = rate(h.over(minutes(5)));
        Expr sum = maxOverTime(r.plus(r).subquery(hours(1), minutes(1)).offset(minutes(5)));
        assertThat(pretty(sum)).isEqualTo("""
                max_over_time(
                  (
                      rate(http_requests_total{code=~"5..",handler="/x/yyyyyyyyyyyyyy",job="api-server",method="GET"}[5m])
                    +
                      rate(http_requests_total{code=~"5..",handler="/x/yyyyyyyyyyyyyy",job="api-server",method="GET"}[5m])
                  )[1h:1m] offset 5m
                )""");
        Expr agg = sum(metric("a".repeat(48)).plus(metric("b".repeat(50)))).subquery(minutes(5)).offset(minutes(1));
        assertThat(pretty(agg)).isEqualTo("""
                sum(
                    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                  +
                    bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
                )[5m:] offset 1m""");
    }

    @Test
    void indentsNestedRightOperandsOfComparisons() {
        Expr e = vector(1).plus(metric("a".repeat(100))).gt(metric("ccccc")).bool();
        assertThat(pretty(e)).isEqualTo("""
                    vector(1)
                  +
                    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                > bool
                  ccccc""");
    }
}
