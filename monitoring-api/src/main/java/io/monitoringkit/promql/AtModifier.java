package io.monitoringkit.promql;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code @} modifier of a selector or subquery: a fixed timestamp, or {@code start()} / {@code end()} of the
 * query range.
 *
 * <pre>{@code
 * metric("up").at(Instant.ofEpochSecond(1700000000));   // up @ 1700000000.000
 * metric("up").at(AtModifier.end());                     // up @ end()
 * }</pre>
 *
 * @param kind            which form
 * @param timestampMillis the timestamp in milliseconds since the epoch (0 unless {@code kind} is TIMESTAMP)
 */
public record AtModifier(Kind kind, long timestampMillis) {

    /** The three forms. */
    public enum Kind {
        /** {@code @ <unix seconds>} */
        TIMESTAMP,
        /** {@code @ start()} */
        START,
        /** {@code @ end()} */
        END
    }

    /** Normalises the timestamp of start()/end() to 0. */
    public AtModifier {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.TIMESTAMP) {
            timestampMillis = 0;
        }
    }

    /** @return {@code @ start()}. */
    public static AtModifier start() {
        return new AtModifier(Kind.START, 0);
    }

    /** @return {@code @ end()}. */
    public static AtModifier end() {
        return new AtModifier(Kind.END, 0);
    }

    /** @return {@code @ millis/1000}. */
    public static AtModifier ofMillis(long millis) {
        return new AtModifier(Kind.TIMESTAMP, millis);
    }

    /** @return {@code @ instant} (millisecond precision). */
    public static AtModifier of(Instant instant) {
        return ofMillis(instant.toEpochMilli());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case START -> "@ start()";
            case END -> "@ end()";
            case TIMESTAMP -> "@ " + PromQLPrinter.atTimestamp(timestampMillis);
        };
    }
}
