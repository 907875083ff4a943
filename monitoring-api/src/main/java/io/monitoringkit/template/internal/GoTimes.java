package io.monitoringkit.template.internal;

import io.monitoringkit.template.internal.GoValues.GoDuration;
import io.monitoringkit.template.internal.GoValues.GoTime;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Go's {@code time.Time} and {@code time.Duration} text forms for UTC times. */
public final class GoTimes {

    private GoTimes() {
    }

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    /** @return the English month name, 1-based. */
    public static String monthName(int m) {
        return m >= 1 && m <= 12 ? MONTHS[m - 1] : "%!Month(" + m + ")";
    }

    /** @return the English day name, 0 = Sunday. */
    public static String dayName(int d) {
        return d >= 0 && d <= 6 ? DAYS[d] : "%!Weekday(" + d + ")";
    }

    static LocalDateTime utc(GoTime t) {
        return LocalDateTime.ofEpochSecond(t.seconds(), t.nanos(), ZoneOffset.UTC);
    }

    /** time.Time.String(): {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    public static String string(GoTime t) {
        return format(t, "2006-01-02 15:04:05.999999999 -0700 MST");
    }

    /** time.Time.Format for a UTC time, with Go's reference-time layout. */
    public static String format(GoTime t, String layout) {
        LocalDateTime dt = utc(t);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = layout.length();
        while (i < n) {
            String rest = layout.substring(i);
            if (rest.startsWith("January")) {
                sb.append(MONTHS[dt.getMonthValue() - 1]);
                i += 7;
            } else if (rest.startsWith("Jan") && !lowerAt(layout, i + 3)) {
                sb.append(MONTHS[dt.getMonthValue() - 1], 0, 3);
                i += 3;
            } else if (rest.startsWith("Monday")) {
                sb.append(DAYS[dt.getDayOfWeek().getValue() % 7]);
                i += 6;
            } else if (rest.startsWith("Mon") && !lowerAt(layout, i + 3)) {
                sb.append(DAYS[dt.getDayOfWeek().getValue() % 7], 0, 3);
                i += 3;
            } else if (rest.startsWith("MST")) {
                sb.append("UTC");
                i += 3;
            } else if (rest.startsWith("2006")) {
                int y = dt.getYear();
                sb.append(y < 0 ? "-" : "").append(pad(Math.abs(y), 4));
                i += 4;
            } else if (rest.startsWith("002")) {
                sb.append(pad(dt.getDayOfYear(), 3));
                i += 3;
            } else if (rest.startsWith("__2")) {
                String s = Integer.toString(dt.getDayOfYear());
                sb.append(" ".repeat(Math.max(0, 3 - s.length()))).append(s);
                i += 3;
            } else if (rest.startsWith("01")) {
                sb.append(pad(dt.getMonthValue(), 2));
                i += 2;
            } else if (rest.startsWith("02")) {
                sb.append(pad(dt.getDayOfMonth(), 2));
                i += 2;
            } else if (rest.startsWith("03")) {
                sb.append(pad(hour12(dt.getHour()), 2));
                i += 2;
            } else if (rest.startsWith("04")) {
                sb.append(pad(dt.getMinute(), 2));
                i += 2;
            } else if (rest.startsWith("05")) {
                sb.append(pad(dt.getSecond(), 2));
                i += 2;
            } else if (rest.startsWith("06")) {
                sb.append(pad(Math.floorMod(dt.getYear(), 100), 2));
                i += 2;
            } else if (rest.startsWith("_2")) {
                int d = dt.getDayOfMonth();
                sb.append(d < 10 ? " " : "").append(d);
                i += 2;
            } else if (rest.startsWith("15")) {
                sb.append(pad(dt.getHour(), 2));
                i += 2;
            } else if (rest.startsWith("1")) {
                sb.append(dt.getMonthValue());
                i += 1;
            } else if (rest.startsWith("2")) {
                sb.append(dt.getDayOfMonth());
                i += 1;
            } else if (rest.startsWith("3")) {
                sb.append(hour12(dt.getHour()));
                i += 1;
            } else if (rest.startsWith("4")) {
                sb.append(dt.getMinute());
                i += 1;
            } else if (rest.startsWith("5")) {
                sb.append(dt.getSecond());
                i += 1;
            } else if (rest.startsWith("PM")) {
                sb.append(dt.getHour() >= 12 ? "PM" : "AM");
                i += 2;
            } else if (rest.startsWith("pm")) {
                sb.append(dt.getHour() >= 12 ? "pm" : "am");
                i += 2;
            } else if (rest.startsWith("Z07:00:00") || rest.startsWith("Z070000")) {
                sb.append('Z');
                i += rest.startsWith("Z07:00:00") ? 9 : 7;
            } else if (rest.startsWith("Z07:00") || rest.startsWith("Z0700")) {
                sb.append('Z');
                i += rest.startsWith("Z07:00") ? 6 : 5;
            } else if (rest.startsWith("Z07")) {
                sb.append('Z');
                i += 3;
            } else if (rest.startsWith("-07:00:00")) {
                sb.append("+00:00:00");
                i += 9;
            } else if (rest.startsWith("-070000")) {
                sb.append("+000000");
                i += 7;
            } else if (rest.startsWith("-07:00")) {
                sb.append("+00:00");
                i += 6;
            } else if (rest.startsWith("-0700")) {
                sb.append("+0000");
                i += 5;
            } else if (rest.startsWith("-07")) {
                sb.append("+00");
                i += 3;
            } else if ((rest.startsWith(".0") || rest.startsWith(",0") || rest.startsWith(".9")
                    || rest.startsWith(",9")) && fractionEnd(layout, i) > 0) {
                int end = fractionEnd(layout, i);
                int digits = end - i - 1;
                boolean trim = layout.charAt(i + 1) == '9';
                String frac = pad(dt.getNano(), 9).substring(0, Math.min(9, digits));
                if (trim) {
                    int e = frac.length();
                    while (e > 0 && frac.charAt(e - 1) == '0') {
                        e--;
                    }
                    if (e > 0) {
                        sb.append(layout.charAt(i)).append(frac, 0, e);
                    }
                } else {
                    sb.append(layout.charAt(i)).append(frac);
                }
                i = end;
            } else {
                sb.append(layout.charAt(i));
                i++;
            }
        }
        return sb.toString();
    }

    /** @return the end of a fractional-second run (".000" or ".999") starting at i, or -1. */
    private static int fractionEnd(String layout, int i) {
        char digit = layout.charAt(i + 1);
        int j = i + 1;
        while (j < layout.length() && layout.charAt(j) == digit) {
            j++;
        }
        // Go only treats it as a fraction when it does not run into another digit.
        if (j < layout.length() && Character.isDigit(layout.charAt(j))) {
            return -1;
        }
        // ".0" needs a preceding seconds field in Go's layouts; we accept it wherever it appears.
        return j;
    }

    private static boolean lowerAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    private static int hour12(int h) {
        int r = h % 12;
        return r == 0 ? 12 : r;
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** time.Duration.String(): {@code 1h2m3.5s}, {@code 1.5ms}, {@code 0s}. */
    public static String string(GoDuration d) {
        long v = d.nanos();
        if (v == 0) {
            return "0s";
        }
        boolean neg = v < 0;
        // unsigned magnitude (Long.MIN_VALUE stays representable through unsigned arithmetic)
        long u = neg ? -v : v;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            int prec;
            String unit;
            if (u < 1_000L) {
                prec = 0;
                unit = "ns";
            } else if (u < 1_000_000L) {
                prec = 3;
                unit = "µs";
            } else {
                prec = 6;
                unit = "ms";
            }
            out.append(Long.toUnsignedString(Long.divideUnsigned(u, pow10(prec))))
                    .append(frac(Long.remainderUnsigned(u, pow10(prec)), prec)).append(unit);
        } else {
            long secs = Long.divideUnsigned(u, 1_000_000_000L);
            String fr = frac(Long.remainderUnsigned(u, 1_000_000_000L), 9);
            long s = secs % 60;
            long mins = secs / 60;
            if (mins > 0) {
                long h = mins / 60;
                if (h > 0) {
                    out.append(h).append('h');
                }
                out.append(mins % 60).append('m');
            }
            out.append(s).append(fr).append('s');
        }
        return (neg ? "-" : "") + out;
    }

    private static long pow10(int p) {
        long r = 1;
        for (int i = 0; i < p; i++) {
            r *= 10;
        }
        return r;
    }

    private static String frac(long v, int prec) {
        if (prec == 0 || v == 0) {
            return "";
        }
        String s = pad(v, prec);
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == '0') {
            e--;
        }
        return "." + s.substring(0, e);
    }
}
