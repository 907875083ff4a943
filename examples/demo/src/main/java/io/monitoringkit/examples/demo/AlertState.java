package io.monitoringkit.examples.demo;

/**
 * What the view shows for one alerting rule: {@code INACTIVE} (no {@code ALERTS} series), {@code PENDING} and
 * {@code FIRING} (its {@code alertstate}), and {@code RESOLVED}: it fired and has no {@code ALERTS} series any more.
 *
 * <pre>{@code
 * AlertState.FIRING.label();   // "FIRING"
 * }</pre>
 */
public enum AlertState {
    /** The rule's expression returns nothing (and it has not fired before). */
    INACTIVE("inactive"),
    /** The expression returns series, for less than the rule's {@code for} duration. */
    PENDING("pending"),
    /** The expression has returned series for at least the rule's {@code for} duration. */
    FIRING("FIRING"),
    /** The alert fired and its expression returns nothing any more. */
    RESOLVED("resolved");

    private final String label;

    AlertState(String label) {
        this.label = label;
    }

    /** How the view prints the state. */
    public String label() {
        return label;
    }

    /** True for the states with an {@code ALERTS} series. */
    public boolean active() {
        return this == PENDING || this == FIRING;
    }
}
