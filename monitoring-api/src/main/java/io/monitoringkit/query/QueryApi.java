package io.monitoringkit.query;

import io.monitoringkit.promql.Expr;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The read side of Prometheus: instant and range queries, and the series, label-names and label-values lookups.
 * Served by a real Prometheus (or Thanos, Mimir, VictoriaMetrics) over HTTP by {@code promql-client}, and in-process
 * by {@code promql-engine}; both pass the same compatibility kit.
 *
 * <p>Failures are reported as {@link QueryException} (or a subclass) carrying the Prometheus {@link ErrorType}.
 *
 * <pre>{@code
 * QueryApi api = PrometheusClient.builder("http://localhost:9090").build();
 * QueryResult.Vector v = api.query("up").asVector();
 * QueryResult typed = api.query(PromQL.parse("sum by (job) (up)"));
 * QueryResult.Matrix m = api.queryRange("rate(http_requests_total[5m])",
 *         Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T01:00:00Z"), Duration.ofMinutes(1));
 * List<String> jobs = api.labelValues("job").values();
 * }</pre>
 */
public interface QueryApi {

    /**
     * Runs an instant query.
     *
     * @param promql the PromQL expression
     * @param options evaluation time, timeout, limit, lookback delta and stats
     * @return the vector, scalar or string result
     * @throws QueryException when the query fails
     */
    QueryResult query(String promql, QueryOptions options);

    /** Runs an instant query at the server's current time. @see #query(String, QueryOptions) */
    default QueryResult query(String promql) {
        return query(promql, QueryOptions.defaults());
    }

    /** Runs an instant query at {@code time}. @see #query(String, QueryOptions) */
    default QueryResult query(String promql, Instant time) {
        return query(promql, QueryOptions.defaults().time(time));
    }

    /** Runs a typed instant query; the expression is printed as canonical PromQL. @see #query(String, QueryOptions) */
    default QueryResult query(Expr expr, QueryOptions options) {
        return query(expr.toPromQL(), options);
    }

    /** Runs a typed instant query at the server's current time. */
    default QueryResult query(Expr expr) {
        return query(expr.toPromQL(), QueryOptions.defaults());
    }

    /**
     * Runs a range query, evaluating {@code promql} at {@code start}, {@code start + step}, ... up to {@code end}.
     *
     * @param promql the PromQL expression (of instant-vector or scalar type)
     * @param start the first evaluation time
     * @param end the last possible evaluation time, not before {@code start}
     * @param step the positive distance between evaluations
     * @param options timeout, limit, lookback delta and stats ({@code time} is not allowed)
     * @return the matrix (a scalar expression yields one series without labels)
     * @throws QueryException when the query fails
     * @throws IllegalArgumentException when {@code end} is before {@code start}, {@code step} is not positive or a
     *         {@code time} option is set
     */
    QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step, QueryOptions options);

    /** Runs a range query with the server's defaults. @see #queryRange(String, Instant, Instant, Duration, QueryOptions) */
    default QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
        return queryRange(promql, start, end, step, QueryOptions.defaults());
    }

    /** Runs a typed range query. @see #queryRange(String, Instant, Instant, Duration, QueryOptions) */
    default QueryResult.Matrix queryRange(Expr expr, Instant start, Instant end, Duration step, QueryOptions options) {
        return queryRange(expr.toPromQL(), start, end, step, options);
    }

    /** Runs a typed range query with the server's defaults. */
    default QueryResult.Matrix queryRange(Expr expr, Instant start, Instant end, Duration step) {
        return queryRange(expr.toPromQL(), start, end, step, QueryOptions.defaults());
    }

    /**
     * Finds the series matching any of the selectors.
     *
     * @param matchers series selectors ({@code match[]}), at least one
     * @param options time window and limit
     * @return the matching label sets
     * @throws QueryException when the lookup fails
     */
    SeriesResult series(List<String> matchers, SeriesOptions options);

    /** Finds the series matching any of the selectors, over the server's default window. */
    default SeriesResult series(List<String> matchers) {
        return series(matchers, SeriesOptions.defaults());
    }

    /**
     * Lists label names, optionally only those of series matching any of {@code matchers}.
     *
     * @param matchers series selectors, may be empty
     * @param options time window and limit
     * @return the sorted names
     * @throws QueryException when the lookup fails
     */
    LabelsResult labelNames(List<String> matchers, SeriesOptions options);

    /** Lists all label names. */
    default LabelsResult labelNames() {
        return labelNames(List.of(), SeriesOptions.defaults());
    }

    /**
     * Lists the values of label {@code labelName}, optionally only over series matching any of {@code matchers}.
     *
     * @param labelName the label name
     * @param matchers series selectors, may be empty
     * @param options time window and limit
     * @return the sorted values
     * @throws QueryException when the lookup fails
     */
    LabelsResult labelValues(String labelName, List<String> matchers, SeriesOptions options);

    /** Lists all values of label {@code labelName}. */
    default LabelsResult labelValues(String labelName) {
        return labelValues(labelName, List.of(), SeriesOptions.defaults());
    }
}
