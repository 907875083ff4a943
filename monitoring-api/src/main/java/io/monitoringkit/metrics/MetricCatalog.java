package io.monitoringkit.metrics;

import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.AggregateOp;
import io.monitoringkit.promql.Aggregation;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ExprVisitor;
import io.monitoringkit.promql.Exprs;
import io.monitoringkit.promql.Grouping;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.RangeParen;
import io.monitoringkit.promql.VectorCall;
import io.monitoringkit.promql.VectorSelector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics an application exposes, against which any PromQL expression — written with the DSL or parsed
 * from a rule file or a dashboard — is checked: label matchers must name labels the metric has,
 * {@code rate()}/{@code increase()}/{@code irate()}/{@code resets()} need counter series, and
 * {@code histogram_quantile()} needs a histogram's {@code _bucket} series with {@code le} kept by every
 * aggregation on the way. Selectors of metrics the catalog does not know are not checked (they may come from
 * other exporters). Immutable.
 *
 * <pre>{@code
 * MetricCatalog catalog = MetricCatalog.of(
 *         MetricDescriptor.counter("http_requests_total", "method", "code"),
 *         MetricDescriptor.histogram("http_request_duration_seconds", "route"));
 * catalog.check(PromQL.parse("sum by (job) (rate(http_requests_total{stauts=\"500\"}[5m]))"));
 * // [http_requests_total{stauts="500"}: metric "http_requests" has no label "stauts"; its labels are
 * //  [method, code] and the target labels [instance, job]]
 * }</pre>
 */
public final class MetricCatalog {

    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase", "resets");
    private static final Set<AggregateOp> KEEPING_LABELS =
            Set.of(AggregateOp.TOPK, AggregateOp.BOTTOMK, AggregateOp.LIMITK, AggregateOp.LIMIT_RATIO);

    private record Series(MetricDescriptor descriptor, String suffix) {
    }

    private final List<MetricDescriptor> descriptors;
    private final Map<String, Series> series;
    private final List<String> targetLabels;

    private MetricCatalog(List<MetricDescriptor> descriptors, List<String> targetLabels) {
        this.descriptors = descriptors;
        this.targetLabels = targetLabels;
        Map<String, Series> map = new LinkedHashMap<>();
        for (MetricDescriptor d : descriptors) {
            for (String name : d.seriesNames()) {
                map.put(name, new Series(d, name.substring(d.name().length())));
            }
            map.putIfAbsent(d.name(), new Series(d, ""));
        }
        this.series = map;
    }

    /** @return a catalog of these metrics, accepting the target labels {@code job} and {@code instance}. */
    public static MetricCatalog of(Collection<MetricDescriptor> descriptors) {
        return new MetricCatalog(List.copyOf(descriptors), List.of("instance", "job"));
    }

    /** @return a catalog of these metrics, accepting the target labels {@code job} and {@code instance}. */
    public static MetricCatalog of(MetricDescriptor... descriptors) {
        return of(List.of(descriptors));
    }

    /** @return a copy that also accepts these labels, which the scrape adds (e.g. {@code namespace}, {@code pod}). */
    public MetricCatalog withTargetLabels(String... labels) {
        TreeSet<String> all = new TreeSet<>(targetLabels);
        for (String l : labels) {
            all.add(Names.requireLegacyLabelName(l));
        }
        return new MetricCatalog(descriptors, List.copyOf(all));
    }

    /** @return the descriptors. */
    public List<MetricDescriptor> descriptors() {
        return descriptors;
    }

    /** @return the descriptor of the metric a series name belongs to ({@code x_bucket} gives histogram {@code x}). */
    public Optional<MetricDescriptor> descriptorOf(String seriesName) {
        return Optional.ofNullable(series.get(seriesName)).map(Series::descriptor);
    }

    /** @return every problem of {@code expr} against the catalog, in source order; empty when it fits. */
    public List<String> check(Expr expr) {
        List<String> problems = new ArrayList<>();
        Exprs.withoutParens(expr).accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
            @Override
            public Void visit(VectorSelector s) {
                checkSelector(s, problems);
                return null;
            }

            @Override
            public Void visit(VectorCall c) {
                String f = c.function().name();
                if (COUNTER_FUNCTIONS.contains(f) && !c.args().isEmpty()) {
                    checkCounterArgument(f, c.args().get(0), problems);
                } else if (f.equals("histogram_quantile") && c.args().size() == 2) {
                    checkHistogramQuantile(c.args().get(1), problems);
                }
                return super.visit(c);
            }
        });
        return List.copyOf(problems);
    }

    private void checkSelector(VectorSelector s, List<String> problems) {
        Optional<String> name = s.metricName();
        if (name.isEmpty() || !series.containsKey(name.get())) {
            return;
        }
        Series x = series.get(name.get());
        MetricDescriptor d = x.descriptor();
        boolean histogram = d.type() == MetricType.HISTOGRAM || d.type() == MetricType.GAUGE_HISTOGRAM;
        if (histogram && x.suffix().isEmpty()) {
            problems.add(s + ": histogram \"" + d.name() + "\" has no series of its own name; use "
                    + String.join(", ", d.seriesNames().subList(0, 3)));
            return;
        }
        for (LabelMatcher m : s.matchers()) {
            String l = m.name();
            boolean ok = l.equals(Names.METRIC_NAME_LABEL) || d.labelNames().contains(l) || targetLabels.contains(l)
                    || l.equals("le") && histogram && x.suffix().equals("_bucket")
                    || l.equals("quantile") && d.type() == MetricType.SUMMARY && x.suffix().isEmpty();
            if (!ok) {
                problems.add(s + ": metric \"" + d.name() + "\" has no label \"" + l + "\"; its labels are "
                        + d.labelNames() + " and the target labels " + targetLabels);
            }
        }
    }

    private void checkCounterArgument(String function, Expr arg, List<String> problems) {
        Expr a = arg;
        while (a instanceof RangeParen p) {
            a = p.expr();
        }
        if (!(a instanceof MatrixSelector m)) {
            return;
        }
        Optional<String> name = m.selector().metricName();
        Series x = name.map(series::get).orElse(null);
        if (x == null) {
            return;
        }
        MetricDescriptor d = x.descriptor();
        switch (d.type()) {
            case COUNTER, UNKNOWN -> {
            }
            case HISTOGRAM, SUMMARY -> {
                if (x.suffix().isEmpty()) {
                    problems.add(function + "(" + m + "): " + d.type().openMetricsName() + " \"" + d.name()
                            + "\" must be read through its counter series: " + counterSeries(d));
                }
            }
            default -> {
                String advice = d.type() == MetricType.GAUGE ? "; use deriv() or delta() over a gauge" : "";
                problems.add(function + "(" + m + ") needs a counter, but \"" + d.name() + "\" is "
                        + (d.type() == MetricType.INFO ? "an info metric" : "a " + kind(d.type())) + advice);
            }
        }
    }

    private void checkHistogramQuantile(Expr arg, List<String> problems) {
        arg.accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
            @Override
            public Void visit(VectorSelector s) {
                Series x = s.metricName().map(series::get).orElse(null);
                if (x != null && !x.suffix().equals("_bucket")) {
                    MetricDescriptor d = x.descriptor();
                    problems.add("histogram_quantile() over " + s + " needs the _bucket series of a histogram, "
                            + "with its \"le\" label; \"" + s.metricName().get() + "\" is "
                            + (d.type() == MetricType.HISTOGRAM || d.type() == MetricType.GAUGE_HISTOGRAM
                            ? "not the _bucket series of histogram \"" + d.name() + "\""
                            : "a series of " + kind(d.type()) + " \"" + d.name() + "\""));
                }
                return null;
            }

            @Override
            public Void visit(Aggregation a) {
                Grouping g = a.grouping();
                boolean drops = !KEEPING_LABELS.contains(a.op()) && (g.kind() == Grouping.Kind.NONE
                        || g.kind() == Grouping.Kind.BY && !g.labels().contains("le")
                        || g.kind() == Grouping.Kind.WITHOUT && g.labels().contains("le"));
                if (drops) {
                    problems.add("histogram_quantile() over " + a + ": the aggregation drops the \"le\" label the "
                            + "buckets need; keep it, e.g. " + a.op().promqlName() + " by (le" + (g.kind()
                            == Grouping.Kind.BY ? ", " + String.join(", ", g.labels()) : "") + ")");
                }
                return super.visit(a);
            }
        });
    }

    private static String counterSeries(MetricDescriptor d) {
        return d.type() == MetricType.HISTOGRAM
                ? d.name() + "_bucket, " + d.name() + "_count or " + d.name() + "_sum"
                : d.name() + "_count or " + d.name() + "_sum";
    }

    private static String kind(MetricType t) {
        return switch (t) {
            case GAUGE_HISTOGRAM -> "gauge histogram";
            case UNKNOWN -> "untyped metric";
            default -> t.openMetricsName();
        };
    }
}
