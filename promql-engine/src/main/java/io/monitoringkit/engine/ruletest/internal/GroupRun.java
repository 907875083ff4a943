package io.monitoringkit.engine.ruletest.internal;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.engine.internal.SeriesNotation;
import io.monitoringkit.engine.internal.rules.RuleAccess;
import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.AlertState;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.engine.rules.RuleEvaluator;
import io.monitoringkit.engine.ruletest.RuleTestFailure;
import io.monitoringkit.engine.ruletest.RuleTestFailure.AlertSnapshot;
import io.monitoringkit.engine.ruletest.RuleTestFailure.SampleSnapshot;
import io.monitoringkit.engine.ruletest.RuleTestFile;
import io.monitoringkit.engine.ruletest.RuleTestFile.AlertRuleTest;
import io.monitoringkit.engine.ruletest.RuleTestFile.ExpectedAlert;
import io.monitoringkit.engine.ruletest.RuleTestFile.ExpectedSample;
import io.monitoringkit.engine.ruletest.RuleTestFile.InputSeries;
import io.monitoringkit.engine.ruletest.RuleTestFile.PromqlExprTest;
import io.monitoringkit.engine.ruletest.RuleTestFile.TestGroup;
import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.query.QueryException;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.RuleGroup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One test group of a rule test file, run as promtool runs it ({@code cmd/promtool/unittest.go}): input series
 * appended step by step (only samples up to the evaluation time are visible, as with promtool's lazy loader), every
 * rule group evaluated at each multiple of the evaluation interval up to the latest {@code eval_time}, alert checks
 * at the step at or before their time, a rule error ending the group, PromQL checks after the last step.
 */
public final class GroupRun {

    /** Prometheus' test engine (promqltest's lazy loader) limits queries to this many samples. */
    public static final long PROMTOOL_MAX_SAMPLES = 10_000;

    private final RuleTestFile file;
    private final int index;
    private final TestGroup tg;
    private final RuleFileCache.Loaded rules;
    private final Map<String, Integer> evalOrder;
    private final Function<String, Optional<String>> locator;
    private final boolean prefetch;

    /**
     * @param file the test file
     * @param index the test group's index
     * @param rules the file's rules
     * @param evalOrder group name to position in {@code group_eval_order}
     * @param locator field path to {@code FILE:LINE:COLUMN}
     * @param prefetch whether to evaluate input-only rule expressions ahead as range queries ({@link Prefetch})
     */
    public GroupRun(RuleTestFile file, int index, RuleFileCache.Loaded rules, Map<String, Integer> evalOrder,
                    Function<String, Optional<String>> locator, boolean prefetch) {
        this.prefetch = prefetch;
        this.file = file;
        this.index = index;
        this.tg = file.tests().get(index);
        this.rules = rules;
        this.evalOrder = evalOrder;
        this.locator = locator;
    }

    private record Loading(Labels labels, long[] ts, double[] vs) {
    }

    /** @return the failures, in promtool's order. */
    public List<RuleTestFailure> run() {
        long mint = tg.startTimestamp().toEpochMilli();
        long interval = tg.interval().millis() == 0 ? file.evaluationInterval().millis() : tg.interval().millis();
        long evalInterval = file.evaluationInterval().millis();

        // 1. input series (promtool: NewLazyLoader fails with the first problem)
        Map<Labels, Loading> series = new LinkedHashMap<>();
        for (int i = 0; i < tg.inputSeries().size(); i++) {
            InputSeries s = tg.inputSeries().get(i);
            String path = "tests[" + index + "].input_series[" + i + "]";
            Labels labels;
            double[] values;
            try {
                labels = SeriesNotation.parseDescription(s.series());
            } catch (IllegalArgumentException e) {
                return List.of(error(path + ".series", e.getMessage()));
            }
            if (labels.isEmpty()) {
                return List.of(error(path + ".series", "series \"" + s.series() + "\" has no labels"));
            }
            try {
                values = SeriesNotation.expand(s.values());
            } catch (IllegalArgumentException e) {
                return List.of(error(path + ".values", e.getMessage()));
            }
            int n = 0;
            for (double v : values) {
                if (!SeriesNotation.isOmitted(v)) {
                    n++;
                }
            }
            long[] ts = new long[n];
            double[] vs = new double[n];
            int k = 0;
            for (int j = 0; j < values.length; j++) {
                if (!SeriesNotation.isOmitted(values[j])) {
                    ts[k] = mint + j * interval;
                    vs[k++] = values[j];
                }
            }
            series.remove(labels);          // a series given twice: the last one wins, as in promtool
            series.put(labels, new Loading(labels, ts, vs));
        }

        // 2. rule files (promtool reloads them per test group and reports their errors each time)
        if (!rules.errors().isEmpty()) {
            List<RuleTestFailure> out = new ArrayList<>();
            for (String e : rules.errors()) {
                out.add(new RuleTestFailure.TestError(e));
            }
            return out;
        }

        // 3. alert checks by time
        TreeMap<Long, List<AlertRuleTest>> alertTests = new TreeMap<>();
        for (AlertRuleTest a : tg.alertRuleTests()) {
            if (a.alertname().isEmpty()) {
                return List.of(new RuleTestFailure.TestError(
                        "an item under alert_rule_test misses required attribute alertname at eval_time "
                                + a.evalTime() + (tg.name().isEmpty() ? "" : " (in TestGroup " + tg.name() + ")")));
            }
            alertTests.computeIfAbsent(a.evalTime().millis(), k -> new ArrayList<>()).add(a);
        }

        Storage storage = Storage.create();
        PromEngine engine = PromEngine.builder(storage)
                .subqueryStep(Duration.ofMillis(evalInterval))
                .maxSamples(PROMTOOL_MAX_SAMPLES)
                .build();
        RuleEvaluator evaluator = RuleEvaluator.builder(engine)
                .externalLabels(Labels.from(tg.externalLabels()))
                .externalUrl(tg.externalUrl())
                .defaultInterval(Duration.ofMillis(interval))
                .build();
        List<RuleGroup> groups = rules.groups();
        long maxt = mint + tg.maxEvalTime().millis();
        if (prefetch && !groups.isEmpty()) {
            List<Prefetch.Input> inputs = new ArrayList<>(series.size());
            for (Loading l : series.values()) {
                inputs.add(new Prefetch.Input(l.labels(), l.ts(), l.vs()));
            }
            List<String> checks = new ArrayList<>();
            for (PromqlExprTest p : tg.promqlExprTests()) {
                checks.add(p.expr());
            }
            groups = Prefetch.plan(groups, checks, inputs, storage, mint, maxt, evalInterval, PROMTOOL_MAX_SAMPLES)
                    .groups();
        }
        // Checked with their files by RuleFileCache (prefetching only swaps in reader expressions), so validating
        // them again, as addGroups does by writing them as YAML, cannot fail and only costs start-up time. A group
        // name may repeat across files (Prometheus keys groups by file and name), which addGroups, checking the
        // groups as one file, would refuse.
        RuleAccess.runtime(evaluator).addCheckedGroups(groups);
        List<String> order = groupOrder(groups);

        List<RuleTestFailure> failures = new ArrayList<>();
        int[] cursor = new int[series.size()];
        Loading[] loadings = series.values().toArray(new Loading[0]);
        for (long ts = mint; ts <= maxt; ts += evalInterval) {
            for (int i = 0; i < loadings.length; i++) {
                Loading l = loadings[i];
                int c = cursor[i];
                while (c < l.ts().length && l.ts()[c] <= ts) {
                    storage.append(l.labels(), l.ts()[c], l.vs()[c]);
                    c++;
                }
                cursor[i] = c;
            }
            List<RuleEvaluationError> errors = order.isEmpty() ? List.of()
                    : evaluator.evaluate(order, Instant.ofEpochMilli(ts));
            if (!errors.isEmpty()) {
                for (RuleEvaluationError e : errors) {
                    failures.add(new RuleTestFailure.RuleEvalError(e.rule(), Duration.ofMillis(ts), e.message()));
                }
                return failures;
            }
            long rel = ts - mint;
            for (Map.Entry<Long, List<AlertRuleTest>> e : alertTests.subMap(rel, true, rel + evalInterval, false)
                    .entrySet()) {
                for (AlertRuleTest a : e.getValue()) {
                    checkAlerts(evaluator, a).ifPresent(failures::add);
                }
            }
        }

        for (PromqlExprTest p : tg.promqlExprTests()) {
            checkExpr(engine, p, mint).ifPresent(failures::add);
        }
        return failures;
    }

    /** Distinct group names, ordered as promtool orders them: by position in group_eval_order, others as 0. */
    private List<String> groupOrder(List<RuleGroup> groups) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (RuleGroup g : groups) {
            names.add(g.name());
        }
        List<String> out = new ArrayList<>(names);
        out.sort((a, b) -> Integer.compare(evalOrder.getOrDefault(a, 0), evalOrder.getOrDefault(b, 0)));
        return out;
    }

    private Optional<RuleTestFailure> checkAlerts(RuleEvaluator evaluator, AlertRuleTest test) {
        List<AlertSnapshot> got = new ArrayList<>();
        for (Alert a : evaluator.alerts(test.alertname())) {
            if (a.state() == AlertState.FIRING) {
                got.add(AlertSnapshot.of(a.labels().asMap(), a.annotations()));
            }
        }
        List<AlertSnapshot> exp = new ArrayList<>();
        for (ExpectedAlert e : test.expAlerts()) {
            Map<String, String> labels = new TreeMap<>(e.labels());
            labels.put("alertname", test.alertname());
            exp.add(AlertSnapshot.of(labels, e.annotations()));
        }
        got.sort(null);
        exp.sort(null);
        if (got.equals(exp)) {
            return Optional.empty();
        }
        return Optional.of(new RuleTestFailure.AlertMismatch(tg.name(), test.alertname(), test.evalTime(), exp, got));
    }

    private Optional<RuleTestFailure> checkExpr(PromEngine engine, PromqlExprTest test, long mint) {
        Expr expr;
        try {
            expr = PromQL.parse(test.expr());
        } catch (PromQLParseException e) {
            return Optional.of(new RuleTestFailure.ExprError(test.expr(), test.evalTime(),
                    e.line() + ":" + e.column() + ": parse error: " + e.reason()));
        }
        QueryResult r;
        try {
            r = engine.query(expr, QueryOptions.defaults().time(Instant.ofEpochMilli(mint + test.evalTime().millis())));
        } catch (QueryException e) {
            return Optional.of(new RuleTestFailure.ExprError(test.expr(), test.evalTime(), e.getMessage()));
        }
        List<SampleSnapshot> got = new ArrayList<>();
        if (r instanceof QueryResult.Vector v) {
            for (int i = 0; i < v.size(); i++) {
                got.add(new SampleSnapshot(v.labels(i).toList(), v.value(i)));
            }
        } else if (r instanceof QueryResult.Scalar s) {
            got.add(new SampleSnapshot(List.of(), s.value()));
        } else {
            return Optional.of(new RuleTestFailure.ExprError(test.expr(), test.evalTime(),
                    "rule result is not a vector or scalar"));
        }
        List<SampleSnapshot> exp = new ArrayList<>();
        for (ExpectedSample s : test.expSamples()) {
            try {
                exp.add(new SampleSnapshot(SeriesNotation.parseDescription(s.labels()).toList(), s.value()));
            } catch (IllegalArgumentException e) {
                return Optional.of(new RuleTestFailure.ExprError(test.expr(), test.evalTime(),
                        "labels " + GoStrings.quote(s.labels()) + ": " + labelsError(s.labels(), e)));
            }
        }
        exp.sort((a, b) -> GoText.compare(a.labels(), b.labels()));
        got.sort((a, b) -> GoText.compare(a.labels(), b.labels()));
        if (samplesEqual(exp, got)) {
            return Optional.empty();
        }
        return Optional.of(new RuleTestFailure.SampleMismatch(test.expr(), test.evalTime(), exp, got));
    }

    /** Prometheus' parser wording and position where our parser can give them, else the notation's message. */
    private static String labelsError(String labels, IllegalArgumentException notationError) {
        try {
            PromQL.parse(labels);
        } catch (PromQLParseException e) {
            return e.line() + ":" + e.column() + ": parse error: " + e.reason();
        }
        return notationError.getMessage();
    }

    private boolean samplesEqual(List<SampleSnapshot> exp, List<SampleSnapshot> got) {
        if (exp.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < exp.size(); i++) {
            SampleSnapshot e = exp.get(i);
            SampleSnapshot g = got.get(i);
            if (!e.labels().equals(g.labels()) || !floatsEqual(e.value(), g.value())) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code ==} on float64 (NaN never equal), or within one ulp with {@code fuzzy_compare}. */
    private boolean floatsEqual(double x, double y) {
        if (x == y) {
            return true;
        }
        return file.fuzzyCompare() && (Math.nextDown(x) == y || Math.nextUp(x) == y);
    }

    private RuleTestFailure error(String fieldPath, String message) {
        String at = locator.apply(fieldPath).orElse(file.path().toString());
        return new RuleTestFailure.TestError(at + ": " + fieldPath + ": " + message);
    }
}
