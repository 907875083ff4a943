package io.monitoringkit.engine.ruletest;

import java.util.List;

/**
 * A promtool rule test file that cannot be read: every problem found, each naming the file, line and column, the
 * field and what is wrong.
 *
 * <pre>{@code
 * try {
 *     RuleTestFile.read(Path.of("alerts.test.yml"));
 * } catch (RuleTestFileException e) {
 *     e.problems().forEach(System.err::println);
 *     // alerts.test.yml:7:5: tests[0]: unknown field "intervall"; known fields are interval, input_series, ...
 * }
 * }</pre>
 */
public final class RuleTestFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The problems, one line each. */
    private final List<String> problems;

    /** @param problems at least one problem */
    public RuleTestFileException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RuleTestFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in file order, each {@code FILE:LINE:COLUMN: FIELD: message}. */
    public List<String> problems() {
        return problems;
    }
}
