package io.monitoringkit.alertmanager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One period of a {@link TimeInterval}, as written in {@code alertmanager.yml}: times of day, weekdays, days
 * of the month, months and years (each a list of single values or {@code start:end} ranges) and an optional
 * location (time zone). Texts are checked by {@link AlertmanagerConfig#validate()} with Alertmanager 0.25's
 * rules.
 *
 * <pre>{@code
 * TimePeriod weekdaysDaytime = TimePeriod.builder()
 *         .weekdays("monday:friday").times("09:00", "17:00").location("Europe/Berlin").build();
 * }</pre>
 */
public final class TimePeriod {
    /**
     * A {@code start_time}/{@code end_time} pair ({@code HH:MM}, end exclusive, {@code 24:00} allowed).
     *
     * @param start the start time text
     * @param end   the end time text
     */
    public record TimeRange(String start, String end) {
        /** Checks that nothing is null (use the empty string for a missing end). */
        public TimeRange {
            Objects.requireNonNull(start, "start_time");
            Objects.requireNonNull(end, "end_time");
        }
    }

    private final List<TimeRange> times;
    private final List<String> weekdays;
    private final List<String> daysOfMonth;
    private final List<String> months;
    private final List<String> years;
    private final String location;

    private TimePeriod(Builder b) {
        times = List.copyOf(b.times);
        weekdays = List.copyOf(b.weekdays);
        daysOfMonth = List.copyOf(b.daysOfMonth);
        months = List.copyOf(b.months);
        years = List.copyOf(b.years);
        location = b.location;
    }

    /** An empty period (always matches). */
    public static Builder builder() {
        return new Builder();
    }

    /** The times of day. */
    public List<TimeRange> times() {
        return times;
    }

    /** Weekday names or ranges, e.g. {@code monday:friday}. */
    public List<String> weekdays() {
        return weekdays;
    }

    /** Days of the month or ranges; negative values count from the month's end. */
    public List<String> daysOfMonth() {
        return daysOfMonth;
    }

    /** Month names or numbers, or ranges. */
    public List<String> months() {
        return months;
    }

    /** Years or ranges. */
    public List<String> years() {
        return years;
    }

    /** The IANA time zone the period is evaluated in; UTC when empty. */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimePeriod p && times.equals(p.times) && weekdays.equals(p.weekdays)
                && daysOfMonth.equals(p.daysOfMonth) && months.equals(p.months) && years.equals(p.years)
                && Objects.equals(location, p.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(times, weekdays, daysOfMonth, months, years, location);
    }

    @Override
    public String toString() {
        return "TimePeriod[times=" + times + ", weekdays=" + weekdays + ", days_of_month=" + daysOfMonth
                + ", months=" + months + ", years=" + years + (location == null ? "" : ", location=" + location)
                + "]";
    }

    /**
     * Builds a {@link TimePeriod}.
     *
     * <pre>{@code
     * TimePeriod.builder().daysOfMonth("1:7").months("january:march").years("2026").build();
     * }</pre>
     */
    public static final class Builder {
        private final List<TimeRange> times = new ArrayList<>();
        private final List<String> weekdays = new ArrayList<>();
        private final List<String> daysOfMonth = new ArrayList<>();
        private final List<String> months = new ArrayList<>();
        private final List<String> years = new ArrayList<>();
        private String location;

        private Builder() {
        }

        /** Adds a time range {@code start} (inclusive) to {@code end} (exclusive), {@code HH:MM}. */
        public Builder times(String start, String end) {
            times.add(new TimeRange(start, end));
            return this;
        }

        /** Adds weekdays or ranges. */
        public Builder weekdays(String... values) {
            weekdays.addAll(Arrays.asList(values));
            return this;
        }

        /** Adds days of the month or ranges. */
        public Builder daysOfMonth(String... values) {
            daysOfMonth.addAll(Arrays.asList(values));
            return this;
        }

        /** Adds months or ranges. */
        public Builder months(String... values) {
            months.addAll(Arrays.asList(values));
            return this;
        }

        /** Adds years or ranges. */
        public Builder years(String... values) {
            years.addAll(Arrays.asList(values));
            return this;
        }

        /** Sets the time zone, e.g. {@code Europe/Berlin}. */
        public Builder location(String zone) {
            location = Objects.requireNonNull(zone, "location");
            return this;
        }

        /** The period. */
        public TimePeriod build() {
            return new TimePeriod(this);
        }
    }
}
