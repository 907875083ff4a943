package io.monitoringkit.engine.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of an alert's state during an evaluation, reported to the listener of {@link RuleEvaluator}.
 * Reported changes: {@code INACTIVE → PENDING} (a new alert), {@code INACTIVE → FIRING} (a new alert of a rule
 * without {@code for}), {@code PENDING → FIRING}, {@code PENDING → INACTIVE} (gone before firing; Prometheus
 * forgets it), {@code FIRING → INACTIVE} (resolved). Alerts dropped because the group's {@code limit} was
 * exceeded are reported as going to {@code INACTIVE} too.
 *
 * <pre>{@code
 * RuleEvaluator ev = RuleEvaluator.builder(engine)
 *         .listener(tr -> System.out.println(tr.time() + " " + tr.alert().labels() + ": " + tr.from() + " -> " + tr.to()))
 *         .build();
 * }</pre>
 *
 * @param alert the alert after the change
 * @param from the state before
 * @param to the state after (equal to {@code alert.state()})
 * @param time the evaluation time
 */
public record AlertTransition(Alert alert, AlertState from, AlertState to, Instant time) {
    /** Rejects nulls. */
    public AlertTransition {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(time, "time");
    }
}
