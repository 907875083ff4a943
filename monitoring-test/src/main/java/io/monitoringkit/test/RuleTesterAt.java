package io.monitoringkit.test;

import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.AlertState;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatchOp;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.test.internal.Nearest;
import io.monitoringkit.test.internal.RuleMessages;
import io.monitoringkit.test.internal.RuleRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The rules of a {@link RuleTester} evaluated up to one time: checks on the alerts and on expressions at that time,
 * and {@link #at(PromDuration)} to move on to a later time in the same run.
 *
 * <p>Alert checks look at the state after the last evaluation at or before the time, as promtool does; expression
 * checks run the query at exactly the time. Values are compared with a relative tolerance of 1e-9 (NaN equals NaN).
 * A failing check throws an {@link AssertionError} that shows every alert at that time (state, labels, since when,
 * value), the expression of the alert in question, what it gives and the series it selects at that time, and any
 * rule evaluation errors.
 *
 * <pre>{@code
 * RuleTesterAt at10 = tester.at(minutes(10));
 * at10.assertFiring("HighErrorRate").withLabel("severity", "page");
 * at10.assertPending("SlowRequests");
 * at10.assertValue("sum(rate(http_requests_total[5m]))", 1.67, 0.01);   // within 0.01
 * at10.assertSamples("job:http_errors:ratio_rate5m", Map.of("job:http_errors:ratio_rate5m{job=\"api\"}", 0.1));
 * at10.at(minutes(30)).assertInactive("HighErrorRate");
 * }</pre>
 */
public final class RuleTesterAt {
    private static final double TOLERANCE = 1e-9;

    private final RuleRun run;
    private final PromDuration time;
    private final PromDuration evalTime;
    private final List<Alert> alerts;
    private final boolean allowRuleErrors;

    RuleTesterAt(RuleRun run, PromDuration time, boolean allowRuleErrors) {
        this.run = run;
        this.time = time;
        this.allowRuleErrors = allowRuleErrors;
        run.evaluateUpTo(time);
        this.evalTime = run.lastEvaluation();
        this.alerts = List.copyOf(run.alerts());
        if (!allowRuleErrors && !run.errors().isEmpty()) {
            // the context lists the errors
            fail("Expecting every rule to evaluate up to " + timeText() + "\nbut " + run.errors().size()
                    + (run.errors().size() == 1 ? " evaluation" : " evaluations") + " failed (use "
                    + "RuleTester.allowRuleErrors() to test rules that fail).\n", List.of(), List.of());
        }
    }

    /**
     * @return every failed rule evaluation of this run so far (up to the latest time of the chain), in time order;
     *     see {@link RuleTester#allowRuleErrors()}
     */
    public List<RuleEvaluationError> ruleErrors() {
        return run.errors();
    }

    /** @return the time this state is at, since the start of the series */
    public PromDuration time() {
        return time;
    }

    /** @return every alert at this time: pending, firing, and resolved ones Prometheus still keeps (15 minutes) */
    public List<Alert> alerts() {
        return alerts;
    }

    /**
     * @return the alerts of the alerting rule(s) named {@code alertName} at this time
     * @throws IllegalArgumentException when the rule file has no alerting rule of that name
     */
    public List<Alert> alerts(String alertName) {
        rulesNamed(alertName);
        return alerts.stream().filter(a -> a.alertName().equals(alertName)).toList();
    }

    /** @return the instant query {@code promql} at this time, over the series and everything the rules wrote */
    public QueryResult query(String promql) {
        return run.query(Objects.requireNonNull(promql, "promql"), time);
    }

    /**
     * Evaluates on, up to a later time, in the same run (alerts keep their state).
     *
     * @throws IllegalArgumentException when {@code later} is before a time this run was already evaluated up to
     */
    public RuleTesterAt at(PromDuration later) {
        Objects.requireNonNull(later, "later");
        return new RuleTesterAt(run, later, allowRuleErrors);
    }

    /** Evaluates on, up to a later time; see {@link #at(PromDuration)}. */
    public RuleTesterAt at(Duration later) {
        return at(PromDuration.of(Objects.requireNonNull(later, "later")));
    }

    /**
     * Checks that at least one alert of {@code alertName} is firing; narrow down with the returned assertion's
     * {@code with...} methods.
     *
     * @throws AssertionError when none is
     * @throws IllegalArgumentException when the rule file has no alerting rule of that name
     */
    public RuleTesterAlertAssert assertFiring(String alertName) {
        return assertState(alertName, AlertState.FIRING);
    }

    /**
     * Checks that at least one alert of {@code alertName} is pending (active, but not yet for its {@code for}).
     *
     * @throws AssertionError when none is
     * @throws IllegalArgumentException when the rule file has no alerting rule of that name
     */
    public RuleTesterAlertAssert assertPending(String alertName) {
        return assertState(alertName, AlertState.PENDING);
    }

    /**
     * Checks that no alert of {@code alertName} is firing (pending ones are allowed).
     *
     * @throws AssertionError when one is
     * @throws IllegalArgumentException when the rule file has no alerting rule of that name
     */
    public RuleTesterAt assertNotFiring(String alertName) {
        return assertNone(alertName, Map.of(), List.of(AlertState.FIRING), "not to be firing");
    }

    /**
     * Checks that no alert of {@code alertName} whose labels include {@code labels} is firing.
     *
     * @throws AssertionError when one is
     * @throws IllegalArgumentException when the rule file has no alerting rule of that name
     */
    public RuleTesterAt assertNotFiring(String alertName, Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        return assertNone(alertName, labels, List.of(AlertState.FIRING), "not to be firing");
    }

    /**
     * Checks that no alert of {@code alertName} is pending or firing (resolved ones are allowed).
     *
     * @throws AssertionError when one is
     * @throws IllegalArgumentException when the rule file has no alerting rule of that name
     */
    public RuleTesterAt assertInactive(String alertName) {
        return assertNone(alertName, Map.of(), List.of(AlertState.PENDING, AlertState.FIRING),
                "to be neither pending nor firing");
    }

    /**
     * Checks that {@code promql} at this time gives exactly one value, {@code expected}: a scalar, or a vector of one
     * sample whatever its labels.
     *
     * @throws AssertionError when the query fails, gives no or several samples, or another value
     */
    public RuleTesterAt assertValue(String promql, double expected) {
        return checkValue(promql, expected, -1);
    }

    /**
     * Checks that {@code promql} at this time gives exactly one value within {@code tolerance} of {@code expected}:
     * a scalar, or a vector of one sample whatever its labels.
     *
     * @throws AssertionError when the query fails, gives no or several samples, or a value further away
     * @throws IllegalArgumentException when {@code tolerance} is negative or NaN
     */
    public RuleTesterAt assertValue(String promql, double expected, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("assertValue: tolerance " + RuleMessages.value(tolerance) + " must be 0 or more");
        }
        return checkValue(promql, expected, tolerance);
    }

    private RuleTesterAt checkValue(String promql, double expected, double tolerance) {
        Objects.requireNonNull(promql, "promql");
        String expecting = "Expecting " + promql + " at " + RuleMessages.time(time) + " to be "
                + RuleMessages.value(expected) + (tolerance < 0 ? "" : " (within " + RuleMessages.value(tolerance)
                + ")") + "\n";
        QueryResult r = queryOrFail(promql, expecting);
        if (r instanceof QueryResult.Scalar s) {
            if (!closeTo(s.value(), expected, tolerance)) {
                fail(expecting + "but it is " + RuleMessages.value(s.value()) + ".\n", List.of(), List.of(promql));
            }
            return this;
        }
        if (!(r instanceof QueryResult.Vector v)) {
            throw new IllegalArgumentException("assertValue(\"" + promql + "\"): the expression gives a "
                    + r.resultType() + "; it must give an instant vector or a scalar");
        }
        if (v.size() != 1) {
            fail(expecting + "but it gives " + (v.isEmpty() ? "no samples.\n" : v.size() + " samples:\n"
                    + lines(RuleMessages.samples(v))), List.of(), List.of(promql));
        } else if (!closeTo(v.value(0), expected, tolerance)) {
            fail(expecting + "but it is " + RuleMessages.value(v.value(0)) + ": "
                    + RuleMessages.samples(v).get(0) + "\n", List.of(), List.of(promql));
        }
        return this;
    }

    /**
     * Checks that {@code promql} at this time gives exactly these samples, as promtool's {@code exp_samples}: the
     * keys are series in PromQL notation ({@code job:errors:rate5m{job="api"}}, or {@code {}} for a sample without
     * labels), the values their expected values.
     *
     * @throws AssertionError when the query fails or gives other samples
     * @throws IllegalArgumentException naming a key that is not a series with {@code =} matchers only
     */
    public RuleTesterAt assertSamples(String promql, Map<String, Double> expected) {
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(expected, "expected");
        Map<Labels, Double> want = new TreeMap<>();
        expected.forEach((series, value) -> {
            Labels labels = parseSeries(series);
            if (want.put(labels, Objects.requireNonNull(value, "value of " + series)) != null) {
                throw new IllegalArgumentException("assertSamples: series " + series + " is expected twice");
            }
        });
        List<String> wantLines = new ArrayList<>();
        want.forEach((l, v) -> wantLines.add(RuleMessages.series(l) + " " + RuleMessages.value(v)));
        String expecting = "Expecting " + promql + " at " + RuleMessages.time(time) + " to give\n"
                + (wantLines.isEmpty() ? "  (no samples)\n" : lines(wantLines));
        QueryResult r = queryOrFail(promql, expecting);
        Map<Labels, Double> got = new TreeMap<>();
        if (r instanceof QueryResult.Scalar s) {
            got.put(Labels.empty(), s.value());
        } else if (r instanceof QueryResult.Vector v) {
            for (int i = 0; i < v.size(); i++) {
                got.put(v.labels(i), v.value(i));
            }
        } else {
            throw new IllegalArgumentException("assertSamples(\"" + promql + "\"): the expression gives a "
                    + r.resultType() + "; it must give an instant vector or a scalar");
        }
        boolean same = got.keySet().equals(want.keySet())
                && want.entrySet().stream().allMatch(e -> close(got.get(e.getKey()), e.getValue()));
        if (!same) {
            List<String> gotLines = new ArrayList<>();
            got.forEach((l, v) -> gotLines.add(RuleMessages.series(l) + " " + RuleMessages.value(v)));
            fail(expecting + "but it gives\n" + (gotLines.isEmpty() ? "  (no samples)\n" : lines(gotLines)),
                    List.of(), List.of(promql));
        }
        return this;
    }

    /**
     * Checks that {@code promql} gives no samples at this time.
     *
     * @throws AssertionError when the query fails or gives samples
     */
    public RuleTesterAt assertNoSamples(String promql) {
        return assertSamples(promql, Map.of());
    }

    // ---- shared with RuleTesterAlertAssert

    List<AlertingRule> rulesNamed(String alertName) {
        Objects.requireNonNull(alertName, "alertName");
        List<AlertingRule> rules = run.alertingRules(alertName);
        if (rules.isEmpty()) {
            List<String> names = List.copyOf(run.alertNames());
            List<String> nearest = Nearest.matches(alertName, names);
            throw new IllegalArgumentException("\"" + alertName + "\" is not an alerting rule of the rule file"
                    + (nearest.isEmpty() ? "" : "; nearest matches: " + nearest) + "; alerting rules: " + names);
        }
        return rules;
    }

    /** Throws an AssertionError of {@code message} followed by the context. */
    void fail(String message, List<AlertingRule> rules, List<String> exprs) {
        throw new AssertionError(message + RuleMessages.context(run, time, evalTime, alerts, rules, exprs));
    }

    String timeText() {
        return RuleMessages.time(time);
    }

    static String lines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        RuleMessages.appendLines(sb, "  ", lines);
        return sb.toString();
    }

    private static boolean closeTo(double got, double want, double tolerance) {
        return tolerance < 0 ? close(got, want) : Math.abs(got - want) <= tolerance;
    }

    static boolean close(double got, double want) {
        if (Double.isNaN(got) || Double.isNaN(want)) {
            return Double.isNaN(got) && Double.isNaN(want);
        }
        if (got == want) {
            return true;
        }
        return Math.abs(got - want) <= TOLERANCE * Math.max(Math.abs(got), Math.abs(want));
    }

    private RuleTesterAlertAssert assertState(String alertName, AlertState state) {
        List<AlertingRule> rules = rulesNamed(alertName);
        List<Alert> mine = alerts.stream().filter(a -> a.alertName().equals(alertName)).toList();
        List<Alert> inState = mine.stream().filter(a -> a.state() == state).toList();
        if (inState.isEmpty()) {
            fail("Expecting alert \"" + alertName + "\" to be " + state.label() + " at " + timeText() + "\nbut "
                    + (mine.isEmpty() ? "it has no alerts" : "none of its alerts is " + state.label()) + ".\n",
                    rules, List.of());
        }
        return new RuleTesterAlertAssert(this, alertName, state, rules, inState);
    }

    private RuleTesterAt assertNone(String alertName, Map<String, String> labels, List<AlertState> states,
            String expectation) {
        List<AlertingRule> rules = rulesNamed(alertName);
        List<Alert> bad = alerts.stream()
                .filter(a -> a.alertName().equals(alertName) && states.contains(a.state()) && hasLabels(a, labels))
                .toList();
        if (!bad.isEmpty()) {
            String withLabels = labels.isEmpty() ? "" : " with labels " + Labels.from(labels);
            Map<String, Integer> byState = new LinkedHashMap<>();
            bad.forEach(a -> byState.merge(a.state().label(), 1, Integer::sum));
            List<String> counts = new ArrayList<>();
            byState.forEach((s, n) -> counts.add(n + " " + s));
            fail("Expecting alert \"" + alertName + "\"" + withLabels + " " + expectation + " at " + timeText()
                    + "\nbut " + (bad.size() == 1 ? "one of its alerts" + withLabels + " is " + bad.get(0).state().label()
                    : bad.size() + " of its alerts" + withLabels + " are active (" + String.join(", ", counts) + ")")
                    + ":\n" + lines(bad.stream().map(RuleMessages::alert).toList()), rules, List.of());
        }
        return this;
    }

    static boolean hasLabels(Alert a, Map<String, String> labels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!a.labels().getOrEmpty(e.getKey()).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private QueryResult queryOrFail(String promql, String expecting) {
        try {
            return run.query(promql, time);
        } catch (RuntimeException e) {
            fail(expecting + "but the query failed: " + e.getMessage() + "\n", List.of(), List.of());
            throw new IllegalStateException("unreachable");
        }
    }

    private static Labels parseSeries(String series) {
        String s = series.strip();
        if (s.equals("{}") || s.isEmpty()) {
            return Labels.empty();
        }
        Expr e;
        try {
            e = PromQL.parse(s);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("assertSamples: \"" + series + "\" is not a series: " + ex.getMessage(),
                    ex);
        }
        if (!(e instanceof VectorSelector v) || !v.offset().isZero() || v.at().isPresent()) {
            throw new IllegalArgumentException("assertSamples: \"" + series + "\" is not a series such as "
                    + "metric{label=\"value\"}");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (!v.name().isEmpty()) {
            labels.put("__name__", v.name());
        }
        for (LabelMatcher m : v.matchers()) {
            if (m.op() != MatchOp.EQUAL) {
                throw new IllegalArgumentException("assertSamples: \"" + series + "\" is not a series: "
                        + "only label=\"value\" pairs are allowed, not " + m);
            }
            labels.put(m.name(), m.value());
        }
        return Labels.from(labels);
    }
}
