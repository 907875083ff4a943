package io.monitoringkit.query;

import java.util.List;
import java.util.Objects;

/**
 * One native-histogram sample as the Prometheus HTTP API reports it: the observation count, their sum, and the
 * populated buckets, each with its boundaries, the rule saying which boundaries are inclusive, and its count.
 *
 * <pre>{@code
 * NativeHistogram h = new NativeHistogram(10, 32.5, List.of(
 *         new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.OPEN_LEFT, 2, 4, 7),
 *         new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.OPEN_LEFT, 4, 8, 3)));
 * h.buckets().get(0).contains(4.0);   // true: (2,4]
 * }</pre>
 *
 * @param count the number of observations
 * @param sum the sum of the observations
 * @param buckets the populated buckets in ascending order
 */
public record NativeHistogram(double count, double sum, List<Bucket> buckets) {

    /** Copies the bucket list. */
    public NativeHistogram {
        buckets = List.copyOf(Objects.requireNonNull(buckets, "buckets"));
    }

    /**
     * Which boundaries of a bucket are inclusive, numbered as on the wire ({@code 0..3}).
     *
     * <pre>{@code
     * NativeHistogram.BoundaryRule.fromCode(0);   // OPEN_LEFT, i.e. (lower, upper]
     * }</pre>
     */
    public enum BoundaryRule {
        /** {@code (lower, upper]}: code 0, the usual rule for positive buckets. */
        OPEN_LEFT,
        /** {@code [lower, upper)}: code 1, the usual rule for negative buckets. */
        OPEN_RIGHT,
        /** {@code (lower, upper)}: code 2. */
        OPEN_BOTH,
        /** {@code [lower, upper]}: code 3, the zero bucket. */
        CLOSED_BOTH;

        /** @return the wire code, 0 to 3. */
        public int code() {
            return ordinal();
        }

        /**
         * @return the rule with wire code {@code code}
         * @throws IllegalArgumentException when {@code code} is not 0..3
         */
        public static BoundaryRule fromCode(int code) {
            if (code < 0 || code > 3) {
                throw new IllegalArgumentException(code + " is not a bucket boundary rule; expected 0, 1, 2 or 3");
            }
            return values()[code];
        }
    }

    /**
     * One bucket.
     *
     * <pre>{@code
     * new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.OPEN_LEFT, 1, 2, 5).contains(1.0);   // false
     * }</pre>
     *
     * @param boundaryRule which boundaries are inclusive
     * @param lower the lower boundary
     * @param upper the upper boundary
     * @param count the (possibly fractional, after rate()) count in the bucket
     */
    public record Bucket(BoundaryRule boundaryRule, double lower, double upper, double count) {
        /** Rejects a null rule. */
        public Bucket {
            Objects.requireNonNull(boundaryRule, "boundaryRule");
        }

        /** @return whether {@code x} falls into this bucket under its boundary rule. */
        public boolean contains(double x) {
            boolean lowerOk = boundaryRule == BoundaryRule.OPEN_RIGHT || boundaryRule == BoundaryRule.CLOSED_BOTH
                    ? x >= lower : x > lower;
            boolean upperOk = boundaryRule == BoundaryRule.OPEN_LEFT || boundaryRule == BoundaryRule.CLOSED_BOTH
                    ? x <= upper : x < upper;
            return lowerOk && upperOk;
        }
    }
}
