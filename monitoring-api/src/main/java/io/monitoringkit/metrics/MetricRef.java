package io.monitoringkit.metrics;

import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.model.Names;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.InstantVectorExpr;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.VectorCall;
import io.monitoringkit.promql.VectorSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A metric declared once, from which PromQL is built and checked: label matchers may only name labels the
 * metric has (or target labels Prometheus attaches, {@code job} and {@code instance} by default), and functions
 * must fit its type — {@code rate()} over a gauge is an error, over a histogram it must name one of its series,
 * {@code histogram_quantile} needs a histogram's {@code _bucket} series with {@code le}. Immutable.
 *
 * <pre>{@code
 * MetricRef requests = MetricDescriptor.counter("http_requests_total", "method", "code").ref();
 * requests.where(label("code").matches("5..")).rate(minutes(5));
 * // rate(http_requests_total{code=~"5.."}[5m])
 * MetricRef latency = MetricDescriptor.histogram("http_request_duration_seconds", "route").ref();
 * latency.histogramQuantile(0.99, minutes(5), "route");
 * // histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))
 * requests.where(label("stauts").eq("500"));   // IllegalArgumentException: ... its labels are [method, code] ...
 * }</pre>
 */
public final class MetricRef {

    private static final List<String> DEFAULT_TARGET_LABELS = List.of("instance", "job");

    private final MetricDescriptor descriptor;
    private final List<String> targetLabels;
    private final List<LabelMatcher> matchers;

    private MetricRef(MetricDescriptor descriptor, List<String> targetLabels, List<LabelMatcher> matchers) {
        this.descriptor = descriptor;
        this.targetLabels = targetLabels;
        this.matchers = matchers;
    }

    /** @return a reference to the metric, allowing the target labels {@code job} and {@code instance}. */
    public static MetricRef of(MetricDescriptor descriptor) {
        return new MetricRef(Objects.requireNonNull(descriptor, "descriptor"), DEFAULT_TARGET_LABELS, List.of());
    }

    /** @return the descriptor. */
    public MetricDescriptor descriptor() {
        return descriptor;
    }

    /** @return the label matchers added with {@link #where(LabelMatcher...)}. */
    public List<LabelMatcher> matchers() {
        return matchers;
    }

    /**
     * @return a copy that also accepts these labels, which the scrape adds (e.g. {@code namespace}, {@code pod}
     *     from a ServiceMonitor's relabelling); {@code job} and {@code instance} are always accepted
     */
    public MetricRef withTargetLabels(String... labels) {
        TreeSet<String> all = new TreeSet<>(targetLabels);
        for (String l : labels) {
            all.add(Names.requireLegacyLabelName(l));
        }
        return new MetricRef(descriptor, List.copyOf(all), matchers);
    }

    /**
     * @return a copy whose selectors carry these matchers too
     * @throws IllegalArgumentException when a matcher names a label the metric does not have, listing those it has
     */
    public MetricRef where(LabelMatcher... more) {
        List<LabelMatcher> all = new ArrayList<>(matchers);
        for (LabelMatcher m : more) {
            checkLabel(m.name(), false);
            all.add(m);
        }
        return new MetricRef(descriptor, targetLabels, List.copyOf(all));
    }

    /**
     * @return the selector of the metric's own series: {@code x_total} for a counter, {@code x_info} for info,
     *     the quantile series for a summary, the name for gauges, statesets and unknown metrics
     * @throws IllegalArgumentException for histograms, which have no series of their own name
     */
    public VectorSelector select() {
        String n = descriptor.name();
        return switch (descriptor.type()) {
            case COUNTER -> selector(n + "_total");
            case INFO -> selector(n + "_info");
            case HISTOGRAM, GAUGE_HISTOGRAM -> throw new IllegalArgumentException(kind() + " \"" + n
                    + "\" has no series of its own name; use " + seriesHint());
            default -> selector(n);
        };
    }

    /** @return the {@code _bucket} series of a histogram. @throws IllegalArgumentException for other types */
    public VectorSelector bucket() {
        requireHistogram("bucket()");
        return selector(descriptor.name() + "_bucket");
    }

    /**
     * @return the {@code _count} series of a histogram or summary ({@code _gcount} of a gauge histogram)
     * @throws IllegalArgumentException for other types
     */
    public VectorSelector count() {
        return part("count()", descriptor.type() == MetricType.GAUGE_HISTOGRAM ? "_gcount" : "_count");
    }

    /**
     * @return the {@code _sum} series of a histogram or summary ({@code _gsum} of a gauge histogram)
     * @throws IllegalArgumentException for other types
     */
    public VectorSelector sum() {
        return part("sum()", descriptor.type() == MetricType.GAUGE_HISTOGRAM ? "_gsum" : "_sum");
    }

    /**
     * @return {@code rate(x_total[window])} for a counter (or an unknown-typed metric)
     * @throws IllegalArgumentException for any other type, saying what to use instead
     */
    public VectorCall rate(PromDuration window) {
        return PromQL.rate(counterSeries("rate()").over(window));
    }

    /** @return {@code increase(x_total[window])}, checked as {@link #rate(PromDuration)}. */
    public VectorCall increase(PromDuration window) {
        return PromQL.increase(counterSeries("increase()").over(window));
    }

    /** @return {@code irate(x_total[window])}, checked as {@link #rate(PromDuration)}. */
    public VectorCall irate(PromDuration window) {
        return PromQL.irate(counterSeries("irate()").over(window));
    }

    /**
     * @return {@code histogram_quantile(phi, sum by (le, by...) (rate(x_bucket[window])))}
     * @throws IllegalArgumentException when the metric is not a histogram or a {@code by} label is unknown
     */
    public VectorCall histogramQuantile(double phi, PromDuration window, String... by) {
        if (descriptor.type() != MetricType.HISTOGRAM && descriptor.type() != MetricType.GAUGE_HISTOGRAM) {
            throw new IllegalArgumentException("histogram_quantile() needs the _bucket series of a histogram, with "
                    + "its \"le\" label; \"" + descriptor.name() + "\" is " + article() + " " + kind());
        }
        List<String> grouping = new ArrayList<>();
        grouping.add("le");
        for (String l : by) {
            checkLabel(l, true);
            if (!l.equals("le")) {
                grouping.add(l);
            }
        }
        InstantVectorExpr buckets = descriptor.type() == MetricType.HISTOGRAM
                ? PromQL.rate(bucket().over(window)) : bucket();
        return PromQL.histogramQuantile(phi, PromQL.sum(buckets).by(grouping));
    }

    private VectorSelector counterSeries(String function) {
        MetricType t = descriptor.type();
        if (t == MetricType.COUNTER || t == MetricType.UNKNOWN) {
            return select();
        }
        String n = descriptor.name();
        if (t == MetricType.HISTOGRAM || t == MetricType.SUMMARY) {
            throw new IllegalArgumentException(function + " over " + kind() + " \"" + n + "\" must name one of its "
                    + "counter series: " + seriesHint());
        }
        String advice = t == MetricType.GAUGE ? "; use deriv() or delta() over a gauge" : "";
        throw new IllegalArgumentException(function + " needs a counter, but \"" + n + "\" is " + article() + " "
                + kind() + advice);
    }

    private VectorSelector part(String method, String suffix) {
        MetricType t = descriptor.type();
        if (t != MetricType.HISTOGRAM && t != MetricType.GAUGE_HISTOGRAM && t != MetricType.SUMMARY) {
            throw new IllegalArgumentException(method + " needs a histogram or summary, but \"" + descriptor.name()
                    + "\" is " + article() + " " + kind());
        }
        return selector(descriptor.name() + suffix);
    }

    private void requireHistogram(String method) {
        MetricType t = descriptor.type();
        if (t != MetricType.HISTOGRAM && t != MetricType.GAUGE_HISTOGRAM) {
            throw new IllegalArgumentException(method + " needs a histogram, but \"" + descriptor.name() + "\" is "
                    + article() + " " + kind());
        }
    }

    private String seriesHint() {
        String n = descriptor.name();
        return switch (descriptor.type()) {
            case HISTOGRAM -> "bucket() for " + n + "_bucket, count() for " + n + "_count or sum() for " + n + "_sum";
            case GAUGE_HISTOGRAM -> "bucket() for " + n + "_bucket, count() for " + n + "_gcount or sum() for " + n
                    + "_gsum";
            default -> "count() for " + n + "_count or sum() for " + n + "_sum";
        };
    }

    private VectorSelector selector(String series) {
        return PromQL.metric(series).where(matchers);
    }

    private void checkLabel(String label, boolean grouping) {
        if (descriptor.labelNames().contains(label) || targetLabels.contains(label)) {
            return;
        }
        MetricType t = descriptor.type();
        if (label.equals("le") && (t == MetricType.HISTOGRAM || t == MetricType.GAUGE_HISTOGRAM)
                || label.equals("quantile") && t == MetricType.SUMMARY) {
            return;
        }
        if (label.equals(Names.METRIC_NAME_LABEL) && !grouping) {
            throw new IllegalArgumentException("metric \"" + descriptor.name() + "\": select series by name with "
                    + "select(), bucket(), count() or sum(), not with a __name__ matcher");
        }
        throw new IllegalArgumentException("metric \"" + descriptor.name() + "\" has no label \"" + label
                + "\"; its labels are " + descriptor.labelNames() + " and the target labels " + targetLabels);
    }

    private String kind() {
        return switch (descriptor.type()) {
            case GAUGE_HISTOGRAM -> "gauge histogram";
            case INFO -> "info metric";
            case UNKNOWN -> "untyped metric";
            default -> descriptor.type().openMetricsName();
        };
    }

    private String article() {
        return switch (descriptor.type()) {
            case INFO, UNKNOWN -> "an";
            default -> "a";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricRef r && descriptor.equals(r.descriptor) && targetLabels.equals(r.targetLabels)
                && matchers.equals(r.matchers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(descriptor, targetLabels, matchers);
    }

    @Override
    public String toString() {
        return "MetricRef[" + descriptor.type().openMetricsName() + " " + descriptor.name() + descriptor.labelNames()
                + (matchers.isEmpty() ? "" : " where " + matchers) + "]";
    }
}
