package io.monitoringkit.query;

import java.util.Map;
import java.util.Objects;

/**
 * The execution statistics a query returns when asked for them ({@code stats=all}).
 *
 * <pre>{@code
 * QueryResult r = api.query("up", QueryOptions.defaults().stats(true));
 * r.stats().map(QueryStats::totalQueryableSamples);   // Optional[42]
 * }</pre>
 *
 * @param timings the timings in seconds by name ({@code evalTotalTime}, {@code execTotalTime}, ...)
 * @param totalQueryableSamples the number of samples the query loaded
 * @param peakSamples the largest number of samples held in memory at once
 */
public record QueryStats(Map<String, Double> timings, long totalQueryableSamples, long peakSamples) {
    /** Copies the timings. */
    public QueryStats {
        timings = Map.copyOf(Objects.requireNonNull(timings, "timings"));
    }
}
