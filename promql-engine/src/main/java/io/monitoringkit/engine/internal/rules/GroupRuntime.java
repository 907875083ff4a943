package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.engine.internal.GoFormat;
import io.monitoringkit.engine.internal.SeriesStore;
import io.monitoringkit.engine.internal.Staleness;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule group being evaluated (Prometheus' {@code rules.Group}): its rules in order, each rule's series of the
 * previous evaluation (for staleness markers), and its schedule.
 */
final class GroupRuntime {
    final RuleGroup group;
    final long intervalMillis;
    final long queryOffsetMillis;
    final List<RuleState> rules = new ArrayList<>();
    long lastEval = Long.MIN_VALUE;
    long nextEval = Long.MIN_VALUE;

    GroupRuntime(RuleGroup group, long defaultIntervalMillis, long defaultQueryOffsetMillis) {
        this.group = group;
        this.intervalMillis = group.interval().map(d -> d.millis()).orElse(defaultIntervalMillis);
        this.queryOffsetMillis = group.queryOffset().map(d -> d.millis()).orElse(defaultQueryOffsetMillis);
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("group \"" + group.name() + "\": interval " + group.interval().get()
                    + " is not positive");
        }
        if (queryOffsetMillis < 0) {
            throw new IllegalArgumentException("group \"" + group.name() + "\": query_offset "
                    + group.queryOffset().get() + " is negative");
        }
        for (int i = 0; i < group.rules().size(); i++) {
            Rule r = group.rules().get(i);
            Map<String, String> labels = new LinkedHashMap<>(group.labels());
            labels.putAll(r.labels());
            if (r instanceof AlertingRule a) {
                rules.add(new AlertingRuleState(a, i, Map.copyOf(labels)));
            } else {
                rules.add(new RecordingRuleState((RecordingRule) r, i, Map.copyOf(labels)));
            }
        }
    }

    String name() {
        return group.name();
    }

    /** Evaluates every rule in order at {@code ts}, writing results and staleness markers to the store. */
    void eval(EvalContext ctx, long ts, List<RuleEvaluationError> errors) {
        if (ts < lastEval) {
            throw new IllegalArgumentException(Instant.ofEpochMilli(ts) + " is before the previous evaluation of group \""
                    + group.name() + "\" at " + Instant.ofEpochMilli(lastEval) + "; evaluation time must not go back");
        }
        lastEval = ts;
        SeriesStore store = ctx.query.store();
        long writeTime = ts - queryOffsetMillis;
        for (RuleState rule : rules) {
            List<OutSample> vector;
            try {
                vector = rule.eval(ctx, ts, queryOffsetMillis, group.limit());
            } catch (RuleFailure f) {
                fail(rule, ts, f.getMessage(), errors);
                continue;
            }
            rule.lastError = null;
            String appendError = null;
            Set<Labels> returned = new HashSet<>(Math.max(16, vector.size() * 2));
            for (OutSample s : vector) {
                SeriesStore.AppendStatus st = store.appendChecked(s.labels(), s.t(), s.v());
                switch (st) {
                    case APPENDED, SAME_SAMPLE -> returned.add(s.labels());
                    case OUT_OF_ORDER -> appendError = "out of order sample";
                    case DUPLICATE_TIMESTAMP -> appendError = s.t() == 0 ? "duplicate sample for timestamp"
                            : "duplicate sample for timestamp " + s.t() + "; overrides not allowed: existing "
                            + GoFormat.g(store.valueAt(s.labels(), s.t())) + ", new value " + GoFormat.g(s.v());
                    default -> throw new IllegalStateException(st.toString());
                }
            }
            if (appendError != null) {
                fail(rule, ts, appendError, errors);
            }
            for (Labels previous : rule.seriesInPreviousEval) {
                if (!returned.contains(previous)) {
                    // errors are expected when another rule writes the same series; Prometheus ignores them too
                    store.appendChecked(previous, writeTime, Staleness.STALE_NAN);
                }
            }
            rule.seriesInPreviousEval = returned;
        }
    }

    private void fail(RuleState rule, long ts, String message, List<RuleEvaluationError> errors) {
        RuleEvaluationError e = new RuleEvaluationError(group.name(), rule.index, rule.rule.name(),
                Instant.ofEpochMilli(ts), message);
        rule.lastError = e;
        errors.add(e);
    }
}
