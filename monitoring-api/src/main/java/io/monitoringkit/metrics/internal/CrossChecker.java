package io.monitoringkit.metrics.internal;

import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.CrossCheck.Check;
import io.monitoringkit.metrics.CrossCheckFinding;
import io.monitoringkit.metrics.CrossCheckReport;
import io.monitoringkit.metrics.ExpressionSource;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.metrics.MetricDescriptor;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.AggregateOp;
import io.monitoringkit.promql.Aggregation;
import io.monitoringkit.promql.BinaryOp;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ExprVisitor;
import io.monitoringkit.promql.Grouping;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatchOp;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.NumberLiteral;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.RangeParen;
import io.monitoringkit.promql.ScalarBinary;
import io.monitoringkit.promql.ScalarCall;
import io.monitoringkit.promql.ScalarParen;
import io.monitoringkit.promql.ScalarUnary;
import io.monitoringkit.promql.StringLiteral;
import io.monitoringkit.promql.StringParen;
import io.monitoringkit.promql.Subquery;
import io.monitoringkit.promql.ValueType;
import io.monitoringkit.promql.VectorBinary;
import io.monitoringkit.promql.VectorCall;
import io.monitoringkit.promql.VectorMatching;
import io.monitoringkit.promql.VectorParen;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.promql.VectorUnary;
import io.monitoringkit.promql.internal.SourceMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine behind {@link CrossCheck}: parses every source with positions, resolves recording rules (the labels
 * each recorded series keeps, through chains of rules) and walks every expression. Not thread-safe; one per run.
 *
 * <pre>{@code
 * CrossCheckReport r = CrossChecker.run(CrossCheck.against(catalog), sources);   // use CrossCheck.check
 * }</pre>
 */
public final class CrossChecker {

    /** The series Prometheus adds for every target, with the target labels only. */
    private static final Set<String> PER_TARGET = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added", "scrape_timeout_seconds",
            "scrape_sample_limit", "scrape_body_size_bytes");
    /** Series Prometheus writes for alerting rules, with the alerts' labels. */
    private static final Set<String> ALERT_SERIES = Set.of("ALERTS", "ALERTS_FOR_STATE");
    private static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate", "increase", "resets");
    private static final Set<String> GAUGE_FUNCTIONS = Set.of("deriv", "delta", "idelta", "predict_linear",
            "holt_winters", "double_exponential_smoothing");
    private static final Set<AggregateOp> KEEPING_LABELS =
            Set.of(AggregateOp.TOPK, AggregateOp.BOTTOMK, AggregateOp.LIMITK, AggregateOp.LIMIT_RATIO);
    private static final int MAX_VALUES_SHOWN = 10;

    /** Label names an expression's series may carry; {@code open} when there may be others we cannot know. */
    record LabelSet(Set<String> names, boolean open) {
        static final LabelSet NONE = new LabelSet(Set.of(), false);
        static final LabelSet UNKNOWN = new LabelSet(Set.of(), true);

        LabelSet {
            names = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names));
        }

        static LabelSet closed(Iterable<String> names) {
            Set<String> s = new TreeSet<>();
            names.forEach(s::add);
            return new LabelSet(s, false);
        }

        LabelSet plus(Iterable<String> more) {
            Set<String> s = new TreeSet<>(names);
            more.forEach(s::add);
            return new LabelSet(s, open);
        }

        LabelSet minus(Iterable<String> less) {
            Set<String> s = new TreeSet<>(names);
            less.forEach(s::remove);
            return new LabelSet(s, open);
        }

        LabelSet only(List<String> keep) {
            if (open) {
                return closed(keep);
            }
            Set<String> s = new TreeSet<>(names);
            s.retainAll(keep);
            return new LabelSet(s, false);
        }

        LabelSet union(LabelSet o) {
            return plus(o.names).withOpen(open || o.open);
        }

        LabelSet withOpen(boolean o) {
            return new LabelSet(names, o);
        }

        String describe() {
            return names.isEmpty() ? "it has no labels" : "its labels are " + String.join(", ", new TreeSet<>(names));
        }
    }

    private record Parsed(int index, ExpressionSource source, SourceMap map) {
    }

    private record Found(int sourceIndex, int line, int column, CrossCheckFinding finding) {
    }

    private final CrossCheck config;
    private final MetricCatalog catalog;
    private final Map<String, List<Parsed>> recordings = new LinkedHashMap<>();
    private final Map<String, LabelSet> recorded = new LinkedHashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final List<Found> found = new ArrayList<>();

    private CrossChecker(CrossCheck config) {
        this.config = config;
        this.catalog = config.catalog();
    }

    /** @return the report of checking {@code sources} with {@code config}. */
    public static CrossCheckReport run(CrossCheck config, List<ExpressionSource> sources) {
        CrossChecker c = new CrossChecker(config);
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ExpressionSource s = sources.get(i);
            try {
                Parsed p = new Parsed(i, s, SourceMap.parse(s.parsedText(), ParseOptions.defaults()
                        .withExperimentalFunctions(true)));
                parsed.add(p);
                s.record().ifPresent(r -> c.recordings.computeIfAbsent(r, k -> new ArrayList<>()).add(p));
            } catch (PromQLParseException e) {
                int offset = offsetOf(s.parsedText(), e.line(), e.column());
                Parsed failed = new Parsed(i, s, null);
                c.report(failed, offset, Check.PARSE_ERROR, "does not parse: " + e.reason());
                s.record().ifPresent(r -> c.recordings.computeIfAbsent(r, k -> new ArrayList<>()).add(failed));
            }
        }
        for (Parsed p : parsed) {
            c.walk(p);
        }
        List<Found> all = new ArrayList<>(c.found);
        all.sort(Comparator.comparing((Found f) -> f.finding().artifact()).thenComparingInt(Found::sourceIndex)
                .thenComparingInt(Found::line).thenComparingInt(Found::column)
                .thenComparing(f -> f.finding().check()).thenComparing(f -> f.finding().message()));
        List<CrossCheckFinding> out = new ArrayList<>();
        Set<CrossCheckFinding> seen = new HashSet<>();
        for (Found f : all) {
            if (seen.add(f.finding())) {
                out.add(f.finding());
            }
        }
        Map<String, java.util.SortedSet<String>> recordedLabels = new java.util.TreeMap<>();
        for (String name : c.recordings.keySet()) {
            LabelSet l = c.recordedLabels(name);
            if (!l.open()) {
                recordedLabels.put(name, new TreeSet<>(l.names()));
            }
        }
        return new CrossCheckReport(out, sources.size(), recordedLabels);
    }

    private static int offsetOf(String text, int line, int column) {
        int l = 1;
        int i = 0;
        while (i < text.length() && l < line) {
            if (text.charAt(i) == '\n') {
                l++;
            }
            i++;
        }
        return Math.min(text.length(), i + Math.max(0, column - 1));
    }

    private void report(Parsed p, int parsedOffset, Check check, String message) {
        if (!config.enabled(check)) {
            return;
        }
        ExpressionSource s = p.source();
        int[] lc = SourceMap.lineColumn(s.text(), s.originalOffset(Math.max(0, parsedOffset)));
        found.add(new Found(p.index(), lc[0], lc[1], new CrossCheckFinding(config.severityOf(check), s.artifact(),
                s.location(), lc[0], lc[1], check.id(), message)));
    }

    // ---- the walk ----

    private void walk(Parsed p) {
        SourceMap map = p.map();
        map.expr().accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
            @Override
            public Void visit(VectorSelector s) {
                checkSelector(p, s);
                return null;
            }

            @Override
            public Void visit(VectorCall c) {
                checkCall(p, c);
                return super.visit(c);
            }

            @Override
            public Void visit(Aggregation a) {
                checkGrouping(p, a);
                return super.visit(a);
            }
        });
    }

    /** @return the metric name when it can be checked: set, not from a template variable, not allowed. */
    private Optional<String> checkedName(Parsed p, VectorSelector s) {
        Optional<String> name = s.metricName();
        if (name.isEmpty() || config.allows(name.get())) {
            return Optional.empty();
        }
        int start = p.map().start(s);
        if (p.source().substituted(start, start + name.get().length())) {
            return Optional.empty();
        }
        for (LabelMatcher m : s.matchers()) {
            if (m.name().equals(Names.METRIC_NAME_LABEL) && tokenSubstituted(p, m)) {
                return Optional.empty();
            }
        }
        return name;
    }

    private boolean tokenSubstituted(Parsed p, LabelMatcher m) {
        int v = p.map().valueStart(m);
        return v < 0 || p.source().substituted(v, stringEnd(p.map().text(), v));
    }

    private static int stringEnd(String text, int start) {
        if (start >= text.length()) {
            return start;
        }
        char q = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && q != '`') {
                i += 2;
                continue;
            }
            if (c == q) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private void checkSelector(Parsed p, VectorSelector s) {
        Optional<String> checked = checkedName(p, s);
        if (checked.isEmpty()) {
            return;
        }
        String name = checked.get();
        int at = p.map().start(s);
        if (recordings.containsKey(name)) {
            LabelSet labels = recordedLabels(name);
            if (!labels.open()) {
                for (LabelMatcher m : s.matchers()) {
                    if (!m.name().equals(Names.METRIC_NAME_LABEL) && !labels.names().contains(m.name())
                            && !labelSubstituted(p, m)) {
                        Parsed def = recordings.get(name).get(0);
                        report(p, pos(p, m, at), Check.UNKNOWN_LABEL, "recorded series \"" + name
                                + "\" has no label \"" + m.name() + "\"; " + labels.describe() + " (recorded by "
                                + def.source().location().replaceFirst(", expr$", "") + " in "
                                + def.source().artifact() + ")");
                    }
                }
            }
            return;
        }
        if (PER_TARGET.contains(name)) {
            for (LabelMatcher m : s.matchers()) {
                if (!m.name().equals(Names.METRIC_NAME_LABEL) && !catalog.targetLabels().contains(m.name())
                        && !labelSubstituted(p, m)) {
                    report(p, pos(p, m, at), Check.UNKNOWN_LABEL, "\"" + name + "\" (a series Prometheus adds for "
                            + "every target) has no label \"" + m.name() + "\"; its labels are the target labels "
                            + String.join(", ", catalog.targetLabels()));
                }
            }
            return;
        }
        if (ALERT_SERIES.contains(name)) {
            return;
        }
        Optional<List<String>> labelNames = catalog.labelNamesOf(name);
        if (labelNames.isEmpty()) {
            unknownMetric(p, at, name);
            return;
        }
        MetricDescriptor d = catalog.descriptorOf(name).orElseThrow();
        if (!catalog.knowsLabelsOf(name)) {
            return;
        }
        for (LabelMatcher m : s.matchers()) {
            String l = m.name();
            if (l.equals(Names.METRIC_NAME_LABEL) || labelSubstituted(p, m)) {
                continue;
            }
            if (!labelNames.get().contains(l) && !catalog.targetLabels().contains(l)) {
                report(p, pos(p, m, at), Check.UNKNOWN_LABEL, "metric \"" + name + "\" has no label \"" + l + "\"; "
                        + (labelNames.get().isEmpty() ? "it has no labels of its own"
                        : "its labels are " + String.join(", ", labelNames.get()))
                        + ", and the target labels " + String.join(", ", catalog.targetLabels()));
                continue;
            }
            Optional<Set<String>> values = catalog.labelValues(name, l);
            if (values.isPresent() && !tokenSubstituted(p, m) && values.get().stream().noneMatch(m::matches)) {
                int v = p.map().valueStart(m);
                report(p, v >= 0 ? v : pos(p, m, at), Check.VALUE_NEVER_MATCHES, m + " matches no value of label \""
                        + l + "\" of \"" + d.name() + "\" in the catalog; the values seen are " + values(values.get()));
            }
        }
    }

    private boolean labelSubstituted(Parsed p, LabelMatcher m) {
        int l = p.map().start(m);
        return l >= 0 && p.source().substituted(l, l + m.name().length());
    }

    private static int pos(Parsed p, LabelMatcher m, int fallback) {
        int s = p.map().start(m);
        return s >= 0 ? s : fallback;
    }

    private static String values(Set<String> values) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(values));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size() && i < MAX_VALUES_SHOWN; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String v = sorted.get(i);
            sb.append(v.isEmpty() ? "\"\" (absent)" : "\"" + v + "\"");
        }
        if (sorted.size() > MAX_VALUES_SHOWN) {
            sb.append(" and ").append(sorted.size() - MAX_VALUES_SHOWN).append(" more");
        }
        return sb.toString();
    }

    private void unknownMetric(Parsed p, int at, String name) {
        Optional<MetricDescriptor> family = catalog.descriptorOf(name);
        if (family.isPresent()) {
            MetricDescriptor d = family.get();
            List<String> series = catalog.seriesNames().stream().filter(n -> catalog.descriptorOf(n)
                    .map(x -> x.name().equals(d.name())).orElse(false)).toList();
            if (d.type() == MetricType.COUNTER && series.contains(name + "_total")) {
                report(p, at, Check.COUNTER_WITHOUT_TOTAL, "counter \"" + d.name() + "\" is stored as \"" + name
                        + "_total\": Prometheus has no series \"" + name + "\"");
                return;
            }
            boolean nativeName = name.equals(d.name())
                    && (d.type() == MetricType.HISTOGRAM || d.type() == MetricType.GAUGE_HISTOGRAM);
            report(p, at, Check.UNKNOWN_METRIC, kind(d.type()) + " \"" + d.name() + "\" has no series named \""
                    + name + "\"" + (nativeName ? " (a native histogram would; the catalog shows a classic one)" : "")
                    + "; its series are " + String.join(", ", series));
            return;
        }
        if (catalog.exposes(name + "_total") && catalog.descriptorOf(name + "_total")
                .map(x -> x.type() == MetricType.COUNTER).orElse(false)) {
            report(p, at, Check.COUNTER_WITHOUT_TOTAL, "counter \"" + name + "_total\" is stored with its _total "
                    + "suffix: Prometheus has no series \"" + name + "\"");
            return;
        }
        Set<String> candidates = new TreeSet<>(catalog.seriesNames());
        candidates.addAll(recordings.keySet());
        candidates.addAll(config.allowedNames());
        candidates.addAll(PER_TARGET);
        List<String> near = Nearest.names(name, candidates, 3);
        report(p, at, Check.UNKNOWN_METRIC, "metric \"" + name + "\" is not in the catalog"
                + (near.isEmpty() ? "; no similar name among its " + catalog.seriesNames().size() + " series names"
                : "; nearest names: " + String.join(", ", near)));
    }

    private static String kind(MetricType t) {
        return switch (t) {
            case GAUGE_HISTOGRAM -> "gauge histogram";
            case UNKNOWN -> "untyped metric";
            case INFO -> "info metric";
            default -> t.openMetricsName();
        };
    }

    // ---- functions ----

    private void checkCall(Parsed p, VectorCall c) {
        String f = c.function().name();
        int at = p.map().start(c);
        if (RATE_FUNCTIONS.contains(f) && !c.args().isEmpty()) {
            selectorOf(c.args().get(0)).flatMap(s -> checkedName(p, s)).ifPresent(name -> {
                Optional<MetricDescriptor> d = catalog.labelNamesOf(name).flatMap(x -> catalog.descriptorOf(name));
                if (d.isPresent() && !recordings.containsKey(name)) {
                    String suffix = catalog.suffixOf(name).orElse("");
                    String problem = nonCounter(d.get(), suffix, name);
                    if (problem != null) {
                        report(p, at, Check.RATE_OVER_NON_COUNTER, f + "() needs a counter, but " + problem);
                    }
                }
            });
        } else if (GAUGE_FUNCTIONS.contains(f) && !c.args().isEmpty()) {
            selectorOf(c.args().get(0)).flatMap(s -> checkedName(p, s)).ifPresent(name -> {
                Optional<MetricDescriptor> d = catalog.labelNamesOf(name).flatMap(x -> catalog.descriptorOf(name));
                if (d.isPresent() && !recordings.containsKey(name)
                        && isCounterSeries(d.get(), catalog.suffixOf(name).orElse(""))) {
                    report(p, at, Check.GAUGE_FUNCTION_OVER_COUNTER, f + "() is meant for gauges, but \"" + name
                            + "\" is a counter (its resets look like drops); use rate() or increase()");
                }
            });
        } else if (f.equals("histogram_quantile") && c.args().size() == 2) {
            checkHistogramQuantile(p, c, at);
        }
    }

    private static Optional<VectorSelector> selectorOf(Expr arg) {
        Expr a = arg;
        while (a instanceof RangeParen r) {
            a = r.expr();
        }
        return a instanceof MatrixSelector m ? Optional.of(m.selector()) : Optional.empty();
    }

    /** @return why the series is not a counter, or null when it is one (or its type is unknown). */
    private static String nonCounter(MetricDescriptor d, String suffix, String name) {
        if (suffix.equals("_created")) {
            return "\"" + name + "\" holds the creation time of " + kind(d.type()) + " \"" + d.name() + "\"";
        }
        return switch (d.type()) {
            case COUNTER, UNKNOWN -> null;
            case HISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_count") || suffix.equals("_sum") ? null
                    : "\"" + name + "\" is not a counter series of histogram \"" + d.name() + "\"";
            case SUMMARY -> suffix.equals("_count") || suffix.equals("_sum") ? null
                    : "\"" + name + "\" holds the quantiles of summary \"" + d.name() + "\"; use " + d.name()
                    + "_count or " + d.name() + "_sum";
            case GAUGE -> "\"" + name + "\" is a gauge; use deriv() or delta() over a gauge";
            default -> "\"" + name + "\" is " + (d.type() == MetricType.INFO ? "an " : "a ") + kind(d.type());
        };
    }

    private static boolean isCounterSeries(MetricDescriptor d, String suffix) {
        return switch (d.type()) {
            case COUNTER -> suffix.isEmpty() || suffix.equals("_total");
            case HISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_count") || suffix.equals("_sum");
            case SUMMARY -> suffix.equals("_count") || suffix.equals("_sum");
            default -> false;
        };
    }

    private void checkHistogramQuantile(Parsed p, VectorCall c, int at) {
        Expr arg = c.args().get(1);
        boolean reported = false;
        for (VectorSelector s : principalSelectors(arg)) {
            Optional<String> name = checkedName(p, s);
            if (name.isEmpty() || recordings.containsKey(name.get())) {
                continue;
            }
            Optional<MetricDescriptor> d = catalog.labelNamesOf(name.get()).flatMap(x -> catalog.descriptorOf(
                    name.get()));
            if (d.isEmpty()) {
                continue;
            }
            boolean histogram = d.get().type() == MetricType.HISTOGRAM
                    || d.get().type() == MetricType.GAUGE_HISTOGRAM;
            if (!histogram || !catalog.suffixOf(name.get()).orElse("").equals("_bucket")) {
                report(p, p.map().start(s), Check.HISTOGRAM_QUANTILE, "histogram_quantile() needs the _bucket series"
                        + " of a histogram, with their \"le\" label; \"" + name.get() + "\" is " + (histogram
                        ? "not the _bucket series of histogram \"" + d.get().name() + "\""
                        : "a series of " + kind(d.get().type()) + " \"" + d.get().name() + "\""));
                reported = true;
            }
        }
        if (reported) {
            return;
        }
        LabelSet labels = infer(arg);
        if (!labels.open() && !labels.names().contains("le")) {
            report(p, at, Check.HISTOGRAM_QUANTILE, "histogram_quantile() needs the \"le\" label of histogram "
                    + "buckets, but its argument " + (labels.names().isEmpty() ? "keeps no labels"
                    : "keeps only " + String.join(", ", labels.names())) + "; keep le in every aggregation, e.g. "
                    + "sum by (le, ...)");
        }
    }

    /** The selectors whose series flow into the result (not those only matched against or used as scalars). */
    private static List<VectorSelector> principalSelectors(Expr e) {
        List<VectorSelector> out = new ArrayList<>();
        principal(e, out);
        return out;
    }

    private static void principal(Expr e, List<VectorSelector> out) {
        if (e instanceof VectorSelector s) {
            out.add(s);
        } else if (e instanceof MatrixSelector m) {
            out.add(m.selector());
        } else if (e instanceof VectorParen v) {
            principal(v.expr(), out);
        } else if (e instanceof RangeParen r) {
            principal(r.expr(), out);
        } else if (e instanceof Subquery s) {
            principal(s.expr(), out);
        } else if (e instanceof VectorUnary u) {
            principal(u.expr(), out);
        } else if (e instanceof Aggregation a) {
            principal(a.expr(), out);
        } else if (e instanceof VectorCall c) {
            if (c.function().name().equals("histogram_quantile") || c.function().name().startsWith("absent")) {
                return;
            }
            for (Expr a : c.args()) {
                if (a.type() == ValueType.VECTOR || a.type() == ValueType.MATRIX) {
                    principal(a, out);
                    return;
                }
            }
        } else if (e instanceof VectorBinary b) {
            boolean l = b.lhs().type() == ValueType.VECTOR;
            boolean r = b.rhs().type() == ValueType.VECTOR;
            if (l && !r) {
                principal(b.lhs(), out);
            } else if (r && !l) {
                principal(b.rhs(), out);
            } else if (b.op() == BinaryOp.OR) {
                principal(b.lhs(), out);
                principal(b.rhs(), out);
            } else if (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS) {
                principal(b.lhs(), out);
            }
        }
    }

    private void checkGrouping(Parsed p, Aggregation a) {
        if (a.grouping().kind() != Grouping.Kind.BY) {
            return;
        }
        LabelSet in = infer(a.expr());
        if (in.open()) {
            return;
        }
        List<String> fromVariables = p.source().replacementTexts();
        for (String l : a.grouping().labels()) {
            if (!in.names().contains(l) && !fromVariables.contains(l) && !l.equals(Names.METRIC_NAME_LABEL)) {
                report(p, p.map().start(a), Check.UNKNOWN_LABEL, a.op().promqlName() + " by (" + String.join(", ",
                        a.grouping().labels()) + "): its argument has no label \"" + l + "\"; " + in.describe());
            }
        }
    }

    // ---- label inference ----

    private LabelSet recordedLabels(String name) {
        LabelSet known = recorded.get(name);
        if (known != null) {
            return known;
        }
        if (!resolving.add(name)) {
            return LabelSet.UNKNOWN; // a cycle: Prometheus would evaluate it, but we cannot know its labels
        }
        LabelSet result = null;
        for (Parsed def : recordings.get(name)) {
            LabelSet l = def.map() == null ? LabelSet.UNKNOWN : infer(def.map().expr()).plus(def.source().recordLabels().keySet());
            result = result == null ? l : result.union(l);
        }
        resolving.remove(name);
        recorded.put(name, result);
        return result;
    }

    private LabelSet selectorLabels(VectorSelector s) {
        Optional<String> name = s.metricName();
        if (name.isEmpty() || config.allows(name.get()) || ALERT_SERIES.contains(name.get())) {
            return LabelSet.UNKNOWN;
        }
        if (recordings.containsKey(name.get())) {
            return recordedLabels(name.get());
        }
        if (PER_TARGET.contains(name.get())) {
            return LabelSet.closed(catalog.targetLabels());
        }
        if (!catalog.knowsLabelsOf(name.get())) {
            return LabelSet.UNKNOWN;
        }
        return catalog.labelNamesOf(name.get()).map(l -> LabelSet.closed(l).plus(catalog.targetLabels()))
                .orElse(LabelSet.UNKNOWN);
    }

    LabelSet infer(Expr e) {
        return e.accept(inference);
    }

    private final ExprVisitor<LabelSet> inference = new ExprVisitor<>() {
        @Override
        public LabelSet visit(NumberLiteral e) {
            return LabelSet.NONE;
        }

        @Override
        public LabelSet visit(StringLiteral e) {
            return LabelSet.NONE;
        }

        @Override
        public LabelSet visit(VectorSelector e) {
            return selectorLabels(e);
        }

        @Override
        public LabelSet visit(MatrixSelector e) {
            return selectorLabels(e.selector());
        }

        @Override
        public LabelSet visit(Subquery e) {
            return infer(e.expr());
        }

        @Override
        public LabelSet visit(VectorCall e) {
            String f = e.function().name();
            List<Expr> args = e.args();
            switch (f) {
                case "label_replace", "label_join" -> {
                    LabelSet in = infer(args.get(0));
                    return stringArg(args, 1).map(dst -> in.plus(List.of(dst))).orElse(in.withOpen(true));
                }
                case "absent", "absent_over_time" -> {
                    List<String> eq = new ArrayList<>();
                    selectorOf(args.get(0)).or(() -> args.get(0) instanceof VectorSelector v ? Optional.of(v)
                            : Optional.empty()).ifPresent(s -> s.matchers().stream()
                            .filter(m -> m.op() == MatchOp.EQUAL && !m.name().equals(Names.METRIC_NAME_LABEL))
                            .forEach(m -> eq.add(m.name())));
                    return LabelSet.closed(eq);
                }
                case "vector" -> {
                    return LabelSet.NONE;
                }
                case "histogram_quantile" -> {
                    return infer(args.get(1)).minus(List.of("le"));
                }
                case "info" -> {
                    return LabelSet.UNKNOWN;
                }
                default -> {
                    for (Expr a : args) {
                        if (a.type() == ValueType.VECTOR || a.type() == ValueType.MATRIX) {
                            return infer(a);
                        }
                    }
                    return LabelSet.NONE;
                }
            }
        }

        @Override
        public LabelSet visit(ScalarCall e) {
            return LabelSet.NONE;
        }

        @Override
        public LabelSet visit(Aggregation e) {
            LabelSet in = infer(e.expr());
            if (KEEPING_LABELS.contains(e.op())) {
                return in;
            }
            Grouping g = e.grouping();
            LabelSet out = switch (g.kind()) {
                case BY -> in.only(g.labels());
                case WITHOUT -> in.minus(g.labels());
                default -> LabelSet.NONE;
            };
            if (e.op() == AggregateOp.COUNT_VALUES) {
                Optional<String> label = e.param().flatMap(CrossChecker::stringOf);
                return label.isPresent() ? out.plus(List.of(label.get())) : out.withOpen(true);
            }
            return out;
        }

        @Override
        public LabelSet visit(VectorBinary e) {
            boolean l = e.lhs().type() == ValueType.VECTOR;
            boolean r = e.rhs().type() == ValueType.VECTOR;
            if (!l) {
                return infer(e.rhs());
            }
            if (!r) {
                return infer(e.lhs());
            }
            if (e.op() == BinaryOp.OR) {
                return infer(e.lhs()).union(infer(e.rhs()));
            }
            if (e.op() == BinaryOp.AND || e.op() == BinaryOp.UNLESS) {
                return infer(e.lhs());
            }
            VectorMatching m = e.matching();
            return switch (m.cardinality()) {
                case ONE_TO_ONE -> m.on() ? infer(e.lhs()).only(m.labels()) : infer(e.lhs()).minus(m.labels());
                case MANY_TO_ONE -> infer(e.lhs()).plus(m.include());
                case ONE_TO_MANY -> infer(e.rhs()).plus(m.include());
            };
        }

        @Override
        public LabelSet visit(ScalarBinary e) {
            return LabelSet.NONE;
        }

        @Override
        public LabelSet visit(VectorUnary e) {
            return infer(e.expr());
        }

        @Override
        public LabelSet visit(ScalarUnary e) {
            return LabelSet.NONE;
        }

        @Override
        public LabelSet visit(VectorParen e) {
            return infer(e.expr());
        }

        @Override
        public LabelSet visit(RangeParen e) {
            return infer(e.expr());
        }

        @Override
        public LabelSet visit(ScalarParen e) {
            return LabelSet.NONE;
        }

        @Override
        public LabelSet visit(StringParen e) {
            return LabelSet.NONE;
        }
    };

    private static Optional<String> stringArg(List<Expr> args, int i) {
        return i < args.size() ? stringOf(args.get(i)) : Optional.empty();
    }

    private static Optional<String> stringOf(Expr e) {
        Expr x = e;
        while (x instanceof StringParen p) {
            x = p.expr();
        }
        return x instanceof StringLiteral s ? Optional.of(s.value()) : Optional.empty();
    }
}
