package io.monitoringkit.examples.demo;

import java.util.Locale;

/**
 * How the view formats a panel's number.
 *
 * <pre>{@code
 * Unit.RATIO.format(0.1234);     // "12.34 %"
 * Unit.SECONDS.format(0.612);    // "612 ms"
 * }</pre>
 */
public enum Unit {
    /** Per-second rates, {@code "4.93 req/s"}. */
    REQUESTS_PER_SECOND,
    /** Ratios shown as percentages, {@code "12.34 %"}. */
    RATIO,
    /** Durations in seconds shown in milliseconds, {@code "612 ms"}, or seconds from 10 s up. */
    SECONDS;

    /** The number with its unit, or {@code "-"} for no data and {@code "n/a"} for NaN. */
    public String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (this) {
            case REQUESTS_PER_SECOND -> String.format(Locale.ROOT, "%.2f req/s", v);
            case RATIO -> String.format(Locale.ROOT, "%.2f %%", v * 100);
            case SECONDS -> Double.isInfinite(v) ? (v > 0 ? "+Inf s" : "-Inf s")
                    : v >= 10 ? String.format(Locale.ROOT, "%.1f s", v)
                    : v >= 0.01 ? String.format(Locale.ROOT, "%.0f ms", v * 1000)
                    : String.format(Locale.ROOT, "%.1f ms", v * 1000);
        };
    }
}
