package io.monitoringkit.query;

import java.util.Objects;

/**
 * One float sample of an instant vector: the series' labels, the evaluation timestamp in milliseconds since the
 * epoch and the value ({@code NaN} and infinities kept as they are).
 *
 * <pre>{@code
 * Sample s = vector.single();
 * s.labels().get("job");   // Optional[api]
 * s.value();               // 3.0
 * }</pre>
 *
 * @param labels the series' labels
 * @param timestamp milliseconds since the epoch
 * @param value the value
 */
public record Sample(io.monitoringkit.model.Labels labels, long timestamp, double value) {
    /** Rejects null labels. */
    public Sample {
        Objects.requireNonNull(labels, "labels");
    }
}
