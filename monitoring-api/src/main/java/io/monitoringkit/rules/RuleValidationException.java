package io.monitoringkit.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule file or model that Prometheus would reject; lists every error, each with its location.
 *
 * <pre>{@code
 * try {
 *     RuleFiles.read(yaml, "rules.yml");
 * } catch (RuleValidationException e) {
 *     e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class RuleValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    /** @param problems the errors (at least one) */
    public RuleValidationException(List<RuleProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
