package io.monitoringkit.test;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.metrics.simpleclient.SimpleclientMetrics;
import io.prometheus.client.CollectorRegistry;

/**
 * Assertions on a simpleclient (0.x) {@link CollectorRegistry}; needs {@code io.prometheus:simpleclient} on the
 * class path, which only this class loads.
 *
 * <pre>{@code
 * Exposition before = SimpleclientAssertions.snapshot(registry);
 * service.handle(request);
 * SimpleclientAssertions.assertThat(registry)
 *         .hasIncreasedBy(before, "requests_total", Labels.of("path", "/"), 1);
 * }</pre>
 */
public final class SimpleclientAssertions {
    private SimpleclientAssertions() {
    }

    /** @return assertions on what {@code registry} exposes now */
    public static ExpositionAssert assertThat(CollectorRegistry registry) {
        return new ExpositionAssert(registry == null ? null : snapshot(registry), "simpleclient registry");
    }

    /** @return what {@code registry} exposes now, e.g. the "before" of {@code hasIncreasedBy} */
    public static Exposition snapshot(CollectorRegistry registry) {
        return SimpleclientMetrics.exposition(registry);
    }
}
