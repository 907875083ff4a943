package io.monitoringkit.engine.internal.rules;

/** A rule evaluation that failed before producing output, with Prometheus' message. */
final class RuleFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RuleFailure(String message) {
        super(message, null, false, false);
    }
}
