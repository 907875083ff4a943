package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dashboard's default time range in Grafana's relative syntax ({@code now-6h} to {@code now}) or absolute
 * ISO-8601 instants.
 *
 * <pre>{@code
 * TimeRange last6h = TimeRange.last("6h");        // {"from":"now-6h","to":"now"}
 * TimeRange t = TimeRange.of("now-1d/d", "now/d"); // yesterday
 * }</pre>
 */
public final class TimeRange extends JsonBacked {

    private static final Pattern RELATIVE = Pattern.compile("now(-[0-9]+[smhdwMy])?(/[smhdwMy])?");

    private TimeRange(ObjectNode json) {
        super(json);
    }

    /** @return {@code now-duration} to {@code now}. */
    public static TimeRange last(String duration) {
        return of("now-" + duration, "now");
    }

    /**
     * @return the range from {@code from} to {@code to}
     * @throws IllegalArgumentException when either is neither relative ({@code now-6h}) nor an ISO instant
     */
    public static TimeRange of(String from, String to) {
        check("from", from);
        check("to", to);
        ObjectNode o = Json.object();
        o.put("from", from);
        o.put("to", to);
        return new TimeRange(o);
    }

    private static void check(String what, String t) {
        if (RELATIVE.matcher(t).matches()) {
            return;
        }
        try {
            java.time.Instant.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a valid time for " + what
                    + ": use now, now-6h, now-1d/d or an ISO-8601 instant");
        }
    }

    static TimeRange read(In in) {
        return new TimeRange(in.rest);
    }

    /** @return the start. */
    public Optional<String> from() {
        return text("from");
    }

    /** @return the end. */
    public Optional<String> to() {
        return text("to");
    }
}
