package io.monitoringkit.engine.rules;

/**
 * The state of an {@link Alert}, as Prometheus' rule manager keeps it.
 *
 * <pre>{@code
 * AlertState s = AlertState.FIRING;
 * s.label();   // "firing", the value of the alertstate label of ALERTS
 * }</pre>
 */
public enum AlertState {
    /** The expression returned the alert's label set, but not yet for the rule's {@code for} duration. */
    PENDING("pending"),
    /** The alert fires: it has been returned for at least {@code for} (or is kept firing, {@code keep_firing_for}). */
    FIRING("firing"),
    /** Resolved (or, in a transition, gone while pending): the alert is not active. */
    INACTIVE("inactive");

    private final String label;

    AlertState(String label) {
        this.label = label;
    }

    /** @return the state as Prometheus spells it: {@code pending}, {@code firing} or {@code inactive}. */
    public String label() {
        return label;
    }
}
