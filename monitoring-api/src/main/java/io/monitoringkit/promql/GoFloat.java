package io.monitoringkit.promql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting as Prometheus uses it to print number literals, independent of the JDK's
 * {@link Double#toString(double)} (which on Java 17 does not always give the shortest digits).
 *
 * <ul>
 *   <li>{@link #formatF(double)}: {@code strconv.FormatFloat(v, 'f', -1, 64)}, what Prometheus 3.3+ prints:
 *   the shortest digits that read back to the same double, never with an exponent ({@code 100000000},
 *   {@code 0.00001}).</li>
 *   <li>{@link #formatG(double)}: {@code strconv.FormatFloat(v, 'g', -1, 64)}, which is {@code fmt.Sprint(v)} and
 *   what Prometheus 2.x (and 3.0 to 3.2) print: an exponent when it is below -4 or at least 6
 *   ({@code 1e+08}, {@code 1e-05}, {@code 1.234567e+06}).</li>
 * </ul>
 * Both print {@code +Inf}, {@code -Inf}, {@code NaN} and {@code -0} as Go does.
 */
final class GoFloat {

    private GoFloat() {
    }

    /** The shortest decimal of a finite, non-zero magnitude: digits without trailing zeros, point position. */
    private record Shortest(String digits, int point) {
    }

    /** @return {@code strconv.FormatFloat(v, 'f', -1, 64)}. */
    static String formatF(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        Shortest s = shortest(Math.abs(v));
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        appendFixed(sb, s);
        return sb.toString();
    }

    /** @return {@code strconv.FormatFloat(v, 'g', -1, 64)}, the same as Go's {@code fmt.Sprint(v)}. */
    static String formatG(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        Shortest s = shortest(Math.abs(v));
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        int exp = s.point() - 1;
        // Go: with the shortest precision, %e is used when the exponent is < -4 or >= 6.
        if (exp < -4 || exp >= 6) {
            sb.append(s.digits().charAt(0));
            if (s.digits().length() > 1) {
                sb.append('.').append(s.digits(), 1, s.digits().length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else {
            appendFixed(sb, s);
        }
        return sb.toString();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
        }
        return null;
    }

    private static void appendFixed(StringBuilder sb, Shortest s) {
        String d = s.digits();
        int point = s.point();
        if (point <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-point));
            sb.append(d);
        } else if (point >= d.length()) {
            sb.append(d);
            sb.append("0".repeat(point - d.length()));
        } else {
            sb.append(d, 0, point).append('.').append(d, point, d.length());
        }
    }

    /**
     * The shortest decimal that parses back to {@code a} (finite, positive); among equally short ones the one
     * closest to the exact binary value, as Go's (Ryu) shortest formatting chooses.
     */
    private static Shortest shortest(double a) {
        if (a < 0x1p53 && a == Math.rint(a)) {
            String all = Long.toString((long) a);
            int end = all.length();
            while (all.charAt(end - 1) == '0') {
                end--;
            }
            return new Shortest(all.substring(0, end), all.length());
        }
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = Double.parseDouble(down.toString()) == a;
            boolean upOk = Double.parseDouble(up.toString()) == a;
            BigDecimal pick;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                pick = cmp < 0 ? down : cmp > 0 ? up : exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            } else if (downOk) {
                pick = down;
            } else if (upOk) {
                pick = up;
            } else {
                continue;
            }
            return of(pick);
        }
        return of(exact.round(MathContext.DECIMAL64)); // unreachable: 17 digits always round-trip
    }

    private static Shortest of(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Shortest(digits, digits.length() - stripped.scale());
    }
}
