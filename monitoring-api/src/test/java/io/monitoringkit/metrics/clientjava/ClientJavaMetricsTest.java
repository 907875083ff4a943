package io.monitoringkit.metrics.clientjava;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.metrics.MetricDescriptor;
import io.monitoringkit.model.PromDuration;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientJavaMetricsTest {

    @Test
    void describesMetricsWithTheirDeclaredLabelsBeforeAnyChildExists() {
        PrometheusRegistry r = new PrometheusRegistry();
        Counter c = Counter.builder().name("jobs_total").help("Jobs.").labelNames("queue").register(r);
        assertThat(ClientJavaMetrics.descriptor(c)).isEqualTo(MetricDescriptor.counter("jobs", "queue")
                .withHelp("Jobs."));
        assertThat(ClientJavaMetrics.ref(c).rate(PromDuration.ofMinutes(5)).toString())
                .isEqualTo("rate(jobs_total[5m])");
        Gauge g = Gauge.builder().name("temp_celsius").unit(Unit.CELSIUS).register(r);
        assertThat(ClientJavaMetrics.descriptor(g)).isEqualTo(new MetricDescriptor("temp_celsius", MetricType.GAUGE,
                "celsius", "", List.of()));
    }

    @Test
    void samplesEqualWhatClientJavaItselfExposes() throws Exception {
        PrometheusRegistry r = io.monitoringkit.exposition.ClientLibraryFixtures.clientJavaRegistry();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenMetricsTextFormatWriter(true, false).write(out, r.scrape());
        Exposition parsed = ExpositionParser.parse(out.toString(StandardCharsets.UTF_8), ExpositionFormat.OPENMETRICS);
        assertThat(ClientJavaMetrics.exposition(r)).isEqualTo(parsed);
        assertThat(ClientJavaMetrics.descriptors(r)).extracting(MetricDescriptor::name, MetricDescriptor::type)
                .contains(org.assertj.core.groups.Tuple.tuple("cj_requests", MetricType.COUNTER),
                        org.assertj.core.groups.Tuple.tuple("cj_latency_seconds", MetricType.HISTOGRAM),
                        org.assertj.core.groups.Tuple.tuple("cj_state", MetricType.STATESET));
    }

    @Test
    void aRegistryCatalogKnowsHistogramSeriesAndLabelValues() {
        PrometheusRegistry r = new PrometheusRegistry();
        io.prometheus.metrics.core.metrics.Histogram.builder().name("lat_seconds").help("Latency.")
                .labelNames("route").classicUpperBounds(0.1, 1).register(r).labelValues("/").observe(0.2);
        io.monitoringkit.metrics.MetricCatalog c = ClientJavaMetrics.catalog(r);
        assertThat(c.seriesNames()).contains("lat_seconds_bucket", "lat_seconds_count", "lat_seconds_sum");
        assertThat(c.labelNamesOf("lat_seconds_bucket")).hasValue(java.util.List.of("route", "le"));
        assertThat(io.monitoringkit.metrics.CrossCheck.against(c).check(io.monitoringkit.metrics.ExpressionSource.of(
                "a", "b", "histogram_quantile(0.9, sum by (le) (rate(lat_seconds_bucket{route=\"/\"}[5m])))"))
                .isClean()).isTrue();
    }
}
