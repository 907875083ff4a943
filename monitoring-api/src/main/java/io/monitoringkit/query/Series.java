package io.monitoringkit.query;

import io.monitoringkit.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One series of a range-query result: its labels, its float samples in two primitive arrays (timestamps in
 * milliseconds since the epoch, values with {@code NaN} and infinities kept), and its native-histogram samples, if
 * any. Immutable: the arrays are never handed out, only copies.
 *
 * <pre>{@code
 * Series s = Series.of(Labels.of("job", "api"), new long[] {1000, 2000}, new double[] {1, Double.NaN});
 * s.size();            // 2
 * s.value(1);          // NaN
 * s.lastValue();       // OptionalDouble[NaN]
 * }</pre>
 */
public final class Series {

    private static final long[] NO_TIMESTAMPS = new long[0];
    private static final double[] NO_VALUES = new double[0];
    private static final NativeHistogram[] NO_HISTOGRAMS = new NativeHistogram[0];

    private final Labels labels;
    private final long[] timestamps;
    private final double[] values;
    private final long[] histogramTimestamps;
    private final NativeHistogram[] histograms;

    private Series(Labels labels, long[] timestamps, double[] values, long[] histogramTimestamps,
            NativeHistogram[] histograms) {
        this.labels = labels;
        this.timestamps = timestamps;
        this.values = values;
        this.histogramTimestamps = histogramTimestamps;
        this.histograms = histograms;
    }

    /**
     * @return a series of float samples; the arrays are copied
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Series of(Labels labels, long[] timestamps, double[] values) {
        Objects.requireNonNull(labels, "labels");
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length: " + timestamps.length
                    + " != " + values.length);
        }
        return new Series(labels, timestamps.clone(), values.clone(), NO_TIMESTAMPS, NO_HISTOGRAMS);
    }

    /** @return a new builder, reusable: {@link Builder#build()} resets it. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the series' labels. */
    public Labels labels() {
        return labels;
    }

    /** @return the number of float samples. */
    public int size() {
        return timestamps.length;
    }

    /** @return whether the series has neither float nor histogram samples. */
    public boolean isEmpty() {
        return timestamps.length == 0 && histograms.length == 0;
    }

    /** @return the timestamp of float sample {@code i}, in milliseconds since the epoch. */
    public long timestamp(int i) {
        return timestamps[i];
    }

    /** @return the value of float sample {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** @return a copy of the float samples' timestamps. */
    public long[] timestamps() {
        return timestamps.clone();
    }

    /** @return a copy of the float samples' values. */
    public double[] values() {
        return values.clone();
    }

    /** @return the last float value, empty when there are no float samples. */
    public OptionalDouble lastValue() {
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[values.length - 1]);
    }

    /** Calls {@code action} with each float sample in time order. */
    public void forEach(SampleConsumer action) {
        for (int i = 0; i < timestamps.length; i++) {
            action.accept(timestamps[i], values[i]);
        }
    }

    /** @return the number of native-histogram samples. */
    public int histogramCount() {
        return histograms.length;
    }

    /** @return the timestamp of histogram sample {@code i}. */
    public long histogramTimestamp(int i) {
        return histogramTimestamps[i];
    }

    /** @return histogram sample {@code i}. */
    public NativeHistogram histogram(int i) {
        return histograms[i];
    }

    /** @return the histogram samples, unmodifiable. */
    public List<NativeHistogram> histograms() {
        return Collections.unmodifiableList(Arrays.asList(histograms));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && labels.equals(s.labels) && Arrays.equals(timestamps, s.timestamps)
                && Arrays.equals(values, s.values) && Arrays.equals(histogramTimestamps, s.histogramTimestamps)
                && Arrays.equals(histograms, s.histograms);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * labels.hashCode() + Arrays.hashCode(timestamps)) + Arrays.hashCode(values);
    }

    /** @return the labels and up to five samples, e.g. {@code {job="api"} [1000: 1.0, 2000: NaN]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(labels.toString()).append(" [");
        int shown = Math.min(5, timestamps.length);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(timestamps[i]).append(": ").append(values[i]);
        }
        if (shown < timestamps.length) {
            sb.append(", ... ").append(timestamps.length - shown).append(" more");
        }
        sb.append(']');
        if (histograms.length > 0) {
            sb.append(" + ").append(histograms.length).append(" histogram samples");
        }
        return sb.toString();
    }

    /**
     * Receives one float sample; lets callers walk a series without boxing.
     *
     * <pre>{@code
     * series.forEach((ts, v) -> System.out.println(ts + " " + v));
     * }</pre>
     */
    @FunctionalInterface
    public interface SampleConsumer {
        /** @param timestamp milliseconds since the epoch @param value the value */
        void accept(long timestamp, double value);
    }

    /**
     * Collects samples into growing primitive buffers and builds a series holding exactly-sized copies. Reusable:
     * {@link #build()} resets it, so a decoder keeps one builder and its buffers for all series of a response.
     *
     * <pre>{@code
     * Series.Builder b = Series.builder();
     * Series s = b.labels(Labels.of("job", "api")).add(1000, 1.0).add(2000, 2.0).build();
     * }</pre>
     */
    public static final class Builder {
        private Labels labels = Labels.empty();
        private long[] ts = new long[16];
        private double[] vs = new double[16];
        private int n;
        private List<Long> hts;
        private List<NativeHistogram> hs;

        private Builder() {
        }

        /** Sets the labels. @return this */
        public Builder labels(Labels labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
            return this;
        }

        /** Appends a float sample. @return this */
        public Builder add(long timestamp, double value) {
            if (n == ts.length) {
                int cap = n * 2;
                ts = Arrays.copyOf(ts, cap);
                vs = Arrays.copyOf(vs, cap);
            }
            ts[n] = timestamp;
            vs[n] = value;
            n++;
            return this;
        }

        /** Appends a native-histogram sample. @return this */
        public Builder addHistogram(long timestamp, NativeHistogram histogram) {
            if (hts == null) {
                hts = new ArrayList<>();
                hs = new ArrayList<>();
            }
            hts.add(timestamp);
            hs.add(Objects.requireNonNull(histogram, "histogram"));
            return this;
        }

        /** @return the series built so far; the builder is reset for the next one. */
        public Series build() {
            long[] t = n == 0 ? NO_TIMESTAMPS : Arrays.copyOf(ts, n);
            double[] v = n == 0 ? NO_VALUES : Arrays.copyOf(vs, n);
            long[] ht = NO_TIMESTAMPS;
            NativeHistogram[] h = NO_HISTOGRAMS;
            if (hts != null) {
                ht = hts.stream().mapToLong(Long::longValue).toArray();
                h = hs.toArray(NO_HISTOGRAMS);
            }
            Series s = new Series(labels, t, v, ht, h);
            labels = Labels.empty();
            n = 0;
            hts = null;
            hs = null;
            return s;
        }
    }
}
