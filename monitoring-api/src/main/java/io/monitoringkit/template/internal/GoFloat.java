package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} number conversions: {@code FormatFloat} for the 'e', 'E', 'f', 'g' and 'G' formats (shortest
 * or with a precision, rounding the exact binary value half-to-even as Go does), {@code ParseFloat} with Go's
 * syntax and errors, and {@code ParseInt}/{@code ParseUint} with base 0 as the template parser uses them.
 */
public final class GoFloat {

    private GoFloat() {
    }

    /** Decimal digits without leading or trailing zeros; the value is 0.digits × 10^dp. Zero has no digits. */
    record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }
    }

    /** strconv.FormatFloat(v, fmt, prec, 64). */
    public static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = (Double.doubleToRawLongBits(v) < 0);
        double a = Math.abs(v);
        boolean shortest = prec < 0;
        Digits digs;
        char lower = Character.toLowerCase(fmt);
        if (shortest) {
            digs = shortestDigits(a);
            switch (lower) {
                case 'e' -> prec = Math.max(digs.nd() - 1, 0);
                case 'f' -> prec = Math.max(digs.nd() - digs.dp(), 0);
                default -> prec = digs.nd();
            }
        } else {
            switch (lower) {
                case 'e' -> digs = roundSignificant(a, prec + 1);
                case 'f' -> digs = roundFixed(a, prec);
                default -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    digs = roundSignificant(a, prec);
                }
            }
        }
        return formatDigits(neg, digs, shortest, prec, fmt);
    }

    private static String formatDigits(boolean neg, Digits digs, boolean shortest, int prec, char fmt) {
        switch (fmt) {
            case 'e', 'E':
                return fmtE(neg, digs, prec, fmt);
            case 'f':
                return fmtF(neg, digs, prec);
            case 'g', 'G': {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > digs.nd()) {
                        prec = digs.nd();
                    }
                    return fmtE(neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
                }
                if (prec > digs.dp()) {
                    prec = digs.nd();
                }
                return fmtF(neg, digs, Math.max(prec - digs.dp(), 0));
            }
            default:
                return "%" + fmt;
        }
    }

    private static String fmtE(boolean neg, Digits d, int prec, char fmt) {
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append(d.nd() == 0 ? '0' : d.d().charAt(0));
        if (prec > 0) {
            sb.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                sb.append(d.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(fmt);
        int exp = d.dp() - 1;
        if (d.nd() == 0) {
            exp = 0;
        }
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0').append(exp);
        } else {
            sb.append(exp);
        }
        return sb.toString();
    }

    private static String fmtF(boolean neg, Digits d, int prec) {
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            sb.append(d.d(), 0, m);
            for (; m < d.dp(); m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp() + i - 1;
                sb.append(j >= 0 && j < d.nd() ? d.d().charAt(j) : '0');
            }
        }
        return sb.toString();
    }

    private static Digits toDigits(BigDecimal r) {
        if (r.signum() == 0) {
            return new Digits("", 0);
        }
        String s = r.unscaledValue().toString();
        int dp = s.length() - r.scale();
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(s.substring(0, end), dp);
    }

    static Digits shortestDigits(double a) {
        if (a == 0) {
            return new Digits("", 0);
        }
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == a) {
                return toDigits(r);
            }
        }
        return toDigits(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    static Digits roundSignificant(double a, int n) {
        if (a == 0) {
            return new Digits("", 0);
        }
        return toDigits(new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN)));
    }

    static Digits roundFixed(double a, int prec) {
        if (a == 0) {
            return new Digits("", 0);
        }
        return toDigits(new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN));
    }

    /** fmt's %v of a float64: strconv 'g' with the shortest representation. */
    public static String formatV(double v) {
        return format(v, 'g', -1);
    }

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX =
            Pattern.compile("[+-]?0[xX](_?[0-9a-fA-F])*\\.?(_?[0-9a-fA-F])*[pP][+-]?\\d(_?\\d)*");

    /** Thrown by the parse methods with Go's error text. */
    public static final class NumError extends Exception {
        private static final long serialVersionUID = 1L;

        NumError(String fn, String input, String what) {
            super("strconv." + fn + ": parsing " + GoStrings.quote(input) + ": " + what, null, false, false);
        }
    }

    /** strconv.ParseFloat(s, 64). */
    public static double parseFloat(String s) throws NumError {
        String special = s.toLowerCase(java.util.Locale.ROOT);
        switch (special) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        double d;
        if (DECIMAL.matcher(s).matches()) {
            d = Double.parseDouble(s);
        } else if (HEX.matcher(s).matches() && hasHexDigit(s)) {
            d = Double.parseDouble(s.replace("_", ""));
        } else {
            throw new NumError("ParseFloat", s, "invalid syntax");
        }
        if (Double.isInfinite(d)) {
            throw new NumError("ParseFloat", s, "value out of range");
        }
        return d;
    }

    private static boolean hasHexDigit(String s) {
        int p = s.toLowerCase(java.util.Locale.ROOT).indexOf('p');
        int x = s.toLowerCase(java.util.Locale.ROOT).indexOf('x');
        for (int i = x + 1; i < p; i++) {
            if (Character.digit(s.charAt(i), 16) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * strconv.ParseInt/ParseUint with base 0: optional sign (signed only), prefixes 0x, 0o, 0b or a leading 0 for
     * octal, underscores between digits.
     *
     * @return the value, or null when the syntax is invalid or the value does not fit
     */
    public static BigInteger parseIntBase0(String s, boolean signed) {
        String t = s;
        boolean neg = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            if (!signed) {
                return null;
            }
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        int base = 10;
        boolean prefixed = false;
        if (t.charAt(0) == '0' && t.length() > 1) {
            char c = Character.toLowerCase(t.charAt(1));
            if (c == 'x') {
                base = 16;
                t = t.substring(2);
                prefixed = true;
            } else if (c == 'o') {
                base = 8;
                t = t.substring(2);
                prefixed = true;
            } else if (c == 'b') {
                base = 2;
                t = t.substring(2);
                prefixed = true;
            } else {
                base = 8;
                t = t.substring(1);
                prefixed = true;
            }
        }
        if (!underscoreOk(t, prefixed)) {
            return null;
        }
        t = t.replace("_", "");
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), base) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(t, base);
        if (neg) {
            v = v.negate();
        }
        if (signed) {
            if (v.bitLength() > 63) {
                return null;
            }
        } else if (v.signum() < 0 || v.bitLength() > 64) {
            return null;
        }
        return v;
    }

    private static boolean underscoreOk(String t, boolean prefixed) {
        if (t.indexOf('_') < 0) {
            return true;
        }
        // Underscores must separate digits (a base prefix counts as a digit); never doubled or trailing.
        char prev = prefixed ? '0' : '^';
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_') {
                if (prev == '_' || prev == '^') {
                    return false;
                }
            }
            prev = c;
        }
        return prev != '_';
    }
}
