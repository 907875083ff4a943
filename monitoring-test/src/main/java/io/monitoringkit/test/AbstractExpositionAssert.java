package io.monitoringkit.test;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.MetricFamily;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.exposition.Sample;
import io.monitoringkit.model.Labels;
import io.monitoringkit.test.internal.Nearest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * Checks on the metrics of an exposition — a parsed {@code /metrics} body, a {@link Scrape} or a registry's
 * snapshot. Each check returns this assertion, so checks chain; failures say what was expected, what was found and
 * what exists (available metric names, the metric's label sets, nearest matches).
 *
 * <p>A metric is named by its family name or by one of its sample names ({@code http_requests} and
 * {@code http_requests_total} both find an OpenMetrics counter). Labels select series by inclusion: the series'
 * labels (without {@code le} and {@code quantile}) must contain the given ones, and value checks need exactly one
 * series to match.
 *
 * <pre>{@code
 * assertThat(Scrape.of("http://127.0.0.1:8080/metrics"))
 *         .hasCounter("http_requests_total")
 *         .hasValue("http_requests_total", Labels.of("method", "GET"), 3)
 *         .hasHistogramCount("http_request_duration_seconds", Labels.of("method", "GET"), 3)
 *         .doesNotHaveMetric("http_requests_failed_total");
 * }</pre>
 *
 * @param <SELF>   the concrete assertion type
 * @param <ACTUAL> what is asserted on
 */
public abstract class AbstractExpositionAssert<SELF extends AbstractExpositionAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {
    private static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * @param actual   the value under test
     * @param selfType the concrete assertion class
     */
    protected AbstractExpositionAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** @return the exposition of {@link #actual} */
    protected abstract Exposition exposition();

    /** @return how failure messages name {@link #actual}, e.g. {@code scrape of http://127.0.0.1:8080/metrics} */
    protected abstract String source();

    /** Verifies that a metric of any type is named {@code name}. */
    public SELF hasMetric(String name) {
        family(name, Optional.empty());
        return myself;
    }

    /** Verifies that a counter is named {@code name}. */
    public SELF hasCounter(String name) {
        family(name, Optional.of(MetricType.COUNTER));
        return myself;
    }

    /** Verifies that a gauge is named {@code name}. */
    public SELF hasGauge(String name) {
        family(name, Optional.of(MetricType.GAUGE));
        return myself;
    }

    /** Verifies that a histogram is named {@code name}. */
    public SELF hasHistogram(String name) {
        family(name, Optional.of(MetricType.HISTOGRAM));
        return myself;
    }

    /** Verifies that a summary is named {@code name}. */
    public SELF hasSummary(String name) {
        family(name, Optional.of(MetricType.SUMMARY));
        return myself;
    }

    /** Verifies that no metric is named {@code name}. */
    public SELF doesNotHaveMetric(String name) {
        isNotNull();
        findFamily(name).ifPresent(f -> fail("Expecting " + source() + " not to have a metric named "
                + quote(name) + "\nbut found a " + typeName(f.type()) + " with "
                + labelSets(f).size() + " series: " + labelSets(f)));
        return myself;
    }

    /** Verifies that metric {@code name} has a series whose labels include {@code labels}. */
    public SELF hasSeries(String name, Labels labels) {
        MetricFamily f = family(name, Optional.empty());
        if (matching(f, labels).isEmpty()) {
            fail("Expecting " + quote(name) + " to have a series with labels " + labels
                    + "\nbut it has none.\nLabel sets of " + quote(name) + ": " + labelSets(f));
        }
        return myself;
    }

    /** Verifies that metric {@code name} is absent or has no series whose labels include {@code labels}. */
    public SELF doesNotHaveSeries(String name, Labels labels) {
        isNotNull();
        Optional<MetricFamily> f = findFamily(name);
        if (f.isPresent() && !matching(f.get(), labels).isEmpty()) {
            fail("Expecting " + quote(name) + " not to have a series with labels " + labels
                    + "\nbut found " + matching(f.get(), labels));
        }
        return myself;
    }

    /** Verifies that metric {@code name} has {@code count} series (label sets, not counting {@code le}/{@code quantile}). */
    public SELF hasSeriesCount(String name, int count) {
        MetricFamily f = family(name, Optional.empty());
        List<Labels> sets = labelSets(f);
        if (sets.size() != count) {
            fail("Expecting " + quote(name) + " to have " + count + " series\nbut was " + sets.size() + ": " + sets);
        }
        return myself;
    }

    /** Verifies the value of the one series of {@code name} whose labels include {@code labels}, within 1e-9. */
    public SELF hasValue(String name, Labels labels, double expected) {
        return hasValue(name, labels, expected, DEFAULT_TOLERANCE);
    }

    /** Verifies the value of the one series of {@code name} whose labels include {@code labels}, within {@code tolerance}. */
    public SELF hasValue(String name, Labels labels, double expected, double tolerance) {
        MetricFamily f = family(name, Optional.empty());
        Sample s = single(f, valueSampleName(f, name), labels);
        checkValue(display(s), "value", expected, tolerance, s.value());
        return myself;
    }

    /**
     * Verifies that the one series of {@code name} whose labels include {@code labels} grew by {@code delta} (within
     * 1e-9) since {@code before}, an earlier snapshot; a series absent from {@code before} counts from 0.
     */
    public SELF hasIncreasedBy(Exposition before, String name, Labels labels, double delta) {
        Objects.requireNonNull(before, "before");
        MetricFamily f = family(name, Optional.empty());
        String sampleName = valueSampleName(f, name);
        Sample now = single(f, sampleName, labels);
        double was = 0;
        Optional<MetricFamily> old = before.families().stream().filter(x -> x.name().equals(f.name())).findFirst();
        if (old.isPresent()) {
            Optional<Sample> o = old.get().samples().stream()
                    .filter(x -> x.name().equals(sampleName) && x.labels().equals(now.labels())).findFirst();
            if (o.isPresent()) {
                was = o.get().value();
            }
        }
        double actualDelta = now.value() - was;
        if (!within(delta, actualDelta, DEFAULT_TOLERANCE)) {
            fail("Expecting " + display(now) + " to have increased by " + num(delta) + "\nbut it increased by "
                    + num(actualDelta) + " (from " + num(was) + " to " + num(now.value()) + ")");
        }
        return myself;
    }

    /** Verifies the observation count ({@code _count}) of the histogram or summary series selected by {@code labels}. */
    public SELF hasHistogramCount(String name, Labels labels, long count) {
        MetricFamily f = distribution(name);
        Sample s = single(f, f.name() + "_count", labels);
        checkValue(display(s), "count", count, 0, s.value());
        return myself;
    }

    /** Verifies the sum of observations ({@code _sum}) of the histogram or summary series selected by {@code labels}. */
    public SELF hasHistogramSum(String name, Labels labels, double sum, double tolerance) {
        MetricFamily f = distribution(name);
        Sample s = single(f, f.name() + "_sum", labels);
        checkValue(display(s), "sum", sum, tolerance, s.value());
        return myself;
    }

    /** Verifies the cumulative count of bucket {@code le} of the histogram series selected by {@code labels}. */
    public SELF hasHistogramBucket(String name, Labels labels, double le, long count) {
        MetricFamily f = family(name, Optional.of(MetricType.HISTOGRAM));
        Sample count0 = single(f, f.name() + "_count", labels);
        Labels series = count0.labels();
        List<Sample> buckets = buckets(f, series);
        Optional<Sample> bucket = buckets.stream().filter(b -> upperBound(b) == le).findFirst();
        if (bucket.isEmpty()) {
            fail("Expecting " + quote(f.name()) + series + " to have a bucket le=" + quote(bound(le))
                    + "\nbut it has none.\nBuckets: " + buckets.stream().map(b -> b.labels().getOrEmpty("le")).toList());
        }
        checkValue(quote(f.name() + "_bucket") + series.with("le", bucket.get().labels().getOrEmpty("le")),
                "count", count, 0, bucket.get().value());
        return myself;
    }

    /**
     * Verifies the {@code q}-quantile of the series selected by {@code labels}: for a histogram, estimated from its
     * buckets as {@code histogram_quantile} does (linear interpolation within the bucket); for a summary, its
     * {@code quantile} sample.
     */
    public SELF hasQuantileEstimate(String name, Labels labels, double q, double expected, double tolerance) {
        MetricFamily f = distribution(name);
        Sample count = single(f, f.name() + "_count", labels);
        double estimate;
        if (f.type() == MetricType.SUMMARY) {
            Optional<Sample> s = f.samples().stream()
                    .filter(x -> x.name().equals(f.name()) && x.labels().without("quantile").equals(count.labels())
                            && parse(x.labels().getOrEmpty("quantile")) == q)
                    .findFirst();
            if (s.isEmpty()) {
                fail("Expecting " + quote(f.name()) + count.labels() + " to have quantile " + num(q)
                        + "\nbut it has none.\nQuantiles: " + f.samples().stream()
                        .filter(x -> x.name().equals(f.name()) && x.labels().without("quantile").equals(count.labels()))
                        .map(x -> x.labels().getOrEmpty("quantile")).toList());
            }
            estimate = s.get().value();
        } else {
            estimate = bucketQuantile(q, buckets(f, count.labels()));
        }
        checkValue(quote(f.name()) + count.labels(), num(q) + "-quantile estimate", expected, tolerance, estimate);
        return myself;
    }

    // ---- helpers

    private MetricFamily distribution(String name) {
        MetricFamily f = family(name, Optional.empty());
        if (f.type() != MetricType.HISTOGRAM && f.type() != MetricType.SUMMARY) {
            fail("Expecting " + quote(name) + " to be a histogram or a summary\nbut was a " + typeName(f.type()));
        }
        return f;
    }

    private Optional<MetricFamily> findFamily(String name) {
        Objects.requireNonNull(name, "name");
        List<MetricFamily> families = exposition().families();
        Optional<MetricFamily> exact = families.stream().filter(f -> f.name().equals(name)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return families.stream()
                .filter(f -> f.samples().stream().anyMatch(s -> s.name().equals(name))
                        || (f.type() == MetricType.COUNTER && name.equals(f.name() + "_total")))
                .findFirst();
    }

    private MetricFamily family(String name, Optional<MetricType> type) {
        isNotNull();
        String wanted = type.map(t -> "a " + typeName(t)).orElse("a metric");
        Optional<MetricFamily> f = findFamily(name);
        if (f.isEmpty()) {
            TreeSet<String> names = new TreeSet<>();
            exposition().families().forEach(x -> names.add(x.name()));
            TreeSet<String> candidates = new TreeSet<>(names);
            exposition().samples().forEach(s -> candidates.add(s.name()));
            fail("Expecting " + source() + " to have " + wanted + " named " + quote(name)
                    + "\nbut there is no metric of that name.\nNearest matches: " + Nearest.matches(name, candidates)
                    + "\nAvailable metric names: " + names);
        }
        if (type.isPresent() && f.get().type() != type.get()) {
            fail("Expecting " + quote(name) + " to be " + wanted + "\nbut was a " + typeName(f.get().type()));
        }
        return f.get();
    }

    private static String valueSampleName(MetricFamily f, String requested) {
        if (f.samples().stream().anyMatch(s -> s.name().equals(requested))) {
            return requested;
        }
        return f.type() == MetricType.COUNTER && !requested.endsWith("_total") ? requested + "_total" : requested;
    }

    private static List<Sample> matching(MetricFamily f, Labels labels) {
        return f.samples().stream().filter(s -> includes(s.labels(), labels)).toList();
    }

    private Sample single(MetricFamily f, String sampleName, Labels labels) {
        Objects.requireNonNull(labels, "labels");
        List<Sample> found = f.samples().stream()
                .filter(s -> s.name().equals(sampleName) && includes(s.labels(), labels)).toList();
        if (found.isEmpty()) {
            fail("Expecting " + quote(sampleName) + " to have a series with labels " + labels
                    + "\nbut it has none.\nLabel sets of " + quote(f.name()) + ": " + labelSets(f));
        }
        if (found.size() > 1) {
            fail("Expecting labels " + labels + " to select one series of " + quote(sampleName) + "\nbut they select "
                    + found.size() + ": " + found.stream().map(Sample::labels).toList());
        }
        return found.get(0);
    }

    private static boolean includes(Labels labels, Labels wanted) {
        for (Labels.Label l : wanted.toList()) {
            if (!labels.get(l.name()).equals(Optional.of(l.value()))) {
                return false;
            }
        }
        return true;
    }

    private static List<Labels> labelSets(MetricFamily f) {
        return f.samples().stream().map(s -> s.labels().without("le", "quantile")).distinct().sorted().toList();
    }

    private static List<Sample> buckets(MetricFamily f, Labels series) {
        List<Sample> buckets = new ArrayList<>(f.samples().stream()
                .filter(s -> s.name().equals(f.name() + "_bucket") && s.labels().without("le").equals(series))
                .toList());
        buckets.sort(Comparator.comparingDouble(AbstractExpositionAssert::upperBound));
        return buckets;
    }

    private static double upperBound(Sample bucket) {
        return parse(bucket.labels().getOrEmpty("le"));
    }

    private static double parse(String bound) {
        try {
            return switch (bound) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(bound);
            };
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The histogram_quantile estimate over cumulative buckets sorted by upper bound. */
    static double bucketQuantile(double q, List<Sample> buckets) {
        if (buckets.isEmpty() || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        Sample last = buckets.get(buckets.size() - 1);
        if (upperBound(last) != Double.POSITIVE_INFINITY || buckets.size() < 2) {
            return Double.NaN;
        }
        double observations = last.value();
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b).value() < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return upperBound(buckets.get(buckets.size() - 2));
        }
        double upper = upperBound(buckets.get(b));
        if (b == 0 && upper <= 0) {
            return upper;
        }
        double start = 0;
        double end = upper;
        double countBefore = 0;
        if (b > 0) {
            start = upperBound(buckets.get(b - 1));
            countBefore = buckets.get(b - 1).value();
        }
        double inBucket = buckets.get(b).value() - countBefore;
        return start + (end - start) * ((rank - countBefore) / inBucket);
    }

    private void checkValue(String series, String what, double expected, double tolerance, double actualValue) {
        if (!within(expected, actualValue, tolerance)) {
            fail("Expecting " + series + " to have " + what + " " + num(expected)
                    + (tolerance > DEFAULT_TOLERANCE ? " (within " + num(tolerance) + ")" : "")
                    + "\nbut was " + num(actualValue));
        }
    }

    static boolean within(double expected, double actual, double tolerance) {
        if (Double.isNaN(expected)) {
            return Double.isNaN(actual);
        }
        return expected == actual || Math.abs(expected - actual) <= tolerance;
    }

    private static String display(Sample s) {
        return quote(s.name()) + s.labels();
    }

    static String quote(String s) {
        return '"' + s + '"';
    }

    static String num(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String bound(double le) {
        return le == Double.POSITIVE_INFINITY ? "+Inf" : num(le);
    }

    private static String typeName(MetricType t) {
        return t.openMetricsName().toLowerCase(Locale.ROOT);
    }

    private void fail(String message) {
        failWithMessage("%s", message);
    }
}
