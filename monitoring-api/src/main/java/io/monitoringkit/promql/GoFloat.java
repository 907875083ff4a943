package io.monitoringkit.promql;

import java.math.BigDecimal;

/**
 * Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}: the shortest decimal that reads back to the same double,
 * in exponent form when the exponent is below -4 or at least the number of significant digits (minimum 21 for
 * the shortest form is NOT applied: this is {@code %g}, as {@code fmt.Sprint} of a float64 prints it).
 */
final class GoFloat {

    private GoFloat() {
    }

    static String formatShortestG(double v) {
        if (v == 0) {
            return (Double.doubleToRawLongBits(v) != 0) ? "-0" : "0";
        }
        // Java's Double.toString gives the shortest repr digits (JDK 19+ exactly; on 17 close to it) — derive
        // the digit string and decimal exponent via BigDecimal of that repr.
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        int eprec = digits.length();
        if (eprec < 6 && exp >= eprec && exp < 21) {
            eprec = 21;
        }
        StringBuilder sb = new StringBuilder();
        if (v < 0) {
            sb.append('-');
        }
        if (exp < -4 || exp >= Math.max(eprec, 21)) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (exp >= digits.length() - 1) {
            sb.append(digits);
            for (int i = digits.length() - 1; i < exp; i++) {
                sb.append('0');
            }
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }
}
