package io.monitoringkit.engine.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * A failed evaluation of one rule: Prometheus' rule health "err" with its last error. The group's other rules are
 * still evaluated.
 *
 * <pre>{@code
 * for (RuleEvaluationError e : evaluator.evaluate(Instant.ofEpochSecond(600))) {
 *     System.err.println(e.rule() + ": " + e.message());
 *     // job:errors:rate5m: vector contains metrics with the same labelset after applying rule labels
 * }
 * }</pre>
 *
 * @param group the group's name
 * @param ruleIndex the rule's 0-based position in the group
 * @param rule the rule's name (the alert name or the recorded metric name)
 * @param time the evaluation time (before {@code query_offset} is applied)
 * @param message Prometheus' error message, e.g. {@code exceeded limit of 2 with 3 series}
 */
public record RuleEvaluationError(String group, int ruleIndex, String rule, Instant time, String message) {
    /** Rejects nulls. */
    public RuleEvaluationError {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "group \"" + group + "\", rule " + (ruleIndex + 1) + " \"" + rule + "\" at " + time + ": " + message;
    }
}
