package io.monitoringkit.grafana;

import java.util.List;

/**
 * Thrown by {@code build()} when a dashboard, panel or variable breaks rules; lists every violation with its
 * path.
 *
 * <pre>{@code
 * try {
 *     Panel.timeseries("CPU").size(30, 8).build();
 * } catch (DashboardValidationException e) {
 *     e.violations(); // ["panel \"CPU\": width 30 is not between 1 and 24"]
 * }
 * }</pre>
 */
public final class DashboardValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> violations;

    /** @param violations the violations, each naming its path */
    public DashboardValidationException(List<String> violations) {
        super(violations.size() == 1 ? violations.get(0)
                : violations.size() + " violations:\n  " + String.join("\n  ", violations));
        this.violations = List.copyOf(violations);
    }

    /** @return the violations. */
    public List<String> violations() {
        return violations;
    }
}
