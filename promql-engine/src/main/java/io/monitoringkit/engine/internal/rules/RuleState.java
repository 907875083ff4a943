package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The evaluation state of one rule of a group: its output series of the previous evaluation and its health. */
abstract sealed class RuleState permits RecordingRuleState, AlertingRuleState {
    final Rule rule;
    final int index;
    /** The rule's labels with the group's labels merged in (the rule's win), as Prometheus 3.x loads them. */
    final Map<String, String> labels;
    Set<Labels> seriesInPreviousEval = new HashSet<>();
    RuleEvaluationError lastError;

    RuleState(Rule rule, int index, Map<String, String> labels) {
        this.rule = rule;
        this.index = index;
        this.labels = labels;
    }

    /**
     * Evaluates the rule at {@code ts} (its query at {@code ts - queryOffset}).
     *
     * @return the samples to write
     * @throws RuleFailure when the rule fails; nothing is written then
     */
    abstract List<OutSample> eval(EvalContext ctx, long ts, long queryOffset, int limit) throws RuleFailure;
}
