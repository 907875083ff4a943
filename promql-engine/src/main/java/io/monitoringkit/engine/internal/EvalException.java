package io.monitoringkit.engine.internal;

/** A query evaluation error with Prometheus' message. */
public final class EvalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message Prometheus' error message */
    public EvalException(String message) {
        super(message);
    }
}
