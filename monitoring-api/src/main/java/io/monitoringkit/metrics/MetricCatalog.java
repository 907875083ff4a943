package io.monitoringkit.metrics;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.MetricFamily;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.exposition.Sample;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    /** Per family name: the series names Prometheus stores (from an exposition's samples, else derived). */
    private final Map<String, List<String>> exposedNames;
    /** Per family name, per label: the values seen (with "" when some sample lacks the label). */
    private final Map<String, Map<String, Set<String>>> values;
    /** Families read from an exposition without samples: their label names are not known. */
    private final Set<String> labelsUnknown;
    /** Series name to its family, only the names Prometheus really stores. */
    private final Map<String, Series> exposed;

    private MetricCatalog(List<MetricDescriptor> descriptors, List<String> targetLabels) {
        this(descriptors, Map.of(), Map.of(), Set.of(), targetLabels);
    }

    private MetricCatalog(List<MetricDescriptor> descriptors, Map<String, List<String>> exposedNames,
                          Map<String, Map<String, Set<String>>> values, Set<String> labelsUnknown,
                          List<String> targetLabels) {
        this.descriptors = descriptors;
        this.labelsUnknown = Set.copyOf(labelsUnknown);
        this.targetLabels = targetLabels;
        this.exposedNames = exposedNames;
        this.values = values;
        Map<String, Series> map = new LinkedHashMap<>();
        Map<String, Series> real = new TreeMap<>();
        for (MetricDescriptor d : descriptors) {
            for (String name : d.seriesNames()) {
                map.put(name, new Series(d, name.substring(d.name().length())));
            }
            map.putIfAbsent(d.name(), new Series(d, ""));
            for (String name : exposedNames.getOrDefault(d.name(), d.seriesNames())) {
                Series x = new Series(d, name.startsWith(d.name()) ? name.substring(d.name().length()) : "");
                real.putIfAbsent(name, x);
                map.put(name, x);
            }
        }
        this.series = map;
        this.exposed = real;
    }

    /** @return a catalog of these metrics, accepting the target labels {@code job} and {@code instance}. */
    public static MetricCatalog of(Collection<MetricDescriptor> descriptors) {
        return new MetricCatalog(List.copyOf(descriptors), List.of("instance", "job"));
    }

    /** @return a catalog of these metrics, accepting the target labels {@code job} and {@code instance}. */
    public static MetricCatalog of(MetricDescriptor... descriptors) {
        return of(List.of(descriptors));
    }

    /**
     * @return a catalog of what an exposition shows: its families with the series names Prometheus stores for them
     *     (a text-format counter without {@code _total} keeps its name), their label names and the label values
     *     seen, so matchers that can never match are found; accepts the target labels {@code job} and
     *     {@code instance}
     */
    public static MetricCatalog from(Exposition exposition) {
        List<MetricDescriptor> ds = new ArrayList<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> vals = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (MetricFamily f : exposition.families()) {
            MetricDescriptor d = MetricDescriptor.from(f);
            ds.add(d);
            if (f.samples().isEmpty()) {
                unknown.add(d.name());
            } else {
                Set<String> n = new LinkedHashSet<>();
                Map<String, Set<String>> v = new LinkedHashMap<>();
                for (String l : d.labelNames()) {
                    v.put(l, new TreeSet<>());
                }
                for (Sample sample : f.samples()) {
                    n.add(sample.name());
                    for (String l : d.labelNames()) {
                        v.get(l).add(sample.labels().get(l).orElse(""));
                    }
                }
                names.merge(d.name(), List.copyOf(n), MetricCatalog::union);
                Map<String, Set<String>> frozen = new LinkedHashMap<>();
                v.forEach((k, x) -> frozen.put(k, Set.copyOf(x)));
                vals.merge(d.name(), frozen, MetricCatalog::unionValues);
            }
        }
        return new MetricCatalog(List.copyOf(ds), names, vals, unknown, List.of("instance", "job"));
    }

    /**
     * @return {@link #from(Exposition)} of {@code text}, read as OpenMetrics when a line is {@code # EOF} (which
     *     OpenMetrics requires last), else as the text format 0.0.4
     * @throws io.monitoringkit.exposition.ExpositionParseException when the text is not an exposition
     */
    public static MetricCatalog fromExposition(String text) {
        boolean openMetrics = text.lines().anyMatch(l -> l.equals("# EOF"));
        return from(io.monitoringkit.exposition.ExpositionParser.parse(text, openMetrics
                ? io.monitoringkit.exposition.ExpositionFormat.OPENMETRICS
                : io.monitoringkit.exposition.ExpositionFormat.PROMETHEUS_TEXT));
    }

    /**
     * @return every family of both catalogs (a family in both gets the union of their label names, series names
     *     and values seen; values are unknown when one side does not know them) and the target labels of both
     */
    public MetricCatalog plus(MetricCatalog other) {
        Map<String, MetricDescriptor> ds = new LinkedHashMap<>();
        for (MetricDescriptor d : descriptors) {
            ds.put(d.name(), d);
        }
        for (MetricDescriptor d : other.descriptors) {
            ds.merge(d.name(), d, (a, b) -> {
                Set<String> labels = new LinkedHashSet<>(a.labelNames());
                labels.addAll(b.labelNames());
                return a.withLabelNames(labels.toArray(new String[0]));
            });
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> vals = new LinkedHashMap<>();
        for (String family : ds.keySet()) {
            List<String> a = names(family);
            List<String> b = other.names(family);
            names.put(family, a == null ? b : b == null ? a : union(a, b));
            Map<String, Set<String>> va = values.get(family);
            Map<String, Set<String>> vb = other.values.get(family);
            boolean inA = descriptors.stream().anyMatch(d -> d.name().equals(family));
            boolean inB = other.descriptors.stream().anyMatch(d -> d.name().equals(family));
            if (inA && inB) {
                if (va != null && vb != null) {
                    vals.put(family, unionValues(va, vb));
                }
            } else if (va != null || vb != null) {
                vals.put(family, va != null ? va : vb);
            }
        }
        names.values().removeIf(java.util.Objects::isNull);
        Set<String> unknown = new LinkedHashSet<>();
        for (String family : ds.keySet()) {
            boolean knownInA = descriptors.stream().anyMatch(d -> d.name().equals(family))
                    && !labelsUnknown.contains(family);
            boolean knownInB = other.descriptors.stream().anyMatch(d -> d.name().equals(family))
                    && !other.labelsUnknown.contains(family);
            if (!knownInA && !knownInB) {
                unknown.add(family);
            }
        }
        TreeSet<String> targets = new TreeSet<>(targetLabels);
        targets.addAll(other.targetLabels);
        return new MetricCatalog(List.copyOf(ds.values()), names, vals, unknown, List.copyOf(targets));
    }

    /** @return the union of these catalogs, as {@link #plus(MetricCatalog)} combines two. */
    public static MetricCatalog combine(MetricCatalog... catalogs) {
        MetricCatalog all = of();
        for (MetricCatalog c : catalogs) {
            all = all.plus(c);
        }
        return all;
    }

    private List<String> names(String family) {
        if (exposedNames.containsKey(family)) {
            return exposedNames.get(family);
        }
        return descriptors.stream().filter(d -> d.name().equals(family)).findFirst()
                .map(MetricDescriptor::seriesNames).orElse(null);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static Map<String, Set<String>> unionValues(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Set<String> labels = new LinkedHashSet<>(a.keySet());
        labels.addAll(b.keySet());
        for (String l : labels) {
            Set<String> v = new TreeSet<>(a.getOrDefault(l, Set.of("")));
            v.addAll(b.getOrDefault(l, Set.of("")));
            out.put(l, Set.copyOf(v));
        }
        return out;
    }

    /** @return the names of every series the catalog's metrics have in Prometheus, sorted. */
    public Set<String> seriesNames() {
        return java.util.Collections.unmodifiableSet(exposed.keySet());
    }

    /** @return whether Prometheus stores series of this name for a metric of the catalog. */
    public boolean exposes(String seriesName) {
        return exposed.containsKey(seriesName);
    }

    /**
     * @return the label names series of this name carry — the metric's, plus {@code le} on a histogram's
     *     {@code _bucket} series and {@code quantile} on a summary's quantile series, without target labels — when
     *     the catalog exposes the name
     */
    public Optional<List<String>> labelNamesOf(String seriesName) {
        Series x = exposed.get(seriesName);
        if (x == null) {
            return Optional.empty();
        }
        MetricDescriptor d = x.descriptor();
        List<String> out = new ArrayList<>(d.labelNames());
        boolean histogram = d.type() == MetricType.HISTOGRAM || d.type() == MetricType.GAUGE_HISTOGRAM;
        if (histogram && x.suffix().equals("_bucket")) {
            out.add("le");
        } else if (d.type() == MetricType.SUMMARY && x.suffix().isEmpty()) {
            out.add("quantile");
        }
        return Optional.of(List.copyOf(out));
    }

    /**
     * @return whether the label names of the metric of {@code seriesName} are known (false for a family an
     *     exposition showed without samples, e.g. a labelled metric no child of which exists yet)
     */
    public boolean knowsLabelsOf(String seriesName) {
        return descriptorOf(seriesName).map(d -> !labelsUnknown.contains(d.name())).orElse(false);
    }

    /**
     * @return what follows the family name in {@code seriesName} ({@code _bucket}, {@code _total}, or {@code ""}),
     *     when the catalog exposes the name
     */
    public Optional<String> suffixOf(String seriesName) {
        return Optional.ofNullable(exposed.get(seriesName)).map(Series::suffix);
    }

    /** @return the target labels accepted on every metric ({@code job}, {@code instance} and those added). */
    public List<String> targetLabels() {
        return targetLabels;
    }

    /**
     * @return the values label {@code label} was seen with on the family of {@code seriesName} ({@code ""} when
     *     some series lacks it), when the catalog was built from samples; empty when unknown
     */
    public Optional<Set<String>> labelValues(String seriesName, String label) {
        Series x = series.get(seriesName);
        if (x == null) {
            return Optional.empty();
        }
        Map<String, Set<String>> v = values.get(x.descriptor().name());
        return v == null ? Optional.empty() : Optional.ofNullable(v.get(label));
    }

    /** @return a copy that also accepts these labels, which the scrape adds (e.g. {@code namespace}, {@code pod}). */
    public MetricCatalog withTargetLabels(String... labels) {
        TreeSet<String> all = new TreeSet<>(targetLabels);
        for (String l : labels) {
            all.add(Names.requireLegacyLabelName(l));
        }
        return new MetricCatalog(descriptors, exposedNames, values, labelsUnknown, List.copyOf(all));
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
