package io.monitoringkit.operator;

import java.util.Objects;

/**
 * One broken rule in a resource: where (a field path such as {@code spec.endpoints[0].interval}) and what.
 *
 * <pre>{@code
 * Violation v = new Violation("spec.endpoints[0].interval",
 *         "\"5 minutes\" is not a Prometheus duration (e.g. 30s, 5m, 1h30m)");
 * v.toString(); // spec.endpoints[0].interval: "5 minutes" is not a Prometheus duration (e.g. 30s, 5m, 1h30m)
 * }</pre>
 *
 * @param path the field path, dotted with {@code [i]} for list items; "" for the resource as a whole
 * @param message what is wrong, quoting the bad value first where there is one
 */
public record Violation(String path, String message) {
    /** Rejects nulls. */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, or the message alone for the resource as a whole. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
