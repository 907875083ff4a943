package io.monitoringkit.examples.demo;

import io.monitoringkit.model.PromDuration;
import java.util.Locale;

/**
 * How fast service time runs compared with the wall clock: {@code 60} (or {@code 60x}) and {@code 1m} (service
 * time per real second) both mean one real second is one minute.
 *
 * <pre>{@code
 * Speed.parse("1m").factor();    // 60.0
 * Speed.parse("300x").factor();  // 300.0
 * }</pre>
 *
 * @param factor service seconds per real second, positive
 */
public record Speed(double factor) {

    /** The demo's default: one real second is one minute of service time. */
    public static final Speed DEFAULT = new Speed(60);

    /** Real time: one second is one second. */
    public static final Speed REAL_TIME = new Speed(1);

    /** Checks the factor. */
    public Speed {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(factor + ": the speed must be a positive number");
        }
    }

    /** The speed with {@code factor} service seconds per real second. */
    public static Speed of(double factor) {
        return new Speed(factor);
    }

    /**
     * Reads {@code 60}, {@code 60x} or {@code 2.5} (a factor) or {@code 1m}, {@code 90s}, {@code 1h} (service time per
     * real second).
     *
     * @throws IllegalArgumentException quoting the text when it is neither
     */
    public static Speed parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String number = t.endsWith("x") ? t.substring(0, t.length() - 1) : t;
        if (number.matches("[0-9]+(\\.[0-9]+)?")) {
            double f = Double.parseDouble(number);
            if (f > 0) {
                return new Speed(f);
            }
        } else if (PromDuration.isValid(t)) {
            PromDuration d = PromDuration.parse(t);
            if (!d.isZero()) {
                return new Speed(d.toMillis() / 1000.0);
            }
        }
        throw new IllegalArgumentException("'" + text + "': not a speed; give service time per real second ("
                + "e.g. 1m, 5m) or a factor (e.g. 60, 300x), greater than zero");
    }

    /** {@code "1s = 1m"}, {@code "1s = 5m"}, {@code "1s = 2.5s"}: what one real second is worth. */
    @Override
    public String toString() {
        long millis = Math.round(factor * 1000);
        if (millis > 0 && Math.abs(millis - factor * 1000) < 1e-6 && millis % 1000 == 0) {
            return "1s = " + PromDuration.ofMillis(millis);
        }
        return "1s = " + format(factor) + "s";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
