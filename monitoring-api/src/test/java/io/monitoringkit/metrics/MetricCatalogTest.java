package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.promql.PromQL;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {

    private final MetricCatalog catalog = MetricCatalog.of(
            MetricDescriptor.counter("http_requests_total", "method", "code"),
            MetricDescriptor.histogram("http_request_duration_seconds", "route"),
            MetricDescriptor.gauge("temperature_celsius", "room"),
            MetricDescriptor.summary("payload_bytes", "op"));

    private java.util.List<String> check(String promql) {
        return catalog.check(PromQL.parse(promql));
    }

    @Test
    void wellFormedQueriesHaveNoProblems() {
        assertThat(check("sum by (job) (rate(http_requests_total{code=~\"5..\",instance!=\"\"}[5m]))")).isEmpty();
        assertThat(check("histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket"
                + "{route=\"/\"}[5m])))")).isEmpty();
        assertThat(check("payload_bytes{quantile=\"0.99\"} > 1e6 and rate(payload_bytes_count[5m]) > 0")).isEmpty();
        assertThat(check("rate(node_cpu_seconds_total{mode=\"idle\"}[5m])")).as("unknown metrics are not checked")
                .isEmpty();
        assertThat(catalog.descriptorOf("http_request_duration_seconds_bucket").map(MetricDescriptor::name))
                .hasValue("http_request_duration_seconds");
    }

    @Test
    void reportsUnknownLabelsListingTheKnownOnes() {
        assertThat(check("sum(rate(http_requests_total{stauts=\"500\"}[5m]))")).containsExactly(
                "http_requests_total{stauts=\"500\"}: metric \"http_requests\" has no label \"stauts\"; its labels "
                        + "are [method, code] and the target labels [instance, job]");
        assertThat(catalog.withTargetLabels("namespace").check(PromQL.parse("temperature_celsius{namespace=\"a\"}")))
                .isEmpty();
    }

    @Test
    void reportsRateOverGaugesAndOverHistogramsWithoutASeries() {
        assertThat(check("rate(temperature_celsius[5m])")).containsExactly(
                "rate(temperature_celsius[5m]) needs a counter, but \"temperature_celsius\" is a gauge; use deriv() "
                        + "or delta() over a gauge");
        assertThat(check("increase(http_request_duration_seconds[1h])")).containsExactly(
                "increase(http_request_duration_seconds[1h]): histogram \"http_request_duration_seconds\" must be "
                        + "read through its counter series: http_request_duration_seconds_bucket, "
                        + "http_request_duration_seconds_count or http_request_duration_seconds_sum",
                "http_request_duration_seconds: histogram \"http_request_duration_seconds\" has no series of its own "
                        + "name; use http_request_duration_seconds_bucket, http_request_duration_seconds_count, "
                        + "http_request_duration_seconds_sum");
        assertThat(check("rate(payload_bytes[5m])")).containsExactly(
                "rate(payload_bytes[5m]): summary \"payload_bytes\" must be read through its counter series: "
                        + "payload_bytes_count or payload_bytes_sum");
    }

    @Test
    void histogramQuantileNeedsBucketsAndLe() {
        assertThat(check("histogram_quantile(0.9, sum by (route) (rate(http_request_duration_seconds_bucket[5m])))"))
                .containsExactly("histogram_quantile() over sum by (route) (rate(http_request_duration_seconds_bucket"
                        + "[5m])): the aggregation drops the \"le\" label the buckets need; keep it, e.g. sum by "
                        + "(le, route)");
        assertThat(check("histogram_quantile(0.9, rate(http_request_duration_seconds_count[5m]))")).containsExactly(
                "histogram_quantile() over http_request_duration_seconds_count needs the _bucket series of a "
                        + "histogram, with its \"le\" label; \"http_request_duration_seconds_count\" is not the "
                        + "_bucket series of histogram \"http_request_duration_seconds\"");
        assertThat(check("histogram_quantile(0.5, temperature_celsius)")).containsExactly(
                "histogram_quantile() over temperature_celsius needs the _bucket series of a histogram, with its "
                        + "\"le\" label; \"temperature_celsius\" is a series of gauge \"temperature_celsius\"");
        assertThat(check("histogram_quantile(0.9, topk(3, rate(http_request_duration_seconds_bucket[5m])))"))
                .isEmpty();
    }

    @Test
    void catalogsFromExpositionsKeepTheSeriesNamesPrometheusStoresAndTheValuesSeen() {
        MetricCatalog text = MetricCatalog.fromExposition("""
                # TYPE legacy_jobs counter
                legacy_jobs{kind="a"} 1
                # TYPE lat_seconds histogram
                lat_seconds_bucket{le="1"} 1
                lat_seconds_bucket{le="+Inf"} 1
                lat_seconds_sum 0.5
                lat_seconds_count 1
                """);
        assertThat(text.seriesNames()).containsExactly("lat_seconds_bucket", "lat_seconds_count", "lat_seconds_sum",
                "legacy_jobs");
        assertThat(text.labelValues("legacy_jobs", "kind")).hasValue(java.util.Set.of("a"));
        assertThat(text.labelNamesOf("lat_seconds_bucket")).hasValue(java.util.List.of("le"));
        assertThat(text.suffixOf("lat_seconds_count")).hasValue("_count");
        MetricCatalog om = MetricCatalog.fromExposition("""
                # TYPE jobs counter
                jobs_total{kind="a"} 1
                jobs_created{kind="a"} 1
                # EOF
                """);
        assertThat(om.seriesNames()).containsExactly("jobs_created", "jobs_total");
        assertThat(om.descriptorOf("jobs").map(MetricDescriptor::name)).hasValue("jobs");
        assertThat(om.exposes("jobs")).isFalse();
    }
}
