package io.monitoringkit.test;

import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.AlertState;
import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.test.internal.RuleMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Narrows a {@link RuleTesterAt#assertFiring(String)} or {@link RuleTesterAt#assertPending(String)} check down to
 * the alerts with given labels, annotations or value; each {@code with...} fails when no alert is left. The chain
 * goes on with the checks of {@link RuleTesterAt} (and {@link #at(PromDuration)}).
 *
 * <pre>{@code
 * tester.at(minutes(10))
 *         .assertFiring("HighErrorRate")
 *                 .withLabels(Map.of("severity", "page", "code", "500"))
 *                 .withAnnotation("summary", "9% of requests fail")
 *                 .withValue(0.09)
 *         .assertPending("SlowRequests").activeSince(minutes(8))
 *         .at(minutes(30))
 *         .assertNotFiring("HighErrorRate");
 * }</pre>
 */
public final class RuleTesterAlertAssert {
    private final RuleTesterAt at;
    private final String alertName;
    private final AlertState state;
    private final List<AlertingRule> rules;
    private final List<Alert> candidates;
    private final List<String> filters;

    RuleTesterAlertAssert(RuleTesterAt at, String alertName, AlertState state, List<AlertingRule> rules,
            List<Alert> candidates) {
        this(at, alertName, state, rules, candidates, List.of());
    }

    private RuleTesterAlertAssert(RuleTesterAt at, String alertName, AlertState state, List<AlertingRule> rules,
            List<Alert> candidates, List<String> filters) {
        this.at = at;
        this.alertName = alertName;
        this.state = state;
        this.rules = rules;
        this.candidates = candidates;
        this.filters = filters;
    }

    /** @return the alerts still matching (at least one) */
    public List<Alert> alerts() {
        return candidates;
    }

    /**
     * Keeps the alerts whose labels include all of {@code labels} (the alert may have more).
     *
     * @throws AssertionError when none has them, listing the labels the alerts have
     */
    public RuleTesterAlertAssert withLabels(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        return narrow("with labels " + Labels.from(labels), a -> RuleTesterAt.hasLabels(a, labels), "have labels",
                RuleMessages::alertLabels);
    }

    /** Keeps the alerts with label {@code name} of value {@code value}; see {@link #withLabels(Map)}. */
    public RuleTesterAlertAssert withLabel(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return narrow("with label " + name + "=" + GoStrings.quote(value), a -> a.labels().getOrEmpty(name).equals(value),
                "have labels", RuleMessages::alertLabels);
    }

    /**
     * Keeps the alerts whose rendered annotation {@code name} is exactly {@code value}.
     *
     * @throws AssertionError when none has it, listing every alert's annotations
     */
    public RuleTesterAlertAssert withAnnotation(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return narrow("with annotation " + name + "=" + GoStrings.quote(value),
                a -> value.equals(a.annotations().get(name)), "have annotations",
                a -> RuleMessages.alertLabels(a) + ": " + RuleMessages.annotations(a.annotations()));
    }

    /**
     * Keeps the alerts whose rendered annotations include all of {@code annotations}.
     *
     * @throws AssertionError when none has them, listing every alert's annotations
     */
    public RuleTesterAlertAssert withAnnotations(Map<String, String> annotations) {
        Objects.requireNonNull(annotations, "annotations");
        return narrow("with annotations " + RuleMessages.annotations(new TreeMap<>(annotations)),
                a -> annotations.entrySet().stream().allMatch(e -> e.getValue().equals(a.annotations().get(e.getKey()))),
                "have annotations", a -> RuleMessages.alertLabels(a) + ": " + RuleMessages.annotations(a.annotations()));
    }

    /**
     * Keeps the alerts whose value (the expression's value at the last evaluation) is {@code value}, within a
     * relative 1e-9.
     *
     * @throws AssertionError when none has it, listing every alert's value
     */
    public RuleTesterAlertAssert withValue(double value) {
        return narrow("with value " + RuleMessages.value(value), a -> RuleTesterAt.close(a.value(), value), "have values",
                a -> RuleMessages.alertLabels(a) + ": " + RuleMessages.value(a.value()));
    }

    /**
     * Keeps the alerts that became active (pending) at {@code time}, a duration since the start of the series.
     *
     * @throws AssertionError when none did, listing when each became active
     */
    public RuleTesterAlertAssert activeSince(PromDuration time) {
        Objects.requireNonNull(time, "time");
        Instant t = Instant.ofEpochMilli(time.millis());
        return narrow("active since " + RuleMessages.time(time), a -> a.activeAt().equals(t), "are active since",
                a -> RuleMessages.alertLabels(a) + ": " + RuleMessages.time(a.activeAt()));
    }

    /** Keeps the alerts that became active at {@code time}; see {@link #activeSince(PromDuration)}. */
    public RuleTesterAlertAssert activeSince(Duration time) {
        return activeSince(PromDuration.of(Objects.requireNonNull(time, "time")));
    }

    /**
     * Checks that exactly {@code count} alerts are left.
     *
     * @throws AssertionError when there are more or fewer, listing them
     */
    public RuleTesterAlertAssert hasCount(int count) {
        if (candidates.size() != count) {
            at.fail("Expecting " + count + " " + state.label() + " \"" + alertName + "\" alert" + (count == 1 ? "" : "s")
                    + filterText(filters) + " at " + at.timeText() + "\nbut there "
                    + (candidates.size() == 1 ? "is 1" : "are " + candidates.size()) + ":\n"
                    + RuleTesterAt.lines(candidates.stream().map(RuleMessages::alert).toList()), rules, List.of());
        }
        return this;
    }

    // ---- the chain goes on

    /** @return the state at this time, to go on with other checks */
    public RuleTesterAt and() {
        return at;
    }

    /** Evaluates on, up to a later time; see {@link RuleTesterAt#at(PromDuration)}. */
    public RuleTesterAt at(PromDuration later) {
        return at.at(later);
    }

    /** Evaluates on, up to a later time; see {@link RuleTesterAt#at(Duration)}. */
    public RuleTesterAt at(Duration later) {
        return at.at(later);
    }

    /** See {@link RuleTesterAt#assertFiring(String)}. */
    public RuleTesterAlertAssert assertFiring(String otherAlert) {
        return at.assertFiring(otherAlert);
    }

    /** See {@link RuleTesterAt#assertPending(String)}. */
    public RuleTesterAlertAssert assertPending(String otherAlert) {
        return at.assertPending(otherAlert);
    }

    /** See {@link RuleTesterAt#assertNotFiring(String)}. */
    public RuleTesterAt assertNotFiring(String otherAlert) {
        return at.assertNotFiring(otherAlert);
    }

    /** See {@link RuleTesterAt#assertNotFiring(String, Map)}. */
    public RuleTesterAt assertNotFiring(String otherAlert, Map<String, String> labels) {
        return at.assertNotFiring(otherAlert, labels);
    }

    /** See {@link RuleTesterAt#assertInactive(String)}. */
    public RuleTesterAt assertInactive(String otherAlert) {
        return at.assertInactive(otherAlert);
    }

    /** See {@link RuleTesterAt#assertValue(String, double)}. */
    public RuleTesterAt assertValue(String promql, double expected) {
        return at.assertValue(promql, expected);
    }

    /** See {@link RuleTesterAt#assertValue(String, double, double)}. */
    public RuleTesterAt assertValue(String promql, double expected, double tolerance) {
        return at.assertValue(promql, expected, tolerance);
    }

    /** See {@link RuleTesterAt#assertSamples(String, Map)}. */
    public RuleTesterAt assertSamples(String promql, Map<String, Double> expected) {
        return at.assertSamples(promql, expected);
    }

    /** See {@link RuleTesterAt#assertNoSamples(String)}. */
    public RuleTesterAt assertNoSamples(String promql) {
        return at.assertNoSamples(promql);
    }

    private RuleTesterAlertAssert narrow(String filter, Predicate<Alert> keep, String aspect,
            Function<Alert, String> show) {
        List<Alert> left = candidates.stream().filter(keep).toList();
        List<String> more = new ArrayList<>(filters);
        more.add(filter);
        if (left.isEmpty()) {
            at.fail("Expecting a " + state.label() + " \"" + alertName + "\" alert" + filterText(more) + " at "
                    + at.timeText() + "\nbut the " + state.label() + " " + alertName + " alerts" + filterText(filters)
                    + " " + aspect + ":\n" + RuleTesterAt.lines(candidates.stream().map(show).toList()),
                    rules, List.of());
        }
        return new RuleTesterAlertAssert(at, alertName, state, rules, left, List.copyOf(more));
    }

    private static String filterText(List<String> filters) {
        return filters.isEmpty() ? "" : " " + String.join(" and ", filters);
    }
}
