package io.monitoringkit.grafana;

import java.util.List;

/**
 * Thrown by {@link Dashboards#read(String)} when JSON is not a dashboard the model can hold; every problem
 * names its JSON path ({@code $.panels[3].targets[0]}).
 *
 * <pre>{@code
 * try {
 *     Dashboards.read("{\"panels\": [1]}");
 * } catch (DashboardReadException e) {
 *     e.problems(); // ["$.panels[0]: expected an object, got a number"]
 * }
 * }</pre>
 */
public final class DashboardReadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** @param problems the problems, each starting with its JSON path */
    public DashboardReadException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems. */
    public List<String> problems() {
        return problems;
    }
}
