package io.monitoringkit.engine.internal;

/**
 * Evaluation settings.
 *
 * @param lookbackMillis          the lookback delta of instant vector selectors (Prometheus default 5m)
 * @param subqueryStepMillis      the step of subqueries without one (Prometheus: the global evaluation interval)
 * @param maxSamples              the most samples a query may hold in memory at once
 * @param experimentalFunctions   whether experimental functions and aggregations are allowed
 */
public record EngineOptions(long lookbackMillis, long subqueryStepMillis, long maxSamples,
                            boolean experimentalFunctions) {
    /** The defaults: 5m lookback, 1m subquery step, 50,000,000 samples, no experimental functions. */
    public static final EngineOptions DEFAULTS = new EngineOptions(300_000, 60_000, 50_000_000, false);
}
