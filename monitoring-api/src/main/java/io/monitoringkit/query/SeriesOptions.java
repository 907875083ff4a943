package io.monitoringkit.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Optional parameters of the series, label-names and label-values lookups: the time window ({@code start},
 * {@code end}) and a result {@code limit}. Immutable; every setter returns a copy.
 *
 * <pre>{@code
 * SeriesOptions o = SeriesOptions.defaults()
 *         .start(Instant.parse("2024-01-01T00:00:00Z"))
 *         .end(Instant.parse("2024-01-02T00:00:00Z"))
 *         .limit(1000);
 * }</pre>
 */
public final class SeriesOptions {
    private static final SeriesOptions DEFAULTS = new SeriesOptions(null, null, 0);

    private final Instant start;
    private final Instant end;
    private final int limit;

    private SeriesOptions(Instant start, Instant end, int limit) {
        this.start = start;
        this.end = end;
        this.limit = limit;
    }

    /** @return no options: the server's default window and no limit. */
    public static SeriesOptions defaults() {
        return DEFAULTS;
    }

    /** @return a copy starting the window at {@code start}. */
    public SeriesOptions start(Instant start) {
        return new SeriesOptions(Objects.requireNonNull(start, "start"), end, limit);
    }

    /** @return a copy ending the window at {@code end}. */
    public SeriesOptions end(Instant end) {
        return new SeriesOptions(start, Objects.requireNonNull(end, "end"), limit);
    }

    /**
     * @return a copy returning at most {@code limit} entries (0 means no limit)
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public SeriesOptions limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException(limit + " is not a valid limit; expected 0 (no limit) or more");
        }
        return new SeriesOptions(start, end, limit);
    }

    /** @return the window's start, if set. */
    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    /** @return the window's end, if set. */
    public Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    /** @return the limit, empty when none is set. */
    public OptionalInt limit() {
        return limit == 0 ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesOptions s && Objects.equals(start, s.start) && Objects.equals(end, s.end)
                && limit == s.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, limit);
    }

    @Override
    public String toString() {
        return "SeriesOptions{start=" + start + ", end=" + end + ", limit=" + limit + "}";
    }
}
