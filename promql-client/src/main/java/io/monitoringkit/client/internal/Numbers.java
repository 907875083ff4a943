package io.monitoringkit.client.internal;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Parses the numbers of the Prometheus HTTP API from character ranges without allocating: timestamps (float
 * seconds, e.g. {@code 1435781451.781}) to exact milliseconds, and sample values (strings such as {@code "1"},
 * {@code "0.25"}, {@code "NaN"}, {@code "+Inf"}, {@code "-Inf"}, {@code "1e+06"}) to doubles, correctly rounded.
 */
public final class Numbers {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;

    private Numbers() {
    }

    /**
     * @return the timestamp in {@code buf[off, off+len)} (seconds, possibly fractional or in exponent form) as
     *         milliseconds, rounded half away from zero below the millisecond
     * @throws NumberFormatException when it is not a number
     */
    public static long parseTimestampMillis(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            neg = buf[i] == '-';
            i++;
        }
        long secs = 0;
        int digits = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            secs = secs * 10 + (buf[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0 || digits > 15) {
            return slowTimestamp(buf, off, len);
        }
        long millis = 0;
        if (i < end && buf[i] == '.') {
            i++;
            int frac = 0;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                if (frac < 3) {
                    millis = millis * 10 + (buf[i] - '0');
                } else if (frac == 3 && buf[i] >= '5') {
                    millis++; // round half up on the first dropped digit
                }
                frac++;
                i++;
            }
            for (int k = Math.min(frac, 3); k < 3; k++) {
                millis *= 10;
            }
        }
        if (i != end) {
            return slowTimestamp(buf, off, len);
        }
        long v = secs * 1000 + millis;
        return neg ? -v : v;
    }

    private static long slowTimestamp(char[] buf, int off, int len) {
        double d = Double.parseDouble(new String(buf, off, len));
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException("\"" + new String(buf, off, len) + "\" is not a timestamp");
        }
        return Math.round(d * 1000);
    }

    /**
     * @return the sample value in {@code buf[off, off+len)}
     * @throws NumberFormatException when it is not a number Prometheus writes
     */
    public static double parseValue(char[] buf, int off, int len) {
        if (len == 0) {
            throw new NumberFormatException("an empty string is not a sample value");
        }
        int i = off;
        int end = off + len;
        char c = buf[i];
        boolean neg = false;
        if (c == '-' || c == '+') {
            neg = c == '-';
            i++;
        }
        long m = 0;
        int sig = 0;
        int scale = 0;
        boolean dot = false;
        boolean any = false;
        for (; i < end; i++) {
            char ch = buf[i];
            if (ch >= '0' && ch <= '9') {
                any = true;
                if (m == 0 && ch == '0') {
                    if (dot) {
                        scale++;
                    }
                    continue;
                }
                if (sig >= 18) {
                    return slowValue(buf, off, len);
                }
                m = m * 10 + (ch - '0');
                sig++;
                if (dot) {
                    scale++;
                }
            } else if (ch == '.' && !dot) {
                dot = true;
            } else {
                return slowValue(buf, off, len);
            }
        }
        if (!any) {
            return slowValue(buf, off, len);
        }
        if (m == 0) {
            return neg ? -0.0 : 0.0;
        }
        if (m <= MAX_EXACT && scale <= 22) {
            double d = scale == 0 ? (double) m : (double) m / POW10[scale];
            return neg ? -d : d;
        }
        return slowValue(buf, off, len);
    }

    private static double slowValue(char[] buf, int off, int len) {
        String s = new String(buf, off, len);
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
            case "+inf":
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                throw new NumberFormatException("\"" + s + "\" is not a sample value");
            }
        }
        return NumberInput.parseDouble(buf, off, len, true);
    }

    /** @return {@code s} as a sample value. */
    public static double parseValue(String s) {
        return parseValue(s.toCharArray(), 0, s.length());
    }
}
