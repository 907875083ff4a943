package io.monitoringkit.test;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.metrics.clientjava.ClientJavaMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Assertions on a client_java (1.x) {@link PrometheusRegistry}; needs {@code io.prometheus:prometheus-metrics-core}
 * on the class path, which only this class loads.
 *
 * <pre>{@code
 * Exposition before = ClientJavaAssertions.snapshot(registry);
 * service.handle(request);
 * ClientJavaAssertions.assertThat(registry)
 *         .hasIncreasedBy(before, "requests_total", Labels.of("path", "/"), 1);
 * }</pre>
 */
public final class ClientJavaAssertions {
    private ClientJavaAssertions() {
    }

    /** @return assertions on what {@code registry} exposes now */
    public static ExpositionAssert assertThat(PrometheusRegistry registry) {
        return new ExpositionAssert(registry == null ? null : snapshot(registry), "client_java registry");
    }

    /** @return what {@code registry} exposes now, e.g. the "before" of {@code hasIncreasedBy} */
    public static Exposition snapshot(PrometheusRegistry registry) {
        return ClientJavaMetrics.exposition(registry);
    }
}
