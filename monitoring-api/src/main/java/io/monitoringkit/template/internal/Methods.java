package io.monitoringkit.template.internal;

import io.monitoringkit.template.internal.Func.PType;
import io.monitoringkit.template.internal.GoValues.GoDuration;
import io.monitoringkit.template.internal.GoValues.GoMonth;
import io.monitoringkit.template.internal.GoValues.GoTime;
import io.monitoringkit.template.internal.GoValues.GoWeekday;

import java.time.LocalDateTime;
import java.util.List;

/** The methods of Go values a template can call: those of time.Time, time.Duration, time.Month, time.Weekday. */
final class Methods {

    private Methods() {
    }

    private static Func m(String name, Func.Impl impl) {
        return new Func(name, List.of(), null, false, impl);
    }

    static Func lookup(Object receiver, String name) {
        if (receiver instanceof GoTime t) {
            LocalDateTime dt = GoTimes.utc(t);
            return switch (name) {
                case "Format" -> new Func(name, List.of(PType.STRING), null, false,
                        a -> GoTimes.format(t, (String) a.get(0)));
                case "String" -> m(name, a -> GoTimes.string(t));
                case "Unix" -> m(name, a -> t.seconds());
                case "UnixMilli" -> m(name, a -> Math.addExact(Math.multiplyExact(t.seconds(), 1000L),
                        (long) t.nanos() / 1_000_000));
                case "UnixMicro" -> m(name, a -> t.seconds() * 1_000_000L + t.nanos() / 1000);
                case "UnixNano" -> m(name, a -> t.seconds() * 1_000_000_000L + t.nanos());
                case "Year" -> m(name, a -> (long) dt.getYear());
                case "Month" -> m(name, a -> new GoMonth(dt.getMonthValue()));
                case "Day" -> m(name, a -> (long) dt.getDayOfMonth());
                case "Hour" -> m(name, a -> (long) dt.getHour());
                case "Minute" -> m(name, a -> (long) dt.getMinute());
                case "Second" -> m(name, a -> (long) dt.getSecond());
                case "Nanosecond" -> m(name, a -> (long) dt.getNano());
                case "YearDay" -> m(name, a -> (long) dt.getDayOfYear());
                case "Weekday" -> m(name, a -> new GoWeekday(dt.getDayOfWeek().getValue() % 7));
                case "UTC", "Local" -> m(name, a -> new GoTime(t.seconds(), t.nanos(), false));
                case "IsZero" -> m(name, a -> t.seconds() == -62135596800L && t.nanos() == 0);
                default -> null;
            };
        }
        if (receiver instanceof GoDuration d) {
            long ns = d.nanos();
            return switch (name) {
                case "String" -> m(name, a -> GoTimes.string(d));
                case "Seconds" -> m(name, a -> (double) (ns / 1_000_000_000L) + (ns % 1_000_000_000L) / 1e9);
                case "Minutes" -> m(name, a -> (double) (ns / 60_000_000_000L) + (ns % 60_000_000_000L) / 60e9);
                case "Hours" -> m(name, a -> (double) (ns / 3_600_000_000_000L) + (ns % 3_600_000_000_000L) / 3600e9);
                case "Milliseconds" -> m(name, a -> ns / 1_000_000L);
                case "Microseconds" -> m(name, a -> ns / 1_000L);
                case "Nanoseconds" -> m(name, a -> ns);
                default -> null;
            };
        }
        if (receiver instanceof GoMonth mo && name.equals("String")) {
            return m(name, a -> GoTimes.monthName(mo.month()));
        }
        if (receiver instanceof GoWeekday w && name.equals("String")) {
            return m(name, a -> GoTimes.dayName(w.day()));
        }
        return null;
    }
}
