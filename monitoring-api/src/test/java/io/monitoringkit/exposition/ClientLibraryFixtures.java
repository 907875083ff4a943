package io.monitoringkit.exposition;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Public access to the client-library registries for tests in other packages. */
public final class ClientLibraryFixtures {

    private ClientLibraryFixtures() {
    }

    /** @return a simpleclient registry with every metric type. */
    public static CollectorRegistry simpleclientRegistry() {
        return ClientLibraryOutputs.simpleclientRegistry();
    }

    /** @return a client_java registry with every metric type. */
    public static PrometheusRegistry clientJavaRegistry() {
        return ClientLibraryOutputs.clientJavaRegistry();
    }
}
