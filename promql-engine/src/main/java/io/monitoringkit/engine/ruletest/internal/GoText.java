package io.monitoringkit.engine.ruletest.internal;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** The Go renderings promtool's messages use: float {@code %E} shortest, {@code time.Duration}, label sets. */
public final class GoText {

    private GoText() {
    }

    /** @return Go's {@code strconv.FormatFloat(v, 'E', -1, 64)}: {@code 1E+00}, {@code 2.5E-01}, {@code NaN}, {@code +Inf}. */
    public static String floatE(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        String sign = (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : "";
        if (v == 0) {
            return sign + "0E+00";
        }
        BigDecimal exact = new BigDecimal(Math.abs(v));
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == Math.abs(v)) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exp = digits.length() - 1 - shortest.scale();
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('E').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            sb.append('0');
        }
        return sb.append(a).toString();
    }

    /** @return Go's {@code time.Duration.String()} of {@code millis}: {@code 0s}, {@code 1m0s}, {@code 1h0m0s}, {@code 1.5s}, {@code 500ms}. */
    public static String goDuration(long millis) {
        if (millis == 0) {
            return "0s";
        }
        String sign = millis < 0 ? "-" : "";
        long ms = Math.abs(millis);
        if (ms < 1000) {
            return sign + ms + "ms";
        }
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        long s = ms / 1000 % 60;
        long frac = ms % 1000;
        StringBuilder sb = new StringBuilder(sign);
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            sb.append(m).append('m');
        }
        sb.append(s);
        if (frac > 0) {
            String f = String.format("%03d", frac).replaceAll("0+$", "");
            sb.append('.').append(f);
        }
        return sb.append('s').toString();
    }

    /** @return Prometheus' {@code labels.Labels.String()} of name/value pairs (3.x: non-legacy names quoted). */
    public static String labels(List<Labels.Label> pairs) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String name = pairs.get(i).name();
            if (Names.isLegacyLabelName(name)) {
                sb.append(name);
            } else {
                GoStrings.quoteTo(sb, name);
            }
            sb.append('=');
            GoStrings.quoteTo(sb, pairs.get(i).value());
        }
        return sb.append('}').toString();
    }

    /** Prometheus' {@code labels.Compare}: pairwise by name, then value (byte order), then the shorter first. */
    public static int compare(List<Labels.Label> a, List<Labels.Label> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = GoStrings.compare(a.get(i).name(), b.get(i).name());
            if (c != 0) {
                return c;
            }
            c = GoStrings.compare(a.get(i).value(), b.get(i).value());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }


    /** Prefixes every line but the first with {@code indent} (promtool's {@code indentLines}). */
    public static String indentLines(String lines, String indent) {
        return lines.replace("\n", "\n" + indent);
    }
}
