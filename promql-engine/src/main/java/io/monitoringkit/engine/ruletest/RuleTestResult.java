package io.monitoringkit.engine.ruletest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one rule test file: problems that stopped the whole file (unreadable, invalid YAML, a repeated
 * {@code group_eval_order} name), warnings, and one {@link TestCaseResult} per test group that ran.
 *
 * <pre>{@code
 * RuleTestResult r = RuleTestRunner.create().run(Path.of("alerts.test.yml"));
 * r.passed();                 // false
 * r.failedTestCases();        // [TestCaseResult[name=high error rate, ...]]
 * System.out.print(r.render());
 * // Unit Testing:  alerts.test.yml
 * //   FAILED:
 * //     name: high error rate,
 * //     alertname: HighErrorRate, time: 10m, ...
 * }</pre>
 *
 * @param file the test file as named to the runner
 * @param warnings warnings, e.g. {@code no file match pattern rules/*.yml}
 * @param fileErrors errors that stopped the file before any test group ran
 * @param testCases the test groups that ran, in file order
 */
public record RuleTestResult(String file, List<String> warnings, List<String> fileErrors,
                             List<TestCaseResult> testCases) {

    /** Copies. */
    public RuleTestResult {
        Objects.requireNonNull(file, "file");
        warnings = List.copyOf(warnings);
        fileErrors = List.copyOf(fileErrors);
        testCases = List.copyOf(testCases);
    }

    /** @return whether the file passed: it could be read and every test group passed. */
    public boolean passed() {
        return fileErrors.isEmpty() && testCases.stream().allMatch(TestCaseResult::passed);
    }

    /** @return the test groups that failed. */
    public List<TestCaseResult> failedTestCases() {
        return testCases.stream().filter(t -> !t.passed()).toList();
    }

    /** @return every failure message, in promtool's order: file errors, then each test group's failures. */
    public List<String> failureMessages() {
        List<String> out = new ArrayList<>(fileErrors);
        for (TestCaseResult t : testCases) {
            for (RuleTestFailure f : t.failures()) {
                out.add(f.message());
            }
        }
        return out;
    }

    /**
     * Writes the result as promtool does: {@code Unit Testing:  FILE} and {@code   SUCCESS} on {@code out};
     * warnings, {@code   FAILED:} and the failure messages on {@code err}, each failure followed by an empty line on
     * {@code out}; a final empty line on {@code out}.
     */
    public void writeTo(PrintWriter out, PrintWriter err) {
        out.print("Unit Testing:  " + file + "\n");
        out.flush();
        for (String w : warnings) {
            err.print("  WARNING: " + w + "\n");
        }
        err.flush();
        if (passed()) {
            out.print("  SUCCESS\n");
        } else {
            err.print("  FAILED:\n");
            for (String m : failureMessages()) {
                err.print(m + "\n");
                err.flush();
                out.print("\n");
                out.flush();
            }
        }
        out.print("\n");
        out.flush();
        err.flush();
    }

    /** @return what a terminal shows for {@link #writeTo(PrintWriter, PrintWriter)} (both streams, interleaved). */
    public String render() {
        StringWriter sw = new StringWriter();
        PrintWriter both = new PrintWriter(sw);
        writeTo(both, both);
        both.flush();
        return sw.toString();
    }

    /**
     * One test group ({@code tests[index]}) and its failures.
     *
     * <pre>{@code
     * for (TestCaseResult t : result.testCases()) {
     *     System.out.println(t.name() + (t.passed() ? " ok" : " FAILED: " + t.failures().size()));
     * }
     * }</pre>
     *
     * @param index the position in {@code tests}
     * @param name the group's {@code name}, or {@code unnamed#INDEX} as promtool calls it
     * @param failures what failed, in promtool's order (alert checks by time, then PromQL checks)
     */
    public record TestCaseResult(int index, String name, List<RuleTestFailure> failures) {
        /** Copies. */
        public TestCaseResult {
            Objects.requireNonNull(name, "name");
            failures = List.copyOf(failures);
        }

        /** @return whether nothing failed. */
        public boolean passed() {
            return failures.isEmpty();
        }
    }
}
