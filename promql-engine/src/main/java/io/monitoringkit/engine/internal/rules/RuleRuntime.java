package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.AlertTransition;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.rules.RuleProblem;
import io.monitoringkit.rules.RuleValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The implementation behind {@link io.monitoringkit.engine.rules.RuleEvaluator}. Calls are serialized. */
public final class RuleRuntime {

    /**
     * The evaluator's settings.
     *
     * @param engine the engine to query and whose storage receives the results
     * @param externalLabels {@code $externalLabels}
     * @param externalUrl {@code $externalURL}
     * @param listeners told of alert transitions
     * @param defaultIntervalMillis the interval of groups without one
     * @param defaultQueryOffsetMillis the query offset of groups without one
     * @param startTimeMillis where {@code advanceTo} starts, {@link Long#MIN_VALUE} for its first call's time
     */
    public record Config(PromEngine engine, Labels externalLabels, String externalUrl,
                         List<Consumer<AlertTransition>> listeners, long defaultIntervalMillis,
                         long defaultQueryOffsetMillis, long startTimeMillis) {
    }

    private final Config config;
    private final EvalContext ctx;
    private final List<GroupRuntime> groups = new ArrayList<>();
    private long clock = Long.MIN_VALUE;
    private long lastEvaluation = Long.MIN_VALUE;

    /** @param config the settings */
    public RuleRuntime(Config config) {
        this.config = config;
        this.ctx = new EvalContext(new RuleQuery(config.engine()), config.externalLabels(), config.externalUrl(),
                config.listeners());
    }

    /** Validates and adds groups. */
    public synchronized void addGroups(List<RuleGroup> add) {
        List<RuleProblem> problems = new RuleFile(add).validate();
        if (!problems.isEmpty()) {
            throw new RuleValidationException(problems);
        }
        List<GroupRuntime> created = new ArrayList<>();
        for (RuleGroup g : add) {
            created.add(new GroupRuntime(g, config.defaultIntervalMillis(), config.defaultQueryOffsetMillis()));
        }
        groups.addAll(created);
    }

    /** @return the groups in order. */
    public synchronized List<RuleGroup> groups() {
        return groups.stream().map(g -> g.group).toList();
    }

    /** Evaluates every group at {@code t}. */
    public synchronized List<RuleEvaluationError> evaluateAll(long t) {
        checkNotBefore(groups, t);
        List<RuleEvaluationError> errors = new ArrayList<>();
        for (GroupRuntime g : groups) {
            evalGroup(g, t, errors);
        }
        return List.copyOf(errors);
    }

    /** Evaluates the named groups in that order at {@code t}. */
    public synchronized List<RuleEvaluationError> evaluateOrdered(List<String> names, long t) {
        List<GroupRuntime> order = new ArrayList<>();
        for (String name : names) {
            List<GroupRuntime> named = groups.stream().filter(g -> g.name().equals(name)).toList();
            if (named.isEmpty()) {
                TreeSet<String> available = new TreeSet<>();
                groups.forEach(g -> available.add(g.name()));
                throw new IllegalArgumentException("\"" + name + "\" is not a group name; available groups are "
                        + available);
            }
            order.addAll(named);
        }
        checkNotBefore(order, t);
        List<RuleEvaluationError> errors = new ArrayList<>();
        for (GroupRuntime g : order) {
            evalGroup(g, t, errors);
        }
        return List.copyOf(errors);
    }

    private static void checkNotBefore(List<GroupRuntime> gs, long t) {
        for (GroupRuntime g : gs) {
            if (t < g.lastEval) {
                throw new IllegalArgumentException(java.time.Instant.ofEpochMilli(t)
                        + " is before the previous evaluation of group \"" + g.name() + "\" at "
                        + java.time.Instant.ofEpochMilli(g.lastEval) + "; evaluation time must not go back");
            }
        }
    }

    private void evalGroup(GroupRuntime g, long t, List<RuleEvaluationError> errors) {
        g.eval(ctx, t, errors);
        lastEvaluation = Math.max(lastEvaluation, t);
    }

    /** Runs every evaluation due up to {@code t}, in time order. */
    public synchronized List<RuleEvaluationError> advanceTo(long t) {
        if (clock != Long.MIN_VALUE && t < clock) {
            throw new IllegalArgumentException(java.time.Instant.ofEpochMilli(t) + " is before "
                    + java.time.Instant.ofEpochMilli(clock) + ", the time the evaluator was advanced to; time must not go back");
        }
        for (GroupRuntime g : groups) {
            if (g.nextEval == Long.MIN_VALUE) {
                long anchor;
                if (clock != Long.MIN_VALUE) {
                    anchor = clock + 1;
                } else if (config.startTimeMillis() != Long.MIN_VALUE) {
                    anchor = config.startTimeMillis();
                } else {
                    anchor = t;
                }
                g.nextEval = ceil(Math.max(anchor, g.lastEval == Long.MIN_VALUE ? anchor : g.lastEval + 1),
                        g.intervalMillis);
            }
        }
        clock = t;
        List<RuleEvaluationError> errors = new ArrayList<>();
        while (true) {
            GroupRuntime next = null;
            for (GroupRuntime g : groups) {
                if (g.nextEval <= t && (next == null || g.nextEval < next.nextEval)) {
                    next = g;
                }
            }
            if (next == null) {
                break;
            }
            long at = next.nextEval;
            next.nextEval = at + next.intervalMillis;
            if (at > next.lastEval) {
                evalGroup(next, at, errors);
            }
        }
        return List.copyOf(errors);
    }

    private static long ceil(long x, long step) {
        return -Math.floorDiv(-x, step) * step;
    }

    /** @return alerts, optionally of one alert name only. */
    public synchronized List<Alert> alerts(Optional<String> alertName) {
        List<Alert> out = new ArrayList<>();
        for (GroupRuntime g : groups) {
            for (RuleState r : g.rules) {
                if (r instanceof AlertingRuleState a && (alertName.isEmpty() || alertName.get().equals(a.alertName()))) {
                    out.addAll(a.alerts());
                }
            }
        }
        return List.copyOf(out);
    }

    /** @return the rules whose last evaluation failed. */
    public synchronized List<RuleEvaluationError> errors() {
        List<RuleEvaluationError> out = new ArrayList<>();
        for (GroupRuntime g : groups) {
            for (RuleState r : g.rules) {
                if (r.lastError != null) {
                    out.add(r.lastError);
                }
            }
        }
        return List.copyOf(out);
    }

    /** @return the latest evaluation time, {@link Long#MIN_VALUE} when none. */
    public synchronized long lastEvaluation() {
        return lastEvaluation;
    }
}
