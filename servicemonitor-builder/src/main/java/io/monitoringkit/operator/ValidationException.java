package io.monitoringkit.operator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by the builders' {@code build()} when a resource breaks rules: lists every violation, each with its field
 * path.
 *
 * <pre>{@code
 * try {
 *     ServiceMonitors.forService("checkout").endpoint("web", e -> e.withInterval("5 minutes")).build();
 * } catch (ValidationException e) {
 *     e.violations(); // [spec.endpoints[0].interval: "5 minutes" is not a Prometheus duration (e.g. 30s, 5m, 1h30m)]
 * }
 * }</pre>
 */
public final class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String resource;
    private final transient List<Violation> violations;

    /**
     * @param resource what was validated, e.g. {@code ServiceMonitor/checkout}
     * @param violations at least one violation
     */
    public ValidationException(String resource, List<Violation> violations) {
        super(message(resource, violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.resource = resource;
        this.violations = List.copyOf(violations);
    }

    private static String message(String resource, List<Violation> violations) {
        return resource + " is invalid (" + violations.size() + (violations.size() == 1 ? " problem" : " problems")
                + "):" + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining());
    }

    /** @return what was validated, e.g. {@code ServiceMonitor/checkout} */
    public String resource() {
        return resource;
    }

    /** @return every violation, in document order */
    public List<Violation> violations() {
        return violations;
    }
}
