package io.monitoringkit.engine.internal;

import java.util.Arrays;

/** Classic histogram bucket maths: Prometheus' {@code BucketQuantile} and {@code BucketFraction}. */
final class Buckets {
    /** Relative tolerance below which bucket count differences are treated as float noise. */
    static final double SMALL_DELTA_TOLERANCE = 1e-12;

    double[] upper = new double[16];
    double[] count = new double[16];
    int n;

    // results of the monotonicity fix of the last quantile call
    boolean forcedMonotonic;
    double minBucket;
    double maxBucket;
    double maxDiff;

    Buckets copy() {
        Buckets b = new Buckets();
        b.upper = Arrays.copyOf(upper, Math.max(n, 1));
        b.count = Arrays.copyOf(count, Math.max(n, 1));
        b.n = n;
        return b;
    }

    void add(double ub, double c) {
        if (n == upper.length) {
            upper = Arrays.copyOf(upper, n * 2);
            count = Arrays.copyOf(count, n * 2);
        }
        upper[n] = ub;
        count[n] = c;
        n++;
    }

    private void sortAndCoalesce() {
        // stable insertion sort by upper bound (few buckets)
        for (int i = 1; i < n; i++) {
            double u = upper[i];
            double c = count[i];
            int j = i - 1;
            while (j >= 0 && upper[j] > u) {
                upper[j + 1] = upper[j];
                count[j + 1] = count[j];
                j--;
            }
            upper[j + 1] = u;
            count[j + 1] = c;
        }
    }

    private void coalesce() {
        int i = 0;
        double lu = upper[0];
        double lc = count[0];
        for (int k = 1; k < n; k++) {
            if (upper[k] == lu) {
                lc += count[k];
            } else {
                upper[i] = lu;
                count[i] = lc;
                lu = upper[k];
                lc = count[k];
                i++;
            }
        }
        upper[i] = lu;
        count[i] = lc;
        n = i + 1;
    }

    private void ensureMonotonic() {
        forcedMonotonic = false;
        minBucket = Double.POSITIVE_INFINITY;
        maxBucket = Double.NEGATIVE_INFINITY;
        maxDiff = 0;
        double prev = count[0];
        for (int i = 1; i < n; i++) {
            double curr = count[i];
            if (curr == prev) {
                continue;
            }
            if (Numeric.almostEqual(prev, curr, SMALL_DELTA_TOLERANCE)) {
                count[i] = prev;
                continue;
            }
            if (curr < prev) {
                count[i] = prev;
                forcedMonotonic = true;
                minBucket = Math.min(minBucket, upper[i]);
                maxBucket = Math.max(maxBucket, upper[i]);
                maxDiff = Math.max(maxDiff, prev - curr);
                continue;
            }
            prev = curr;
        }
    }

    double quantile(double q) {
        forcedMonotonic = false;
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        sortAndCoalesce();
        if (upper[n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        coalesce();
        ensureMonotonic();
        if (n < 2) {
            return Double.NaN;
        }
        double observations = count[n - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        int hi = n - 1;
        while (b < hi) { // sort.Search over [0, n-1)
            int mid = (b + hi) >>> 1;
            if (count[mid] >= rank) {
                hi = mid;
            } else {
                b = mid + 1;
            }
        }
        if (b == n - 1) {
            return upper[n - 2];
        }
        if (b == 0 && upper[0] <= 0) {
            return upper[0];
        }
        double bucketStart = 0;
        double bucketEnd = upper[b];
        double c = count[b];
        if (b > 0) {
            bucketStart = upper[b - 1];
            c -= count[b - 1];
            rank -= count[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / c);
    }

    double fraction(double lower, double upperLimit) {
        sortAndCoalesce();
        if (upper[n - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        coalesce();
        double total = count[n - 1];
        if (total == 0 || Double.isNaN(lower) || Double.isNaN(upperLimit)) {
            return Double.NaN;
        }
        if (lower >= upperLimit) {
            return 0;
        }
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        double lowerBound = upper[0] <= 0 ? Double.NEGATIVE_INFINITY : 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                lowerBound = upper[i - 1];
            }
            double ub = upper[i];
            double bc = count[i];
            if (!lowerSet && lowerBound >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && lowerBound >= upperLimit) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            if (!lowerSet && lowerBound < lower && ub > lower) {
                lowerRank = lowerBound == Double.NEGATIVE_INFINITY ? bc
                        : rank + (bc - rank) * (lower - lowerBound) / (ub - lowerBound);
                lowerSet = true;
            }
            if (!upperSet && lowerBound < upperLimit && ub > upperLimit) {
                upperRank = lowerBound == Double.NEGATIVE_INFINITY ? bc
                        : rank + (bc - rank) * (upperLimit - lowerBound) / (ub - lowerBound);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank = bc;
        }
        if (!lowerSet || lowerRank > total) {
            lowerRank = total;
        }
        if (!upperSet || upperRank > total) {
            upperRank = total;
        }
        return (upperRank - lowerRank) / total;
    }
}
