package io.monitoringkit.metrics;

import io.monitoringkit.exposition.MetricFamily;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.exposition.Sample;
import io.monitoringkit.model.Names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a metric is: family name, type, unit, help and the label names its series carry. The name is the
 * OpenMetrics family name — without the {@code _total} of a counter or the {@code _info} of an info metric
 * (factories strip them, as client_java does); {@link #seriesNames()} gives the names the series have in
 * Prometheus.
 *
 * <pre>{@code
 * MetricDescriptor d = MetricDescriptor.counter("http_requests_total", "method", "code")
 *         .withHelp("HTTP requests.");
 * d.name();          // http_requests
 * d.seriesNames();   // [http_requests_total, http_requests_created]
 * MetricRef ref = d.ref();
 * }</pre>
 *
 * @param name       the family name
 * @param type       the type
 * @param unit       the unit, empty when none; when set the name ends with {@code _unit}
 * @param help       the help text, empty when none
 * @param labelNames the label names of the metric's series, in declaration order (without {@code le} and
 *                   {@code quantile}, which histograms and summaries add)
 */
public record MetricDescriptor(String name, MetricType type, String unit, String help, List<String> labelNames) {

    /**
     * Validates everything and reports all problems at once.
     *
     * @throws IllegalArgumentException listing every problem
     */
    public MetricDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(help, "help");
        labelNames = List.copyOf(labelNames);
        List<String> problems = new ArrayList<>();
        if (!Names.isLegacyMetricName(name)) {
            problems.add("name: \"" + name + "\" is not a valid metric name (it must match [a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
        if (!unit.isEmpty() && !name.endsWith("_" + unit)) {
            problems.add("unit: \"" + unit + "\" must be the suffix of the name, e.g. \"" + name + "_" + unit + "\"");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < labelNames.size(); i++) {
            String l = labelNames.get(i);
            String where = "labelNames[" + i + "]: ";
            if (!Names.isLegacyLabelName(l)) {
                problems.add(where + "\"" + l + "\" is not a valid label name (it must match [a-zA-Z_][a-zA-Z0-9_]*)");
            } else if (Names.isReservedLabelName(l)) {
                problems.add(where + "\"" + l + "\" is reserved (names starting with __ are Prometheus' own)");
            } else if (!seen.add(l)) {
                problems.add(where + "\"" + l + "\" is given twice");
            } else if (l.equals("le") && (type == MetricType.HISTOGRAM || type == MetricType.GAUGE_HISTOGRAM)) {
                problems.add(where + "\"le\" is reserved for the buckets of a histogram");
            } else if (l.equals("quantile") && type == MetricType.SUMMARY) {
                problems.add(where + "\"quantile\" is reserved for the quantiles of a summary");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid metric descriptor \"" + name + "\": "
                    + String.join("; ", problems));
        }
    }

    /** @return a counter; a trailing {@code _total} is stripped from the name. */
    public static MetricDescriptor counter(String name, String... labelNames) {
        return of(stripSuffix(name, "_total"), MetricType.COUNTER, labelNames);
    }

    /** @return a gauge. */
    public static MetricDescriptor gauge(String name, String... labelNames) {
        return of(name, MetricType.GAUGE, labelNames);
    }

    /** @return a (classic) histogram. */
    public static MetricDescriptor histogram(String name, String... labelNames) {
        return of(name, MetricType.HISTOGRAM, labelNames);
    }

    /** @return a summary. */
    public static MetricDescriptor summary(String name, String... labelNames) {
        return of(name, MetricType.SUMMARY, labelNames);
    }

    /** @return an info metric; a trailing {@code _info} is stripped from the name. */
    public static MetricDescriptor info(String name, String... labelNames) {
        return of(stripSuffix(name, "_info"), MetricType.INFO, labelNames);
    }

    /** @return a metric of any type. */
    public static MetricDescriptor of(String name, MetricType type, String... labelNames) {
        return new MetricDescriptor(name, type, "", "", List.of(labelNames));
    }

    /**
     * Describes a family of an exposition: label names are the union over its samples, without {@code le} on
     * histogram buckets, {@code quantile} on summaries. A text-format counter family {@code x_total} becomes
     * counter {@code x}.
     */
    public static MetricDescriptor from(MetricFamily family) {
        Set<String> labels = new LinkedHashSet<>();
        boolean histogram = family.type() == MetricType.HISTOGRAM || family.type() == MetricType.GAUGE_HISTOGRAM;
        for (Sample s : family.samples()) {
            for (int i = 0; i < s.labels().size(); i++) {
                String l = s.labels().name(i);
                if (!(histogram && l.equals("le")) && !(family.type() == MetricType.SUMMARY && l.equals("quantile"))) {
                    labels.add(l);
                }
            }
        }
        String name = family.name();
        if (family.type() == MetricType.COUNTER) {
            name = stripSuffix(name, "_total");
        } else if (family.type() == MetricType.INFO) {
            name = stripSuffix(name, "_info");
        }
        return new MetricDescriptor(name, family.type(), family.unit(), family.help(), List.copyOf(labels));
    }

    /** @return a copy with this help text. */
    public MetricDescriptor withHelp(String help) {
        return new MetricDescriptor(name, type, unit, help, labelNames);
    }

    /** @return a copy with this unit (the name must end with it). */
    public MetricDescriptor withUnit(String unit) {
        return new MetricDescriptor(name, type, unit, help, labelNames);
    }

    /** @return a copy with these label names. */
    public MetricDescriptor withLabelNames(String... labelNames) {
        return new MetricDescriptor(name, type, unit, help, List.of(labelNames));
    }

    /** @return the names of the series this metric has in Prometheus (classic histograms). */
    public List<String> seriesNames() {
        return switch (type) {
            case COUNTER -> List.of(name + "_total", name + "_created");
            case HISTOGRAM -> List.of(name + "_bucket", name + "_count", name + "_sum", name + "_created");
            case GAUGE_HISTOGRAM -> List.of(name + "_bucket", name + "_gcount", name + "_gsum");
            case SUMMARY -> List.of(name, name + "_count", name + "_sum", name + "_created");
            case INFO -> List.of(name + "_info");
            default -> List.of(name);
        };
    }

    /** @return a reference for building checked PromQL. */
    public MetricRef ref() {
        return MetricRef.of(this);
    }

    private static String stripSuffix(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
