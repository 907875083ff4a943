package io.monitoringkit.exposition;

import java.util.List;
import java.util.Optional;

/**
 * The metric types of the exposition formats, with the sample-name suffixes each type allows.
 *
 * <p>The Prometheus text format 0.0.4 knows {@code counter}, {@code gauge}, {@code histogram}, {@code summary}
 * and {@code untyped}; OpenMetrics 1.0 adds {@code gaugehistogram}, {@code info}, {@code stateset} and calls
 * untyped {@code unknown}. Both spellings of the untyped type map to {@link #UNKNOWN}.
 *
 * <pre>{@code
 * MetricType.fromOpenMetrics("gaugehistogram"); // Optional[GAUGE_HISTOGRAM]
 * MetricType.HISTOGRAM.suffixes();              // [_bucket, _count, _sum, _created]
 * MetricType.UNKNOWN.textName();                // "untyped"
 * }</pre>
 */
public enum MetricType {
    /** A monotonic counter: OpenMetrics samples {@code _total} and {@code _created}. */
    COUNTER("counter", "counter", List.of("_total", "_created")),
    /** A value that goes up and down. */
    GAUGE("gauge", "gauge", List.of("")),
    /** Cumulative buckets with {@code le}, plus count, sum and created. */
    HISTOGRAM("histogram", "histogram", List.of("_bucket", "_count", "_sum", "_created")),
    /** A histogram of a gauge: buckets, {@code _gcount}, {@code _gsum} (OpenMetrics only). */
    GAUGE_HISTOGRAM("gaugehistogram", "histogram", List.of("_bucket", "_gcount", "_gsum")),
    /** Quantiles with {@code quantile}, plus count, sum and created. */
    SUMMARY("summary", "summary", List.of("", "_count", "_sum", "_created")),
    /** Constant labels as an {@code _info} sample of value 1 (OpenMetrics only). */
    INFO("info", "gauge", List.of("_info")),
    /** A set of boolean states, one label named after the family (OpenMetrics only). */
    STATESET("stateset", "gauge", List.of("")),
    /** Untyped ({@code untyped} in text 0.0.4, {@code unknown} in OpenMetrics). */
    UNKNOWN("unknown", "untyped", List.of(""));

    private final String openMetricsName;
    private final String textName;
    private final List<String> suffixes;

    MetricType(String openMetricsName, String textName, List<String> suffixes) {
        this.openMetricsName = openMetricsName;
        this.textName = textName;
        this.suffixes = suffixes;
    }

    /** @return the name in OpenMetrics {@code # TYPE} lines, e.g. {@code gaugehistogram}. */
    public String openMetricsName() {
        return openMetricsName;
    }

    /**
     * @return the name in text format 0.0.4 {@code # TYPE} lines; types the format lacks map as the client
     *     libraries map them (gauge histogram to {@code histogram}, info and stateset to {@code gauge}).
     */
    public String textName() {
        return textName;
    }

    /** @return whether text format 0.0.4 has this type. */
    public boolean inTextFormat() {
        return this == COUNTER || this == GAUGE || this == HISTOGRAM || this == SUMMARY || this == UNKNOWN;
    }

    /** @return the suffixes OpenMetrics allows on sample names of a family of this type ({@code ""}: the bare name). */
    public List<String> suffixes() {
        return suffixes;
    }

    /** @return whether OpenMetrics allows exemplars on samples with this suffix. */
    public boolean allowsExemplar(String suffix) {
        return switch (this) {
            case COUNTER -> suffix.equals("_total");
            case HISTOGRAM, GAUGE_HISTOGRAM -> suffix.equals("_bucket");
            default -> false;
        };
    }

    /** @return the type named {@code name} in an OpenMetrics {@code # TYPE} line (exact, lower case). */
    public static Optional<MetricType> fromOpenMetrics(String name) {
        for (MetricType t : values()) {
            if (t.openMetricsName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the type named {@code name} in a text format 0.0.4 {@code # TYPE} line; like Prometheus' parser
     *     the match ignores case.
     */
    public static Optional<MetricType> fromText(String name) {
        for (MetricType t : List.of(COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNKNOWN)) {
            if (t.textName.equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
