package io.monitoringkit.exposition;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of an exposition: sample name (the family name plus a suffix such as {@code _bucket}), labels, value,
 * optional timestamp and optional exemplar. Immutable; values compare bit for bit, so {@code NaN} equals
 * {@code NaN} and {@code -0.0} differs from {@code 0.0}. Timestamps are milliseconds since the epoch, as
 * Prometheus stores them (OpenMetrics' fractional seconds are rounded to the millisecond).
 *
 * <pre>{@code
 * Sample s = Sample.of("http_requests_total", Labels.of("code", "200"), 1027)
 *         .withTimestampMillis(1_395_066_363_000L);
 * }</pre>
 */
public final class Sample {

    private final String name;
    private final Labels labels;
    private final double value;
    private final long timestampMillis;
    private final boolean hasTimestamp;
    private final Exemplar exemplar;

    private Sample(String name, Labels labels, double value, long timestampMillis, boolean hasTimestamp,
            Exemplar exemplar) {
        this.name = name;
        this.labels = labels;
        this.value = value;
        this.timestampMillis = timestampMillis;
        this.hasTimestamp = hasTimestamp;
        this.exemplar = exemplar;
    }

    /**
     * @return a sample without timestamp and exemplar
     * @throws IllegalArgumentException when {@code name} is not a valid metric name or a label name is invalid
     */
    public static Sample of(String name, Labels labels, double value) {
        Names.requireLegacyMetricName(name);
        for (int i = 0; i < labels.size(); i++) {
            Names.requireLegacyLabelName(labels.name(i));
        }
        return new Sample(name, labels, value, 0, false, null);
    }

    /** Trusted factory for the parser: names already checked. */
    static Sample trusted(String name, Labels labels, double value, long ts, boolean hasTs, Exemplar exemplar) {
        return new Sample(name, labels, value, ts, hasTs, exemplar);
    }

    /** @return a copy with the given timestamp in milliseconds since the epoch. */
    public Sample withTimestampMillis(long timestampMillis) {
        return new Sample(name, labels, value, timestampMillis, true, exemplar);
    }

    /** @return a copy with the given exemplar. */
    public Sample withExemplar(Exemplar exemplar) {
        return new Sample(name, labels, value, timestampMillis, hasTimestamp, Objects.requireNonNull(exemplar));
    }

    /** @return the sample name, e.g. {@code http_request_duration_seconds_bucket}. */
    public String name() {
        return name;
    }

    /** @return the labels (without {@code __name__}). */
    public Labels labels() {
        return labels;
    }

    /** @return the value; {@code NaN} and infinities are kept. */
    public double value() {
        return value;
    }

    /** @return the timestamp in milliseconds since the epoch, if the exposition gave one. */
    public OptionalLong timestampMillis() {
        return hasTimestamp ? OptionalLong.of(timestampMillis) : OptionalLong.empty();
    }

    /** @return the exemplar, if any (OpenMetrics only). */
    public Optional<Exemplar> exemplar() {
        return Optional.ofNullable(exemplar);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && name.equals(s.name) && labels.equals(s.labels)
                && Double.doubleToLongBits(value) == Double.doubleToLongBits(s.value)
                && hasTimestamp == s.hasTimestamp && timestampMillis == s.timestampMillis
                && Objects.equals(exemplar, s.exemplar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, labels, Double.doubleToLongBits(value), hasTimestamp, timestampMillis, exemplar);
    }

    @Override
    public String toString() {
        return name + labels + " " + value + (hasTimestamp ? " @" + timestampMillis : "")
                + (exemplar != null ? " " + exemplar : "");
    }
}
