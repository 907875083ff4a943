package io.monitoringkit.metrics.simpleclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.metrics.MetricDescriptor;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleclientMetricsTest {

    @Test
    void describesCollectorsWithTheirDeclaredLabelsBeforeAnyChildExists() {
        CollectorRegistry r = new CollectorRegistry();
        Counter c = Counter.build().name("jobs_total").help("Jobs.").labelNames("queue", "prio").register(r);
        assertThat(SimpleclientMetrics.descriptors(c)).containsExactly(
                MetricDescriptor.counter("jobs", "queue", "prio").withHelp("Jobs."));
        Histogram h = Histogram.build().name("lat_seconds").help("Latency.").unit("seconds").labelNames("route")
                .register(r);
        assertThat(SimpleclientMetrics.ref(h).descriptor()).isEqualTo(
                MetricDescriptor.histogram("lat_seconds", "route").withHelp("Latency.").withUnit("seconds"));
        assertThat(SimpleclientMetrics.ref(h).histogramQuantile(0.5, io.monitoringkit.model.PromDuration.ofMinutes(1))
                .toString()).isEqualTo("histogram_quantile(0.5, sum by (le) (rate(lat_seconds_bucket[1m])))");
    }

    @Test
    void samplesEqualWhatSimpleclientItselfExposes() throws Exception {
        CollectorRegistry r = io.monitoringkit.exposition.ClientLibraryFixtures.simpleclientRegistry();
        StringWriter w = new StringWriter();
        TextFormat.writeOpenMetrics100(w, r.metricFamilySamples());
        Exposition parsed = ExpositionParser.parse(w.toString(), ExpositionFormat.OPENMETRICS);
        Exposition adapted = SimpleclientMetrics.exposition(r);
        assertThat(adapted.families()).hasSameSizeAs(parsed.families());
        for (int i = 0; i < parsed.families().size(); i++) {
            assertThat(adapted.families().get(i)).isEqualTo(parsed.families().get(i));
        }
        List<MetricDescriptor> d = SimpleclientMetrics.descriptors(r);
        assertThat(d).extracting(MetricDescriptor::name).contains("sc_requests", "sc_latency_seconds", "sc_build");
        assertThat(d.stream().filter(x -> x.name().equals("sc_requests")).findFirst().orElseThrow())
                .isEqualTo(new MetricDescriptor("sc_requests", MetricType.COUNTER, "",
                        "Requests \\ with \"quotes\"\nand a newline.", List.of("code", "path")));
    }

    @Test
    void aRegistryCatalogKnowsSeriesLabelsAndValuesButNotTheLabelsOfChildlessMetrics() {
        CollectorRegistry r = new CollectorRegistry();
        Counter.build().name("jobs").help("Jobs.").labelNames("queue").register(r).labels("mail").inc();
        Counter.build().name("retries").help("Retries.").labelNames("queue").register(r);
        io.monitoringkit.metrics.MetricCatalog c = SimpleclientMetrics.catalog(r);
        assertThat(c.exposes("jobs_total")).isTrue();
        assertThat(c.labelValues("jobs_total", "queue")).hasValue(java.util.Set.of("mail"));
        assertThat(c.knowsLabelsOf("retries_total")).isFalse();
        assertThat(io.monitoringkit.metrics.CrossCheck.against(c).check(io.monitoringkit.metrics.ExpressionSource.of(
                "a", "b", "rate(jobs_total{queue=\"sms\"}[5m]) + rate(retries_total{anything=\"x\"}[5m])"))
                .format()).isEqualTo("a: b 1:23: warning [value-never-matches]: queue=\"sms\" matches no value of "
                + "label \"queue\" of \"jobs\" in the catalog; the values seen are \"mail\"\n");
    }
}
