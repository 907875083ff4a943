package io.monitoringkit.alertmanager;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named time interval ({@code time_intervals} entry) used by routes' {@code mute_time_intervals} and
 * {@code active_time_intervals}: the union of its periods.
 *
 * <pre>{@code
 * TimeInterval offHours = TimeInterval.of("off-hours",
 *         TimePeriod.builder().weekdays("saturday:sunday").build(),
 *         TimePeriod.builder().times("00:00", "08:00").times("18:00", "24:00").build());
 * }</pre>
 *
 * @param name    the name routes refer to
 * @param periods the periods (an interval with none never matches)
 */
public record TimeInterval(String name, List<TimePeriod> periods) {

    /** Copies the periods and checks that nothing is null. */
    public TimeInterval {
        Objects.requireNonNull(name, "name");
        periods = List.copyOf(periods);
    }

    /** An interval named {@code name} with {@code periods}. */
    public static TimeInterval of(String name, TimePeriod... periods) {
        return new TimeInterval(name, Arrays.asList(periods));
    }
}
