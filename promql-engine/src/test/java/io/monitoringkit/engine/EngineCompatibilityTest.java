package io.monitoringkit.engine;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.tck.QueryApiCompatibilityKit;

/** The in-process engine passes the {@code QueryApi} compatibility kit. */
class EngineCompatibilityTest extends QueryApiCompatibilityKit {
    @Override
    protected QueryApi queryApiOver(String openMetrics) {
        Storage storage = Storage.create();
        storage.loadExposition(openMetrics, ExpositionFormat.OPENMETRICS);
        return PromEngine.create(storage);
    }
}
