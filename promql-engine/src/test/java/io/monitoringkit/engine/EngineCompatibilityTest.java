package io.monitoringkit.engine;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.tck.QueryApiCompatibilityKit;

/** The engine passes the same compatibility kit as the HTTP client against a real Prometheus. */
class EngineCompatibilityTest extends QueryApiCompatibilityKit {

    @Override
    protected QueryApi queryApiOver(String openMetrics) {
        Storage storage = Storage.create();
        storage.loadExposition(openMetrics, ExpositionFormat.OPENMETRICS);
        return PromEngine.create(storage);
    }
}
