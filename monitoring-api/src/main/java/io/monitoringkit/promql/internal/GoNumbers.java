package io.monitoringkit.promql.internal;

import io.monitoringkit.model.GoStrings;
import java.util.Locale;

/**
 * The number and duration conversions Prometheus' parser applies to lexed literals: Go's
 * {@code strconv.ParseInt(s, 0, 64)} falling back to {@code strconv.ParseFloat(s, 64)}, and
 * {@code model.ParseDuration}, with their error texts.
 */
final class GoNumbers {

    private GoNumbers() {
    }

    /** Thrown with Go's error text. */
    static final class NumberError extends Exception {
        private static final long serialVersionUID = 1L;

        NumberError(String message) {
            super(message, null, false, false);
        }
    }

    /** @return the value of a PromQL number literal as Prometheus computes it. */
    static double number(String s) throws NumberError {
        long[] out = new long[1];
        if (parseInt0(s, out)) {
            return (double) out[0];
        }
        return parseFloat(s);
    }

    /** Go's ParseInt with base 0 (prefixes 0x, 0o, 0b and a leading 0 for octal; underscores allowed). */
    static boolean parseInt0(String s, long[] out) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        int base = 10;
        int i = 0;
        if (n >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') {
                base = 16;
                i = 2;
            } else if (p == 'o') {
                base = 8;
                i = 2;
            } else if (p == 'b') {
                base = 2;
                i = 2;
            } else {
                base = 8;
                i = 1;
            }
        }
        if (s.indexOf('_') >= 0 && !underscoreOK(s)) {
            return false;
        }
        if (i >= n) {
            return false;
        }
        long v = 0;
        boolean any = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            int d = digitVal(c);
            if (d >= base) {
                return false;
            }
            if (v > (Long.MAX_VALUE - d) / base) {
                return false;
            }
            v = v * base + d;
            any = true;
        }
        if (!any) {
            return false;
        }
        out[0] = v;
        return true;
    }

    private static int digitVal(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = Character.toLowerCase(c);
        if (l >= 'a' && l <= 'z') {
            return l - 'a' + 10;
        }
        return 99;
    }

    /** Go's underscoreOK: underscores only between digits or between a base prefix and a digit. */
    static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char l = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && l >= 'a' && l <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** Go's ParseFloat(s, 64) for the texts PromQL's lexer can produce. */
    static double parseFloat(String s) throws NumberError {
        String lower = s.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            // hexadecimal floats need a 'p' exponent, which PromQL's lexer never produces
            throw syntax(s);
        }
        boolean digits = false;
        boolean underscores = false;
        boolean dot = false;
        StringBuilder clean = new StringBuilder(n);
        clean.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (dot) {
                    throw syntax(s);
                }
                dot = true;
                clean.append(c);
            } else if (c >= '0' && c <= '9') {
                digits = true;
                clean.append(c);
            } else {
                break;
            }
        }
        if (!digits) {
            throw syntax(s);
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            clean.append('e');
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                clean.append(s.charAt(i));
                i++;
            }
            boolean expDigits = false;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == '_') {
                    underscores = true;
                } else if (c >= '0' && c <= '9') {
                    expDigits = true;
                    clean.append(c);
                } else {
                    break;
                }
            }
            if (!expDigits) {
                throw syntax(s);
            }
        }
        if (i != n) {
            throw syntax(s);
        }
        if (underscores && !underscoreOK(s)) {
            throw syntax(s);
        }
        double v = Double.parseDouble(clean.toString());
        if (Double.isInfinite(v)) {
            throw new NumberError("strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": value out of range");
        }
        return v;
    }

    private static NumberError syntax(String s) {
        return new NumberError("strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": invalid syntax");
    }

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_NS = {
        365L * 24 * 3600 * 1_000_000_000L, 7L * 24 * 3600 * 1_000_000_000L, 24L * 3600 * 1_000_000_000L,
        3600L * 1_000_000_000L, 60L * 1_000_000_000L, 1_000_000_000L, 1_000_000L};

    /** Prometheus' model.ParseDuration; @return milliseconds. */
    static long durationMillis(String s) throws NumberError {
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new NumberError("empty duration string");
        }
        int n = s.length();
        int i = 0;
        long totalNs = 0;
        int lastUnit = -1;
        while (i < n) {
            if (!Lexer.isDigit(s.charAt(i))) {
                throw notValid(s);
            }
            int ds = i;
            while (i < n && Lexer.isDigit(s.charAt(i))) {
                i++;
            }
            long v;
            try {
                v = Long.parseUnsignedLong(s.substring(ds, i));
            } catch (NumberFormatException e) {
                throw notValid(s);
            }
            int us = i;
            while (i < n && !Lexer.isDigit(s.charAt(i))) {
                i++;
            }
            if (us == i) {
                throw notValid(s);
            }
            String unit = s.substring(us, i);
            int u = -1;
            for (int k = 0; k < UNITS.length; k++) {
                if (UNITS[k].equals(unit)) {
                    u = k;
                    break;
                }
            }
            if (u < 0) {
                throw new NumberError("unknown unit " + GoStrings.quote(unit) + " in duration " + GoStrings.quote(s));
            }
            if (u <= lastUnit) {
                throw notValid(s);
            }
            lastUnit = u;
            // v > 1<<63 / mult (unsigned)
            if (Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, UNIT_NS[u])) > 0) {
                throw new NumberError("duration out of range");
            }
            long add = v * UNIT_NS[u];
            long sum = totalNs + add;
            if (Long.compareUnsigned(sum, totalNs) < 0 || sum < 0) {
                throw new NumberError("duration out of range");
            }
            totalNs = sum;
        }
        return totalNs / 1_000_000L;
    }

    private static NumberError notValid(String s) {
        return new NumberError("not a valid duration string: " + GoStrings.quote(s));
    }

    /** Go's {@code %f}. */
    static String formatF(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%f", v);
    }

    /** Go's math.Round: half away from zero. */
    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double r = Math.floor(Math.abs(v) + 0.5);
        return Math.copySign(r, v);
    }
}
