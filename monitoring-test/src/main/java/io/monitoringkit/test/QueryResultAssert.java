package io.monitoringkit.test;

import io.monitoringkit.model.Labels;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link QueryResult} from any {@code QueryApi} — a real Prometheus through
 * {@code PrometheusClient} or the in-process {@code PromEngine} — so one assertion serves both.
 *
 * <p>Labels select series by inclusion: {@code Labels.of("job", "app")} matches {@code {job="app",
 * instance="127.0.0.1:8080"}}. Values compare within the {@linkplain #usingTolerance(double) tolerance} (1e-9 unless
 * set).
 *
 * <pre>{@code
 * assertThat(api.query("sum by (job) (rate(http_requests_total[1m]))"))
 *         .hasSeriesCount(1)
 *         .usingTolerance(0.01)
 *         .hasSeriesWithValue(Labels.of("job", "app"), 2.0);
 * }</pre>
 */
public final class QueryResultAssert extends AbstractAssert<QueryResultAssert, QueryResult> {
    private double tolerance = 1e-9;

    QueryResultAssert(QueryResult actual) {
        super(actual, QueryResultAssert.class);
    }

    /** Makes the following value checks accept values within {@code tolerance} of the expected one. */
    public QueryResultAssert usingTolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException(tolerance + " is not a valid tolerance: must be 0 or more");
        }
        this.tolerance = tolerance;
        return myself;
    }

    /** Verifies that the result is a vector or matrix without series. */
    public QueryResultAssert isEmpty() {
        List<Entry> entries = entries();
        if (!entries.isEmpty()) {
            fail("Expecting query result to be empty\nbut it has " + entries.size() + " series:" + render(entries));
        }
        return myself;
    }

    /** Verifies that the result is a vector or matrix of {@code count} series. */
    public QueryResultAssert hasSeriesCount(int count) {
        List<Entry> entries = entries();
        if (entries.size() != count) {
            fail("Expecting query result to have " + count + " series\nbut it has " + entries.size()
                    + (entries.isEmpty() ? "" : ":" + render(entries)));
        }
        return myself;
    }

    /** Verifies that a series' labels include {@code labels}. */
    public QueryResultAssert hasSeries(Labels labels) {
        matching(labels);
        return myself;
    }

    /** Verifies that no series' labels include {@code labels}. */
    public QueryResultAssert doesNotHaveSeries(Labels labels) {
        List<Entry> found = entries().stream().filter(e -> includes(e.labels, labels)).toList();
        if (!found.isEmpty()) {
            fail("Expecting query result not to have a series with labels " + labels + "\nbut found:" + render(found));
        }
        return myself;
    }

    /**
     * Verifies that a series whose labels include {@code labels} has value {@code value}: its sample for a
     * vector, its last sample for a matrix.
     */
    public QueryResultAssert hasSeriesWithValue(Labels labels, double value) {
        List<Entry> found = matching(labels);
        if (found.stream().noneMatch(e -> e.size() > 0
                && AbstractExpositionAssert.within(value, e.values.get(e.size() - 1), tolerance))) {
            fail("Expecting a series with labels " + labels + " to have value " + num(value) + toleranceText()
                    + "\nbut was:" + render(found));
        }
        return myself;
    }

    /**
     * Verifies that a series whose labels include {@code labels} has value {@code value} at {@code time}: a
     * vector's sample must be stamped {@code time}, a matrix series must have a sample at {@code time}.
     */
    public QueryResultAssert hasSeriesWithValue(Labels labels, double value, Instant time) {
        Objects.requireNonNull(time, "time");
        long t = time.toEpochMilli();
        List<Entry> found = matching(labels);
        boolean ok = found.stream().anyMatch(e -> {
            for (int i = 0; i < e.size(); i++) {
                if (e.times.get(i) == t && AbstractExpositionAssert.within(value, e.values.get(i), tolerance)) {
                    return true;
                }
            }
            return false;
        });
        if (!ok) {
            fail("Expecting a series with labels " + labels + " to have value " + num(value) + toleranceText()
                    + " at " + time + "\nbut was:" + render(found));
        }
        return myself;
    }

    /** Verifies that the result is a scalar of value {@code value}. */
    public QueryResultAssert hasScalarValue(double value) {
        isNotNull();
        if (!(actual instanceof QueryResult.Scalar)) {
            fail("Expecting query result to be a scalar\nbut was a " + actual.resultType());
        }
        double v = actual.asScalar().value();
        if (!AbstractExpositionAssert.within(value, v, tolerance)) {
            fail("Expecting scalar " + num(value) + toleranceText() + "\nbut was " + num(v));
        }
        return myself;
    }

    private List<Entry> matching(Labels labels) {
        Objects.requireNonNull(labels, "labels");
        List<Entry> entries = entries();
        List<Entry> found = entries.stream().filter(e -> includes(e.labels, labels)).toList();
        if (found.isEmpty()) {
            fail("Expecting query result to have a series with labels " + labels + "\nbut it has none.\nLabel sets: "
                    + entries.stream().map(e -> e.labels).toList());
        }
        return found;
    }

    private List<Entry> entries() {
        isNotNull();
        List<Entry> entries = new ArrayList<>();
        if (actual instanceof QueryResult.Vector v) {
            for (int i = 0; i < v.size(); i++) {
                entries.add(new Entry(v.labels(i), List.of(v.timestamp(i)), List.of(v.value(i))));
            }
        } else if (actual instanceof QueryResult.Matrix m) {
            for (Series s : m.series()) {
                List<Long> times = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    times.add(s.timestamp(i));
                    values.add(s.value(i));
                }
                entries.add(new Entry(s.labels(), times, values));
            }
        } else {
            fail("Expecting query result to be a vector or a matrix\nbut was a " + actual.resultType() + ": " + actual);
        }
        return entries;
    }

    private static boolean includes(Labels labels, Labels wanted) {
        for (Labels.Label l : wanted.toList()) {
            if (!labels.get(l.name()).equals(Optional.of(l.value()))) {
                return false;
            }
        }
        return true;
    }

    private String toleranceText() {
        return tolerance > 1e-9 ? " (within " + num(tolerance) + ")" : "";
    }

    private static String render(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append("\n  ").append(e.labels).append(" =>");
            for (int i = 0; i < e.size(); i++) {
                sb.append(i == 0 ? " " : ", ").append(num(e.values.get(i))).append(" @")
                        .append(Instant.ofEpochMilli(e.times.get(i)));
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return AbstractExpositionAssert.num(v);
    }

    private void fail(String message) {
        failWithMessage("%s", message);
    }

    private record Entry(Labels labels, List<Long> times, List<Double> values) {
        int size() {
            return times.size();
        }
    }
}
