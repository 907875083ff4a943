package io.monitoringkit.exposition;

import io.monitoringkit.model.Labels;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An OpenMetrics exemplar: a sample of the event behind a counter increment or histogram bucket, usually with a
 * trace id. Immutable; values compare bit for bit, so {@code NaN} equals {@code NaN}.
 *
 * <pre>{@code
 * Exemplar e = Exemplar.of(Labels.of("trace_id", "4bf92f3577b34da6"), 0.67).withTimestampMillis(1_700_000_000_123L);
 * e.timestampMillis(); // OptionalLong[1700000000123]
 * }</pre>
 */
public final class Exemplar {

    /** OpenMetrics caps the label names and values of an exemplar together at this many characters. */
    public static final int MAX_LABEL_CHARS = 128;

    private final Labels labels;
    private final double value;
    private final long timestampMillis;
    private final boolean hasTimestamp;

    private Exemplar(Labels labels, double value, long timestampMillis, boolean hasTimestamp) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.value = value;
        this.timestampMillis = timestampMillis;
        this.hasTimestamp = hasTimestamp;
    }

    /** @return an exemplar without timestamp. */
    public static Exemplar of(Labels labels, double value) {
        return new Exemplar(labels, value, 0, false);
    }

    /** @return a copy with the given timestamp, in milliseconds since the epoch. */
    public Exemplar withTimestampMillis(long timestampMillis) {
        return new Exemplar(labels, value, timestampMillis, true);
    }

    /** @return the exemplar's labels, e.g. {@code trace_id}. */
    public Labels labels() {
        return labels;
    }

    /** @return the observed value. */
    public double value() {
        return value;
    }

    /** @return the timestamp in milliseconds since the epoch, if given. */
    public OptionalLong timestampMillis() {
        return hasTimestamp ? OptionalLong.of(timestampMillis) : OptionalLong.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exemplar e && labels.equals(e.labels)
                && Double.doubleToLongBits(value) == Double.doubleToLongBits(e.value)
                && hasTimestamp == e.hasTimestamp && timestampMillis == e.timestampMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, Double.doubleToLongBits(value), hasTimestamp, timestampMillis);
    }

    @Override
    public String toString() {
        return "# " + labels + " " + value + (hasTimestamp ? " @" + timestampMillis : "");
    }
}
