package io.monitoringkit.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A Prometheus duration with millisecond precision, parsed and formatted exactly as Prometheus does
 * ({@code model.ParseDuration} / {@code model.Duration.String()}).
 *
 * <p>Units, in descending order and each at most once: {@code y} (365 days), {@code w}, {@code d}, {@code h},
 * {@code m}, {@code s}, {@code ms}. Formatting picks the largest units first and prints {@code 0s} for zero.
 * A duration may be negative (PromQL's {@code offset -5m}); {@link #parse(String)} accepts only the
 * non-negative forms Prometheus accepts, {@link #parseSigned(String)} also a leading minus.
 *
 * <pre>{@code
 * PromDuration d = PromDuration.parse("1h30m");
 * d.toMillis();          // 5400000
 * d.toString();          // "1h30m"
 * PromDuration.of(Duration.ofDays(7)).toString(); // "1w"
 * }</pre>
 *
 * @param millis the length in milliseconds (negative for a negative offset)
 */
public record PromDuration(long millis) implements Comparable<PromDuration> {

    /** The zero duration, printed {@code 0s}. */
    public static final PromDuration ZERO = new PromDuration(0);

    private static final long MS = 1, S = 1000 * MS, M = 60 * S, H = 60 * M, D = 24 * H, W = 7 * D, Y = 365 * D;
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MS = {Y, W, D, H, M, S, MS};

    /** Prometheus' own example list, used in error messages. */
    public static final String EXAMPLES = "e.g. 30s, 5m, 1h30m";

    /** @return a duration of {@code millis} milliseconds. */
    public static PromDuration ofMillis(long millis) {
        return new PromDuration(millis);
    }

    /** @return a duration of {@code seconds} seconds. */
    public static PromDuration ofSeconds(long seconds) {
        return new PromDuration(Math.multiplyExact(seconds, S));
    }

    /** @return a duration of {@code minutes} minutes. */
    public static PromDuration ofMinutes(long minutes) {
        return new PromDuration(Math.multiplyExact(minutes, M));
    }

    /** @return a duration of {@code hours} hours. */
    public static PromDuration ofHours(long hours) {
        return new PromDuration(Math.multiplyExact(hours, H));
    }

    /** @return a duration of {@code days} days. */
    public static PromDuration ofDays(long days) {
        return new PromDuration(Math.multiplyExact(days, D));
    }

    /**
     * Converts a {@link Duration}; sub-millisecond parts must be zero, because Prometheus cannot express them.
     *
     * @throws IllegalArgumentException when {@code duration} has a sub-millisecond part
     */
    public static PromDuration of(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    "\"" + duration + "\" is not a Prometheus duration: Prometheus durations have millisecond precision");
        }
        return new PromDuration(duration.toMillis());
    }

    /**
     * Parses a Prometheus duration such as {@code 5m}, {@code 1h30m} or {@code 250ms}.
     *
     * @throws IllegalArgumentException quoting the input when it is not a Prometheus duration
     */
    public static PromDuration parse(String text) {
        Objects.requireNonNull(text, "text");
        long ms = parseOrMinusOne(text, 0);
        if (ms < 0) {
            throw new IllegalArgumentException(describeInvalid(text));
        }
        return new PromDuration(ms);
    }

    /** Like {@link #parse(String)}, but also accepts a leading {@code -} (as after PromQL's {@code offset}). */
    public static PromDuration parseSigned(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("-")) {
            long ms = parseOrMinusOne(text, 1);
            if (ms < 0) {
                throw new IllegalArgumentException(describeInvalid(text));
            }
            return new PromDuration(-ms);
        }
        return parse(text);
    }

    /** @return whether {@code text} is a valid (non-negative) Prometheus duration. */
    public static boolean isValid(String text) {
        return text != null && parseOrMinusOne(text, 0) >= 0;
    }

    /** The message used when {@code text} is not a duration: names the input and shows examples. */
    public static String describeInvalid(String text) {
        return "\"" + text + "\" is not a Prometheus duration (" + EXAMPLES + ")";
    }

    /**
     * Returns the duration in milliseconds, or -1 when {@code text} (from {@code start}) is not a duration.
     * Follows Prometheus: at least one unit, units in descending order, none repeated, no sign, no spaces;
     * {@code 0} alone is allowed.
     */
    private static long parseOrMinusOne(String text, int start) {
        int n = text.length();
        if (start >= n) {
            return -1;
        }
        if (n - start == 1 && text.charAt(start) == '0') {
            return 0;
        }
        long total = 0;
        int lastUnit = -1;
        int i = start;
        while (i < n) {
            int digitsStart = i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == digitsStart) {
                return -1;
            }
            long value;
            try {
                value = Long.parseLong(text, digitsStart, i, 10);
            } catch (NumberFormatException overflow) {
                return -1;
            }
            int unit = unitAt(text, i);
            if (unit < 0 || unit <= lastUnit) {
                return -1;
            }
            i += UNITS[unit].length();
            lastUnit = unit;
            try {
                total = Math.addExact(total, Math.multiplyExact(value, UNIT_MS[unit]));
            } catch (ArithmeticException overflow) {
                return -1;
            }
        }
        return total;
    }

    private static int unitAt(String text, int i) {
        if (i >= text.length()) {
            return -1;
        }
        char c = text.charAt(i);
        switch (c) {
            case 'y': return 0;
            case 'w': return 1;
            case 'd': return 2;
            case 'h': return 3;
            case 'm': return i + 1 < text.length() && text.charAt(i + 1) == 's' ? 6 : 4;
            case 's': return 5;
            default: return -1;
        }
    }

    /** @return this duration as a {@link Duration}. */
    public Duration toDuration() {
        return Duration.ofMillis(millis);
    }

    /** @return the length in milliseconds. */
    public long toMillis() {
        return millis;
    }

    /** @return the length in (possibly fractional) seconds. */
    public double toSeconds() {
        return millis / 1000.0;
    }

    /** @return whether this is shorter than zero. */
    public boolean isNegative() {
        return millis < 0;
    }

    /** @return whether this is zero. */
    public boolean isZero() {
        return millis == 0;
    }

    /** @return this duration with its sign flipped. */
    public PromDuration negated() {
        return new PromDuration(Math.negateExact(millis));
    }

    @Override
    public int compareTo(PromDuration other) {
        return Long.compare(millis, other.millis);
    }

    /** The Prometheus form: {@code 1h30m}, {@code 0s}, {@code -5m}. */
    @Override
    public String toString() {
        if (millis == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long rest = millis;
        if (rest < 0) {
            sb.append('-');
            rest = -rest;
        }
        for (int u = 0; u < UNITS.length; u++) {
            // like Prometheus, years and weeks only when they divide the rest exactly ("90d", not "12w6d")
            if (u < 2 && rest % UNIT_MS[u] != 0) {
                continue;
            }
            long count = rest / UNIT_MS[u];
            if (count > 0) {
                sb.append(count).append(UNITS[u]);
                rest -= count * UNIT_MS[u];
            }
        }
        return sb.toString();
    }
}
