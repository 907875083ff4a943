package io.monitoringkit.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Optional parameters of an instant or range query: evaluation {@code time} (instant queries only), server-side
 * {@code timeout}, series {@code limit}, {@code lookback_delta} and {@code stats}. Immutable; every setter returns a
 * copy.
 *
 * <pre>{@code
 * QueryOptions o = QueryOptions.defaults()
 *         .time(Instant.parse("2024-01-01T00:00:00Z"))
 *         .timeout(Duration.ofSeconds(10))
 *         .limit(100)
 *         .stats(true);
 * }</pre>
 */
public final class QueryOptions {
    private static final QueryOptions DEFAULTS = new QueryOptions(null, null, 0, null, false);

    private final Instant time;
    private final Duration timeout;
    private final int limit;
    private final Duration lookbackDelta;
    private final boolean stats;

    private QueryOptions(Instant time, Duration timeout, int limit, Duration lookbackDelta, boolean stats) {
        this.time = time;
        this.timeout = timeout;
        this.limit = limit;
        this.lookbackDelta = lookbackDelta;
        this.stats = stats;
    }

    /** @return no options set: the server's defaults apply. */
    public static QueryOptions defaults() {
        return DEFAULTS;
    }

    /** @return a copy evaluating an instant query at {@code time} (not allowed for range queries). */
    public QueryOptions time(Instant time) {
        return new QueryOptions(Objects.requireNonNull(time, "time"), timeout, limit, lookbackDelta, stats);
    }

    /**
     * @return a copy with a server-side evaluation timeout
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public QueryOptions timeout(Duration timeout) {
        requirePositive(timeout, "timeout");
        return new QueryOptions(time, timeout, limit, lookbackDelta, stats);
    }

    /**
     * @return a copy returning at most {@code limit} series (0 means no limit)
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public QueryOptions limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException(limit + " is not a valid limit; expected 0 (no limit) or more");
        }
        return new QueryOptions(time, timeout, limit, lookbackDelta, stats);
    }

    /**
     * @return a copy overriding the lookback delta for this query
     * @throws IllegalArgumentException when {@code lookbackDelta} is not positive
     */
    public QueryOptions lookbackDelta(Duration lookbackDelta) {
        requirePositive(lookbackDelta, "lookbackDelta");
        return new QueryOptions(time, timeout, limit, lookbackDelta, stats);
    }

    /** @return a copy asking for execution statistics ({@code stats=all}) or not. */
    public QueryOptions stats(boolean stats) {
        return new QueryOptions(time, timeout, limit, lookbackDelta, stats);
    }

    /** @return the evaluation time of an instant query; empty means the server's current time. */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** @return the server-side timeout, if set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the series limit, empty when none is set. */
    public OptionalInt limit() {
        return limit == 0 ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** @return the lookback delta override, if set. */
    public Optional<Duration> lookbackDelta() {
        return Optional.ofNullable(lookbackDelta);
    }

    /** @return whether execution statistics are requested. */
    public boolean stats() {
        return stats;
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(d + " is not a valid " + what + "; it must be positive");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryOptions q && Objects.equals(time, q.time) && Objects.equals(timeout, q.timeout)
                && limit == q.limit && Objects.equals(lookbackDelta, q.lookbackDelta) && stats == q.stats;
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, timeout, limit, lookbackDelta, stats);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("QueryOptions{");
        String sep = "";
        if (time != null) {
            sb.append("time=").append(time);
            sep = ", ";
        }
        if (timeout != null) {
            sb.append(sep).append("timeout=").append(timeout);
            sep = ", ";
        }
        if (limit != 0) {
            sb.append(sep).append("limit=").append(limit);
            sep = ", ";
        }
        if (lookbackDelta != null) {
            sb.append(sep).append("lookbackDelta=").append(lookbackDelta);
            sep = ", ";
        }
        if (stats) {
            sb.append(sep).append("stats=all");
        }
        return sb.append('}').toString();
    }
}
