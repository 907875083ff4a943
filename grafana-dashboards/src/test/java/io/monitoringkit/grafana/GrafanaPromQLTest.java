package io.monitoringkit.grafana;

import static io.monitoringkit.promql.PromQL.label;
import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.minutes;
import static io.monitoringkit.promql.PromQL.rate;
import static io.monitoringkit.promql.PromQL.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.PromQLParseException;
import org.junit.jupiter.api.Test;

class GrafanaPromQLTest {

    @Test
    void rendersRateIntervalAndVariableMatchersThroughThePrinter() {
        Expr e = sum(rate(metric("http_requests_total")
                .where(GrafanaPromQL.variable("namespace", "namespace", true),
                        GrafanaPromQL.variable("job", "job", false))
                .over(GrafanaPromQL.RATE_INTERVAL))).by("code");
        assertThat(GrafanaPromQL.render(e)).isEqualTo(
                "sum by (code) (rate(http_requests_total{job=\"$job\",namespace=~\"$namespace\"}[$__rate_interval]))");
    }

    @Test
    void rendersIntervalAndRangeMacros() {
        Expr e = io.monitoringkit.promql.PromQL.increase(metric("x").over(GrafanaPromQL.RANGE));
        assertThat(GrafanaPromQL.render(e)).isEqualTo("increase(x[$__range])");
        Expr s = io.monitoringkit.promql.PromQL.maxOverTime(
                io.monitoringkit.promql.Subquery.of(metric("y"), GrafanaPromQL.INTERVAL, minutes(1)));
        assertThat(GrafanaPromQL.render(s)).isEqualTo("max_over_time(y[$__interval:1m])");
    }

    @Test
    void leavesExpressionsWithoutPlaceholdersAsPrinted() {
        Expr e = rate(metric("x").over(minutes(5)));
        assertThat(GrafanaPromQL.render(e)).isEqualTo(e.toString());
    }

    @Test
    void neverRewritesPlaceholderTextInsideLabelValues() {
        String token = GrafanaPromQL.RATE_INTERVAL.toString();
        Expr e = rate(metric("x").where(label("a").eq("[" + token + "]")).over(GrafanaPromQL.RATE_INTERVAL));
        assertThatThrownBy(() -> GrafanaPromQL.render(e))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("string \"[" + token + "]\" contains the text of a Grafana macro placeholder (" + token
                        + "); it cannot be rendered safely");
    }

    @Test
    void escapesVariableLookalikeValuesLikeAnyOtherValue() {
        Expr e = metric("x").where(label("a").eq("\"} or vector(1) #"));
        assertThat(GrafanaPromQL.render(e)).isEqualTo("x{a=\"\\\"} or vector(1) #\"}");
    }

    @Test
    void checksGrafanaQueriesWithVariablesAndMacros() {
        GrafanaPromQL.check("sum by (pod) (rate(container_cpu_usage_seconds_total{namespace=~\"$namespace\","
                + " pod=~\"${pod:regex}\"}[$__rate_interval]))");
        GrafanaPromQL.check("topk($limit, sum(increase(x[$__range])) by ($group))");
        GrafanaPromQL.check("x offset $offset > $threshold");
        GrafanaPromQL.check("max_over_time(y[$__interval:$step]) / $__range_s");
        GrafanaPromQL.check("[[metric]]{job=\"[[job]]\"}");
        assertThatThrownBy(() -> GrafanaPromQL.check("sum(rate(x[$__rate_interval])"))
                .isInstanceOf(PromQLParseException.class);
    }

    @Test
    void rejectsInvalidVariableNames() {
        assertThatThrownBy(() -> GrafanaPromQL.variable("a", "bad-name", false))
                .hasMessage("\"bad-name\" is not a valid variable name: use letters, digits and underscores");
    }
}
