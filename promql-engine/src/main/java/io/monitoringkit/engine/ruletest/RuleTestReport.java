package io.monitoringkit.engine.ruletest;

import java.io.PrintWriter;
import java.util.List;

/**
 * The outcome of a run over several rule test files, as {@code promtool test rules FILE...} reports it.
 *
 * <pre>{@code
 * RuleTestReport report = RuleTestRunner.create().run(List.of(Path.of("a.test.yml"), Path.of("b.test.yml")));
 * report.passed();      // true when every file passed
 * report.exitCode();    // promtool's: 0 all passed, 1 otherwise
 * System.out.print(report.render());
 * }</pre>
 *
 * @param files one result per file, in the order given
 */
public record RuleTestReport(List<RuleTestResult> files) {

    /** Copies. */
    public RuleTestReport {
        files = List.copyOf(files);
    }

    /** @return whether every file passed. */
    public boolean passed() {
        return files.stream().allMatch(RuleTestResult::passed);
    }

    /** @return promtool's exit code: 0 when every file passed, 1 otherwise. */
    public int exitCode() {
        return passed() ? 0 : 1;
    }

    /** @return the number of test groups that ran, over all files. */
    public int testCaseCount() {
        return files.stream().mapToInt(f -> f.testCases().size()).sum();
    }

    /** Writes every file's result as promtool does (see {@link RuleTestResult#writeTo(PrintWriter, PrintWriter)}). */
    public void writeTo(PrintWriter out, PrintWriter err) {
        for (RuleTestResult r : files) {
            r.writeTo(out, err);
        }
    }

    /** @return the whole report as a terminal shows it. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (RuleTestResult r : files) {
            sb.append(r.render());
        }
        return sb.toString();
    }
}
