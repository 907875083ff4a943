package io.monitoringkit.engine.rules;

import io.monitoringkit.model.Labels;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert of an alerting rule, a snapshot of the state {@link RuleEvaluator} keeps per label set: its identifying
 * labels (the expression's result labels without {@code __name__}, plus the rule's templated labels, plus
 * {@code alertname}), its rendered annotations, its state and when it changed, and the latest value of the
 * expression.
 *
 * <pre>{@code
 * Alert a = evaluator.alerts("HighErrorRate").get(0);
 * a.state();                        // FIRING
 * a.labels().getOrEmpty("job");     // "api"
 * a.annotations().get("summary");   // "api: 12.5% errors"
 * a.activeAt();                     // when it became pending
 * a.firedAt();                      // Optional[when it started firing]
 * }</pre>
 *
 * @param alertName the alerting rule's name (also the {@code alertname} label)
 * @param labels the alert's identifying labels, {@code alertname} included
 * @param annotations the rendered annotations, sorted by name
 * @param state the state
 * @param activeAt when the alert became pending (the evaluation time that first returned it)
 * @param firedAt when it started firing, if it did
 * @param resolvedAt when it was resolved, if it was (its state is then {@link AlertState#INACTIVE})
 * @param keepFiringSince when its expression stopped returning it while it is kept firing by
 *     {@code keep_firing_for}
 * @param value the expression's value at the latest evaluation that returned it
 */
public record Alert(String alertName, Labels labels, Map<String, String> annotations, AlertState state,
                    Instant activeAt, Optional<Instant> firedAt, Optional<Instant> resolvedAt,
                    Optional<Instant> keepFiringSince, double value) {

    /** Copies and sorts the annotations; rejects nulls. */
    public Alert {
        Objects.requireNonNull(alertName, "alertName");
        Objects.requireNonNull(labels, "labels");
        annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(activeAt, "activeAt");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(keepFiringSince, "keepFiringSince");
    }

    /** @return whether the alert is pending or firing (not resolved). */
    public boolean isActive() {
        return state != AlertState.INACTIVE;
    }

    /** @return the value of label {@code name}, "" when absent. */
    public String label(String name) {
        return labels.getOrEmpty(name);
    }

    /** @return how long the alert has been active at {@code time} ({@code time - activeAt}). */
    public Duration activeFor(Instant time) {
        return Duration.between(activeAt, time);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(state.label()).append(' ').append(labels)
                .append(" activeAt=").append(activeAt);
        firedAt.ifPresent(t -> b.append(" firedAt=").append(t));
        keepFiringSince.ifPresent(t -> b.append(" keepFiringSince=").append(t));
        resolvedAt.ifPresent(t -> b.append(" resolvedAt=").append(t));
        b.append(" value=").append(value);
        if (!annotations.isEmpty()) {
            b.append(" annotations=").append(annotations);
        }
        return b.toString();
    }
}
