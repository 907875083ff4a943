package io.monitoringkit.engine.internal;

import java.util.Arrays;

/** Numeric building blocks with Prometheus' (Go's) exact behaviour. */
final class Numeric {
    private Numeric() {
    }

    /** Go's {@code math.Pow}, which differs from {@link Math#pow} for a base of 1 or -1 with NaN/infinite exponents. */
    static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (x == -1 && Double.isInfinite(y)) {
            return 1;
        }
        return Math.pow(x, y);
    }

    /** Kahan-Neumaier increment: returns {sum, c} in {@code out}. */
    static void kahanInc(double inc, double sum, double c, double[] out) {
        double t = sum + inc;
        if (Double.isInfinite(t)) {
            c = 0;
        } else if (Math.abs(sum) >= Math.abs(inc)) {
            c += (sum - t) + inc;
        } else {
            c += (inc - t) + sum;
        }
        out[0] = t;
        out[1] = c;
    }

    /** Go's ordering for sorting by value: NaN sorts first (as in Prometheus' vectorByValueHeap). */
    static boolean lessNaNFirst(double a, double b) {
        if (Double.isNaN(a)) {
            return true;
        }
        return a < b;
    }

    /** Prometheus' {@code quantile(q, values)}; sorts {@code values} in place (first {@code n}). */
    static double quantile(double q, double[] values, int n) {
        if (n == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        sortNaNFirst(values, n);
        double rank = q * (n - 1);
        double lower = Math.max(0, Math.floor(rank));
        double upper = Math.min(n - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return values[(int) lower] * (1 - weight) + values[(int) upper] * weight;
    }

    /** Sorts with NaNs first, then ascending (Go's sort with the Less above puts NaN first). */
    static void sortNaNFirst(double[] values, int n) {
        Arrays.sort(values, 0, n);
        // Arrays.sort puts NaN last; rotate them to the front
        int nans = 0;
        for (int i = n - 1; i >= 0 && Double.isNaN(values[i]); i--) {
            nans++;
        }
        if (nans > 0 && nans < n) {
            double[] tmp = Arrays.copyOf(values, n - nans);
            for (int i = 0; i < nans; i++) {
                values[i] = Double.NaN;
            }
            System.arraycopy(tmp, 0, values, nans, n - nans);
        }
    }

    /** Prometheus' {@code almost.Equal}. */
    static boolean almostEqual(double a, double b, double epsilon) {
        boolean sa = Staleness.isStale(a);
        boolean sb = Staleness.isStale(b);
        if (sa || sb) {
            return sa && sb;
        }
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double minNormal = Double.MIN_NORMAL;
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < minNormal) {
            return diff < epsilon * minNormal;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
    }

    /** Formats like Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}. */
    static String formatFloatF(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        return new java.math.BigDecimal(Double.toString(f)).stripTrailingZeros().toPlainString();
    }
}
