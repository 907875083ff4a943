package io.monitoringkit.engine.internal;

import java.math.BigDecimal;

/** Go's float formatting ({@code %g}/{@code %v} with the shortest representation), for messages and labels. */
public final class GoFormat {
    private GoFormat() {
    }

    /** @return {@code f} formatted as Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}. */
    public static String g(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();
        String sign = f < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String es = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : Integer.toString(Math.abs(exp));
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + es;
        }
        return sign + d.toPlainString();
    }

    /** @return {@code f} as Go's {@code %.2g}: two significant digits, exponent form from 100. */
    public static String g2(double f) {
        if (Double.isNaN(f) || Double.isInfinite(f) || f == 0) {
            return g(f);
        }
        BigDecimal d = new BigDecimal(Math.abs(f)).round(new java.math.MathContext(2)).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();
        String sign = f < 0 ? "-" : "";
        if (exp < -4 || exp >= 2) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String es = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : Integer.toString(Math.abs(exp));
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + es;
        }
        return sign + d.toPlainString();
    }

    /** @return {@code f} as Go's {@code %v}: same as {@code %g} with shortest precision. */
    public static String v(double f) {
        return g(f);
    }
}
