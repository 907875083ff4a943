package io.monitoringkit.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.model.Labels;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

class RegistryAssertionsTest {

    @Test
    void simpleclientRegistry() {
        CollectorRegistry registry = new CollectorRegistry();
        io.prometheus.client.Counter requests = io.prometheus.client.Counter.build("requests_total", "Requests.")
                .labelNames("path").register(registry);
        io.prometheus.client.Gauge inFlight = io.prometheus.client.Gauge.build("in_flight", "In flight.")
                .register(registry);
        requests.labels("/").inc();
        Exposition before = SimpleclientAssertions.snapshot(registry);
        requests.labels("/").inc(2);
        inFlight.set(4);
        SimpleclientAssertions.assertThat(registry)
                .hasCounter("requests_total")
                .hasIncreasedBy(before, "requests_total", Labels.of("path", "/"), 2)
                .hasGauge("in_flight").hasValue("in_flight", Labels.empty(), 4);
        assertThatThrownBy(() -> SimpleclientAssertions.assertThat(registry).hasGauge("in_flights"))
                .hasMessage("""
                        Expecting simpleclient registry to have a gauge named "in_flights"
                        but there is no metric of that name.
                        Nearest matches: [in_flight]
                        Available metric names: [in_flight, requests]""");
    }

    @Test
    void clientJavaRegistry() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram latency = Histogram.builder().name("latency_seconds").help("Latency.")
                .classicUpperBounds(0.1, 1).labelNames("path").register(registry);
        latency.labelValues("/").observe(0.05);
        latency.labelValues("/").observe(0.5);
        ClientJavaAssertions.assertThat(registry)
                .hasHistogram("latency_seconds")
                .hasHistogramCount("latency_seconds", Labels.of("path", "/"), 2)
                .hasHistogramSum("latency_seconds", Labels.of("path", "/"), 0.55, 1e-9)
                .hasHistogramBucket("latency_seconds", Labels.of("path", "/"), 0.1, 1)
                .hasQuantileEstimate("latency_seconds", Labels.of("path", "/"), 0.75, 0.55, 1e-9);
        assertThatThrownBy(() -> ClientJavaAssertions.assertThat(registry)
                .hasHistogramCount("latency_seconds", Labels.of("path", "/"), 3))
                .hasMessage("Expecting \"latency_seconds_count\"{path=\"/\"} to have count 3\nbut was 2");
    }
}
