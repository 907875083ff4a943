package io.monitoringkit.test.internal;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.engine.rules.RuleEvaluator;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run of a {@code RuleTester}: the series loaded into a fresh engine and a rule evaluator stepping through the
 * evaluation times, promtool style (every group at every step, in file order). Time only moves forward.
 *
 * <pre>{@code
 * RuleRun run = new RuleRun(rules, minutes(1), minutes(1), Labels.empty(), Optional.empty(),
 *         List.of(new RuleRun.InputSeries("up", "1x10")), List.of());
 * run.evaluateUpTo(minutes(5));
 * run.alerts();
 * }</pre>
 */
public final class RuleRun {
    /**
     * An input series in promtool's notation.
     *
     * @param series the series, e.g. {@code up{job="api"}}
     * @param values the expanding values, e.g. {@code 1x10}
     */
    public record InputSeries(String series, String values) {
    }

    private final RuleFile rules;
    private final PromDuration interval;
    private final PromEngine engine;
    private final RuleEvaluator evaluator;
    private final List<RuleEvaluationError> errors = new ArrayList<>();
    private final List<String> groupOrder;
    private long nextStep;
    private PromDuration evaluatedUpTo = PromDuration.ZERO;
    private boolean started;

    /** Loads the series and prepares the evaluator; nothing is evaluated yet. */
    public RuleRun(RuleFile rules, PromDuration interval, PromDuration seriesInterval, Labels externalLabels,
            Optional<String> externalUrl, List<InputSeries> series, List<String> groupOrder) {
        this.rules = rules;
        this.interval = interval;
        this.groupOrder = List.copyOf(groupOrder);
        Storage storage = Storage.create();
        for (InputSeries s : series) {
            storage.loadSeries(s.series(), s.values(), seriesInterval);
        }
        storage.compact();
        this.engine = PromEngine.create(storage);
        RuleEvaluator.Builder b = RuleEvaluator.builder(engine).externalLabels(externalLabels);
        externalUrl.ifPresent(b::externalUrl);
        this.evaluator = b.build().addRuleFile(rules);
    }

    /**
     * Evaluates every step {@code k * interval <= time} not evaluated yet.
     *
     * @throws IllegalArgumentException when {@code time} is before a time this run was already at
     */
    public synchronized void evaluateUpTo(PromDuration time) {
        if (started && time.compareTo(evaluatedUpTo) < 0) {
            throw new IllegalArgumentException("at(" + time + "): the rules have already been evaluated up to "
                    + evaluatedUpTo + " in this chain, and time only moves forward; start a new chain from the "
                    + "RuleTester to look at an earlier time");
        }
        started = true;
        evaluatedUpTo = time;
        long step = interval.millis();
        while (nextStep * step <= time.millis()) {
            Instant t = Instant.ofEpochMilli(nextStep * step);
            errors.addAll(groupOrder.isEmpty() ? evaluator.evaluate(t) : evaluator.evaluate(groupOrder, t));
            nextStep++;
        }
    }

    /** @return the time of the latest evaluation (0s before any) */
    public synchronized PromDuration lastEvaluation() {
        return PromDuration.ofMillis(Math.max(0, nextStep - 1) * interval.millis());
    }

    /** @return every alert now (pending, firing, and resolved ones still kept), in rule order then by labels */
    public synchronized List<Alert> alerts() {
        return evaluator.alerts();
    }

    /** @return the errors of every evaluation so far, in time order */
    public synchronized List<RuleEvaluationError> errors() {
        return List.copyOf(errors);
    }

    /** @return the instant query {@code promql} at {@code time} */
    public synchronized QueryResult query(String promql, PromDuration time) {
        return engine.query(promql, Instant.ofEpochMilli(time.millis()));
    }

    /** @return the engine (series and everything the rules wrote) */
    public PromEngine engine() {
        return engine;
    }

    /** @return the alerting rules named {@code name}, in file order */
    public List<AlertingRule> alertingRules(String name) {
        List<AlertingRule> out = new ArrayList<>();
        for (RuleGroup g : rules.groups()) {
            for (Rule r : g.rules()) {
                if (r instanceof AlertingRule a && a.alert().equals(name)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** @return the expressions of the recording rules that record {@code metric}, in file order */
    public List<String> recordingExprs(String metric) {
        List<String> out = new ArrayList<>();
        for (RuleGroup g : rules.groups()) {
            for (Rule r : g.rules()) {
                if (r instanceof RecordingRule rr && rr.record().equals(metric)) {
                    out.add(rr.expr().toPromQL());
                }
            }
        }
        return out;
    }

    /** @return the names of all groups, in file order */
    public List<String> groupNames() {
        return rules.groups().stream().map(RuleGroup::name).toList();
    }

    /** @return the names of all alerting rules, in file order, without duplicates */
    public Set<String> alertNames() {
        Set<String> out = new LinkedHashSet<>();
        for (RuleGroup g : rules.groups()) {
            for (Rule r : g.rules()) {
                if (r instanceof AlertingRule a) {
                    out.add(a.alert());
                }
            }
        }
        return out;
    }
}
