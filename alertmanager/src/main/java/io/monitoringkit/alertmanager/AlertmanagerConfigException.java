package io.monitoringkit.alertmanager;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an Alertmanager configuration is invalid or cannot be read; lists every problem found, each
 * with its field path.
 *
 * <pre>{@code
 * try {
 *     AlertmanagerConfig config = AlertmanagerYaml.read(text);
 * } catch (AlertmanagerConfigException e) {
 *     e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class AlertmanagerConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** An exception listing {@code problems} (at least one). */
    public AlertmanagerConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an AlertmanagerConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        return "invalid Alertmanager configuration (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
