package io.monitoringkit.alertmanager;

import java.util.Objects;

/**
 * One problem found in an Alertmanager configuration: where ({@code route.routes[1].matchers[0]}) and what
 * rule is broken. Messages never contain secret values.
 *
 * <pre>{@code
 * for (ConfigProblem p : config.validate()) {
 *     System.out.println(p);   // route.routes[0].receiver: undefined receiver "db-pager" used in route
 * }
 * }</pre>
 *
 * @param path    the field path, e.g. {@code receivers[2].email_configs[0].to}; empty for the whole document
 * @param message what is wrong, worded like Alertmanager where Alertmanager has a message
 */
public record ConfigProblem(String path, String message) {

    /** Checks that nothing is null. */
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, or only the message when the path is empty. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
