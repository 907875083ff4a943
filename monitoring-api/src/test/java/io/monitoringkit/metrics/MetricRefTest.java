package io.monitoringkit.metrics;

import static io.monitoringkit.promql.PromQL.label;
import static io.monitoringkit.promql.PromQL.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.exposition.MetricType;
import org.junit.jupiter.api.Test;

class MetricRefTest {

    private final MetricRef requests = MetricDescriptor.counter("http_requests_total", "method", "code").ref();
    private final MetricRef latency = MetricDescriptor.histogram("http_request_duration_seconds", "route").ref();
    private final MetricRef temperature = MetricDescriptor.gauge("temperature_celsius", "room").ref();
    private final MetricRef sizes = MetricDescriptor.summary("size_bytes", "op").ref();

    @Test
    void buildsSelectorsAndRatesOfCounters() {
        assertThat(requests.select().toString()).isEqualTo("http_requests_total");
        assertThat(requests.where(label("code").matches("5.."), label("job").eq("api")).rate(minutes(5)).toString())
                .isEqualTo("rate(http_requests_total{code=~\"5..\",job=\"api\"}[5m])");
        assertThat(requests.increase(minutes(60)).toString()).isEqualTo("increase(http_requests_total[1h])");
        assertThat(temperature.where(label("room").eq("a\"b")).select().toString())
                .isEqualTo("temperature_celsius{room=\"a\\\"b\"}");
    }

    @Test
    void rejectsLabelsTheMetricLacksListingThoseItHas() {
        assertThatThrownBy(() -> requests.where(label("stauts").eq("500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric \"http_requests\" has no label \"stauts\"; its labels are [method, code] and the "
                        + "target labels [instance, job]");
        assertThat(requests.withTargetLabels("namespace").where(label("namespace").eq("prod")).select().toString())
                .isEqualTo("http_requests_total{namespace=\"prod\"}");
        assertThatThrownBy(() -> latency.histogramQuantile(0.9, minutes(5), "path"))
                .hasMessage("metric \"http_request_duration_seconds\" has no label \"path\"; its labels are [route] "
                        + "and the target labels [instance, job]");
    }

    @Test
    void rateOverAGaugeIsAnError() {
        assertThatThrownBy(() -> temperature.rate(minutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate() needs a counter, but \"temperature_celsius\" is a gauge; use deriv() or delta() "
                        + "over a gauge");
        assertThatThrownBy(() -> MetricDescriptor.info("build_info").ref().increase(minutes(5)))
                .hasMessage("increase() needs a counter, but \"build\" is an info metric");
    }

    @Test
    void rateOverAHistogramOrSummaryPointsAtItsSeries() {
        assertThatThrownBy(() -> latency.rate(minutes(5)))
                .hasMessage("rate() over histogram \"http_request_duration_seconds\" must name one of its counter "
                        + "series: bucket() for http_request_duration_seconds_bucket, count() for "
                        + "http_request_duration_seconds_count or sum() for http_request_duration_seconds_sum");
        assertThatThrownBy(() -> sizes.rate(minutes(5)))
                .hasMessage("rate() over summary \"size_bytes\" must name one of its counter series: count() for "
                        + "size_bytes_count or sum() for size_bytes_sum");
        assertThatThrownBy(latency::select)
                .hasMessage("histogram \"http_request_duration_seconds\" has no series of its own name; use bucket() "
                        + "for http_request_duration_seconds_bucket, count() for http_request_duration_seconds_count "
                        + "or sum() for http_request_duration_seconds_sum");
        assertThat(latency.count().over(minutes(5)).toString()).isEqualTo("http_request_duration_seconds_count[5m]");
        assertThat(sizes.where(label("quantile").eq("0.99")).select().toString())
                .isEqualTo("size_bytes{quantile=\"0.99\"}");
    }

    @Test
    void histogramQuantileNeedsBucketsAndLe() {
        assertThat(latency.where(label("route").eq("/")).histogramQuantile(0.99, minutes(5), "route").toString())
                .isEqualTo("histogram_quantile(0.99, sum by (le, route) "
                        + "(rate(http_request_duration_seconds_bucket{route=\"/\"}[5m])))");
        assertThatThrownBy(() -> temperature.histogramQuantile(0.5, minutes(5)))
                .hasMessage("histogram_quantile() needs the _bucket series of a histogram, with its \"le\" label; "
                        + "\"temperature_celsius\" is a gauge");
        assertThatThrownBy(temperature::bucket)
                .hasMessage("bucket() needs a histogram, but \"temperature_celsius\" is a gauge");
        assertThatThrownBy(requests::count)
                .hasMessage("count() needs a histogram or summary, but \"http_requests\" is a counter");
        MetricRef queue = MetricDescriptor.of("queue_bytes", MetricType.GAUGE_HISTOGRAM).ref();
        assertThat(queue.histogramQuantile(0.5, minutes(5)).toString())
                .isEqualTo("histogram_quantile(0.5, sum by (le) (queue_bytes_bucket))");
        assertThat(queue.count().toString()).isEqualTo("queue_bytes_gcount");
    }

    @Test
    void nameMatchersAreNotLabels() {
        assertThatThrownBy(() -> requests.where(label("__name__").eq("x")))
                .hasMessage("metric \"http_requests\": select series by name with select(), bucket(), count() or "
                        + "sum(), not with a __name__ matcher");
    }
}
