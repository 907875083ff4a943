package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.exposition.MetricType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricDescriptorTest {

    @Test
    void countersAndInfoAreNamedWithoutTheirSuffix() {
        MetricDescriptor c = MetricDescriptor.counter("http_requests_total", "method", "code");
        assertThat(c.name()).isEqualTo("http_requests");
        assertThat(c.seriesNames()).containsExactly("http_requests_total", "http_requests_created");
        assertThat(MetricDescriptor.info("build_info", "version").seriesNames()).containsExactly("build_info");
        assertThat(MetricDescriptor.histogram("lat_seconds").seriesNames())
                .containsExactly("lat_seconds_bucket", "lat_seconds_count", "lat_seconds_sum", "lat_seconds_created");
        assertThat(MetricDescriptor.summary("size_bytes").seriesNames())
                .containsExactly("size_bytes", "size_bytes_count", "size_bytes_sum", "size_bytes_created");
        assertThat(MetricDescriptor.of("q", MetricType.GAUGE_HISTOGRAM).seriesNames())
                .containsExactly("q_bucket", "q_gcount", "q_gsum");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new MetricDescriptor("lat-seconds", MetricType.HISTOGRAM, "ms", "",
                List.of("le", "ok", "ok", "__x", "a.b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid metric descriptor \"lat-seconds\": "
                        + "name: \"lat-seconds\" is not a valid metric name (it must match [a-zA-Z_:][a-zA-Z0-9_:]*); "
                        + "unit: \"ms\" must be the suffix of the name, e.g. \"lat-seconds_ms\"; "
                        + "labelNames[0]: \"le\" is reserved for the buckets of a histogram; "
                        + "labelNames[2]: \"ok\" is given twice; "
                        + "labelNames[3]: \"__x\" is reserved (names starting with __ are Prometheus' own); "
                        + "labelNames[4]: \"a.b\" is not a valid label name (it must match [a-zA-Z_][a-zA-Z0-9_]*)");
        assertThatThrownBy(() -> MetricDescriptor.summary("s", "quantile"))
                .hasMessage("invalid metric descriptor \"s\": labelNames[0]: \"quantile\" is reserved for the "
                        + "quantiles of a summary");
    }

    @Test
    void describesFamiliesOfAnExposition() {
        var e = ExpositionParser.parse("""
                # HELP jobs_total Jobs.
                # TYPE jobs_total counter
                jobs_total{queue="a"} 1
                jobs_total{queue="b",prio="high"} 1
                # TYPE lat histogram
                lat_bucket{route="/",le="+Inf"} 1
                lat_count{route="/"} 1
                """, ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(e.families().stream().map(MetricDescriptor::from)).containsExactly(
                MetricDescriptor.counter("jobs_total", "queue", "prio").withHelp("Jobs."),
                MetricDescriptor.histogram("lat", "route"));
    }
}
