package io.monitoringkit.query;

import io.monitoringkit.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The result of a PromQL query: an instant {@link Vector}, a range {@link Matrix}, a {@link Scalar} or a
 * {@link StringValue}, each with the warnings and infos the server attached and, when asked for, the execution
 * statistics. Samples are held in primitive arrays; nothing is boxed until a convenience view asks for it.
 *
 * <pre>{@code
 * QueryResult r = api.query("sum by (job) (up)");
 * if (r instanceof QueryResult.Vector v) {
 *     v.valueOf(Labels.of("job", "api"));   // OptionalDouble[1.0]
 * }
 * r.warnings();                             // [] unless the server warned
 * }</pre>
 */
public sealed interface QueryResult permits QueryResult.Vector, QueryResult.Matrix, QueryResult.Scalar,
        QueryResult.StringValue {

    /** @return {@code vector}, {@code matrix}, {@code scalar} or {@code string}, as on the wire. */
    String resultType();

    /** @return the warnings, infos and statistics that came with the result. */
    Notes notes();

    /** @return the warnings of the response, in order; empty when there were none. */
    default List<String> warnings() {
        return notes().warnings();
    }

    /** @return the infos of the response (Prometheus 3.x), in order; empty when there were none. */
    default List<String> infos() {
        return notes().infos();
    }

    /** @return the execution statistics, present when they were requested and returned. */
    default Optional<QueryStats> stats() {
        return notes().stats();
    }

    /** @return this result as a vector; @throws IllegalStateException naming the actual type otherwise */
    default Vector asVector() {
        if (this instanceof Vector v) {
            return v;
        }
        throw new IllegalStateException("expected a vector result but the query returned a " + resultType());
    }

    /** @return this result as a matrix; @throws IllegalStateException naming the actual type otherwise */
    default Matrix asMatrix() {
        if (this instanceof Matrix m) {
            return m;
        }
        throw new IllegalStateException("expected a matrix result but the query returned a " + resultType());
    }

    /** @return this result as a scalar; @throws IllegalStateException naming the actual type otherwise */
    default Scalar asScalar() {
        if (this instanceof Scalar s) {
            return s;
        }
        throw new IllegalStateException("expected a scalar result but the query returned a " + resultType());
    }

    /**
     * Warnings, infos and statistics shared by every result type.
     *
     * <pre>{@code
     * QueryResult.Notes notes = new QueryResult.Notes(List.of("results truncated"), List.of(), Optional.empty());
     * }</pre>
     *
     * @param warnings the response's warnings
     * @param infos the response's infos
     * @param stats the execution statistics, if any
     */
    record Notes(List<String> warnings, List<String> infos, Optional<QueryStats> stats) {
        /** No warnings, infos or statistics. */
        public static final Notes NONE = new Notes(List.of(), List.of(), Optional.empty());

        /** Copies the lists. */
        public Notes {
            warnings = List.copyOf(warnings);
            infos = List.copyOf(infos);
            Objects.requireNonNull(stats, "stats");
        }
    }

    /**
     * An instant vector: one sample per series, in the order the server returned them. Float and
     * native-histogram samples are kept apart; both keep their labels.
     *
     * <pre>{@code
     * QueryResult.Vector v = QueryResult.Vector.builder()
     *         .add(Labels.of("job", "api"), 1700000000000L, 3)
     *         .build();
     * v.single().value();                       // 3.0
     * v.asMap();                                // {{job="api"}=3.0}
     * }</pre>
     */
    final class Vector implements QueryResult {
        private final Labels[] labels;
        private final long[] timestamps;
        private final double[] values;
        private final List<HistogramSample> histogramSamples;
        private final Notes notes;

        private Vector(Labels[] labels, long[] timestamps, double[] values, List<HistogramSample> histograms,
                Notes notes) {
            this.labels = labels;
            this.timestamps = timestamps;
            this.values = values;
            this.histogramSamples = histograms;
            this.notes = notes;
        }

        /** @return a new, empty builder. */
        public static Builder builder() {
            return new Builder();
        }

        @Override
        public String resultType() {
            return "vector";
        }

        /** @return the number of float samples. */
        public int size() {
            return labels.length;
        }

        /** @return whether there is neither a float nor a histogram sample. */
        public boolean isEmpty() {
            return labels.length == 0 && histogramSamples.isEmpty();
        }

        /** @return the labels of float sample {@code i}. */
        public Labels labels(int i) {
            return labels[i];
        }

        /** @return the timestamp of float sample {@code i}. */
        public long timestamp(int i) {
            return timestamps[i];
        }

        /** @return the value of float sample {@code i}. */
        public double value(int i) {
            return values[i];
        }

        /** @return the float samples, in server order. */
        public List<Sample> samples() {
            List<Sample> list = new ArrayList<>(labels.length);
            for (int i = 0; i < labels.length; i++) {
                list.add(new Sample(labels[i], timestamps[i], values[i]));
            }
            return Collections.unmodifiableList(list);
        }

        /** @return the native-histogram samples, in server order. */
        public List<HistogramSample> histogramSamples() {
            return histogramSamples;
        }

        /** @return the float values by labels, in server order. */
        public Map<Labels, Double> asMap() {
            Map<Labels, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i++) {
                m.put(labels[i], values[i]);
            }
            return Collections.unmodifiableMap(m);
        }

        /** @return the value of the float sample with exactly these labels, if there is one. */
        public OptionalDouble valueOf(Labels labels) {
            for (int i = 0; i < this.labels.length; i++) {
                if (this.labels[i].equals(labels)) {
                    return OptionalDouble.of(values[i]);
                }
            }
            return OptionalDouble.empty();
        }

        /**
         * @return the only sample
         * @throws IllegalStateException when the vector does not hold exactly one float sample, listing what it holds
         */
        public Sample single() {
            if (labels.length != 1 || !histogramSamples.isEmpty()) {
                throw new IllegalStateException("expected exactly one float sample but the vector has "
                        + labels.length + " float and " + histogramSamples.size() + " histogram samples"
                        + describe(Arrays.asList(labels)));
            }
            return new Sample(labels[0], timestamps[0], values[0]);
        }

        @Override
        public Notes notes() {
            return notes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Vector v && Arrays.equals(labels, v.labels) && Arrays.equals(timestamps, v.timestamps)
                    && Arrays.equals(values, v.values) && histogramSamples.equals(v.histogramSamples)
                    && notes.equals(v.notes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(labels) * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "vector" + samples() + (histogramSamples.isEmpty() ? "" : " " + histogramSamples);
        }

        /**
         * Builds a {@link Vector}.
         *
         * <pre>{@code
         * QueryResult.Vector.builder().add(Labels.empty(), 0, 1).warnings(List.of("w")).build();
         * }</pre>
         */
        public static final class Builder {
            private final List<Labels> labels = new ArrayList<>();
            private long[] ts = new long[8];
            private double[] vs = new double[8];
            private final List<HistogramSample> histograms = new ArrayList<>();
            private Notes notes = Notes.NONE;

            private Builder() {
            }

            /** Appends a float sample. @return this */
            public Builder add(Labels labels, long timestamp, double value) {
                int n = this.labels.size();
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    vs = Arrays.copyOf(vs, n * 2);
                }
                this.labels.add(Objects.requireNonNull(labels, "labels"));
                ts[n] = timestamp;
                vs[n] = value;
                return this;
            }

            /** Appends a native-histogram sample. @return this */
            public Builder addHistogram(Labels labels, long timestamp, NativeHistogram histogram) {
                histograms.add(new HistogramSample(labels, timestamp, histogram));
                return this;
            }

            /** Sets the warnings. @return this */
            public Builder warnings(List<String> warnings) {
                notes = new Notes(warnings, notes.infos(), notes.stats());
                return this;
            }

            /** Sets warnings, infos and statistics at once. @return this */
            public Builder notes(Notes notes) {
                this.notes = Objects.requireNonNull(notes, "notes");
                return this;
            }

            /** @return the vector */
            public Vector build() {
                int n = labels.size();
                return new Vector(labels.toArray(new Labels[0]), Arrays.copyOf(ts, n), Arrays.copyOf(vs, n),
                        List.copyOf(histograms), notes);
            }
        }
    }

    /**
     * A range vector: a list of {@link Series}, in the order the server returned them.
     *
     * <pre>{@code
     * QueryResult.Matrix m = QueryResult.Matrix.of(List.of(
     *         Series.of(Labels.of("job", "api"), new long[] {0, 15000}, new double[] {1, 2})));
     * m.single().value(1);                           // 2.0
     * m.get(Labels.of("job", "api")).isPresent();    // true
     * }</pre>
     */
    final class Matrix implements QueryResult {
        private final List<Series> series;
        private final Notes notes;

        private Matrix(List<Series> series, Notes notes) {
            this.series = series;
            this.notes = notes;
        }

        /** @return a matrix of these series without warnings. */
        public static Matrix of(List<Series> series) {
            return of(series, Notes.NONE);
        }

        /** @return a matrix of these series with warnings, infos and statistics. */
        public static Matrix of(List<Series> series, Notes notes) {
            return new Matrix(List.copyOf(series), Objects.requireNonNull(notes, "notes"));
        }

        @Override
        public String resultType() {
            return "matrix";
        }

        /** @return the series, in server order. */
        public List<Series> series() {
            return series;
        }

        /** @return the number of series. */
        public int size() {
            return series.size();
        }

        /** @return whether there is no series. */
        public boolean isEmpty() {
            return series.isEmpty();
        }

        /** @return the total number of float samples over all series. */
        public long sampleCount() {
            long n = 0;
            for (Series s : series) {
                n += s.size();
            }
            return n;
        }

        /** @return the series with exactly these labels, if there is one. */
        public Optional<Series> get(Labels labels) {
            return series.stream().filter(s -> s.labels().equals(labels)).findFirst();
        }

        /** @return the series by labels, in server order. */
        public Map<Labels, Series> asMap() {
            Map<Labels, Series> m = new LinkedHashMap<>();
            for (Series s : series) {
                m.put(s.labels(), s);
            }
            return Collections.unmodifiableMap(m);
        }

        /**
         * @return the only series
         * @throws IllegalStateException when there is not exactly one, listing the labels there are
         */
        public Series single() {
            if (series.size() != 1) {
                throw new IllegalStateException("expected exactly one series but the matrix has " + series.size()
                        + describe(series.stream().map(Series::labels).toList()));
            }
            return series.get(0);
        }

        @Override
        public Notes notes() {
            return notes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Matrix m && series.equals(m.series) && notes.equals(m.notes);
        }

        @Override
        public int hashCode() {
            return series.hashCode();
        }

        @Override
        public String toString() {
            return "matrix" + series;
        }
    }

    /**
     * A scalar result.
     *
     * <pre>{@code
     * api.query("1 + 1").asScalar().value();   // 2.0
     * }</pre>
     */
    final class Scalar implements QueryResult {
        private final long timestamp;
        private final double value;
        private final Notes notes;

        private Scalar(long timestamp, double value, Notes notes) {
            this.timestamp = timestamp;
            this.value = value;
            this.notes = notes;
        }

        /** @return a scalar at {@code timestamp} (milliseconds) */
        public static Scalar of(long timestamp, double value) {
            return of(timestamp, value, Notes.NONE);
        }

        /** @return a scalar with warnings, infos and statistics */
        public static Scalar of(long timestamp, double value, Notes notes) {
            return new Scalar(timestamp, value, Objects.requireNonNull(notes, "notes"));
        }

        @Override
        public String resultType() {
            return "scalar";
        }

        /** @return the evaluation timestamp in milliseconds since the epoch. */
        public long timestamp() {
            return timestamp;
        }

        /** @return the value. */
        public double value() {
            return value;
        }

        @Override
        public Notes notes() {
            return notes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scalar s && timestamp == s.timestamp
                    && Double.doubleToLongBits(value) == Double.doubleToLongBits(s.value) && notes.equals(s.notes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(timestamp) * 31 + Double.hashCode(value);
        }

        @Override
        public String toString() {
            return "scalar[" + timestamp + ": " + value + "]";
        }
    }

    /**
     * A string result (a PromQL string literal).
     *
     * <pre>{@code
     * api.query("\"hello\"");   // string[...: hello]
     * }</pre>
     */
    final class StringValue implements QueryResult {
        private final long timestamp;
        private final String value;
        private final Notes notes;

        private StringValue(long timestamp, String value, Notes notes) {
            this.timestamp = timestamp;
            this.value = value;
            this.notes = notes;
        }

        /** @return a string result at {@code timestamp} (milliseconds) */
        public static StringValue of(long timestamp, String value) {
            return of(timestamp, value, Notes.NONE);
        }

        /** @return a string result with warnings, infos and statistics */
        public static StringValue of(long timestamp, String value, Notes notes) {
            return new StringValue(timestamp, Objects.requireNonNull(value, "value"),
                    Objects.requireNonNull(notes, "notes"));
        }

        @Override
        public String resultType() {
            return "string";
        }

        /** @return the evaluation timestamp in milliseconds since the epoch. */
        public long timestamp() {
            return timestamp;
        }

        /** @return the string. */
        public String value() {
            return value;
        }

        @Override
        public Notes notes() {
            return notes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StringValue s && timestamp == s.timestamp && value.equals(s.value)
                    && notes.equals(s.notes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(timestamp) * 31 + value.hashCode();
        }

        @Override
        public String toString() {
            return "string[" + timestamp + ": " + value + "]";
        }
    }

    private static String describe(List<Labels> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        String shown = labels.stream().limit(5).map(Labels::toString).collect(Collectors.joining(", "));
        return ": " + shown + (labels.size() > 5 ? ", ..." : "");
    }
}
