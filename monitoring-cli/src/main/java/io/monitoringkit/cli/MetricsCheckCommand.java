package io.monitoringkit.cli;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParseException;
import io.monitoringkit.metrics.LintProblem;
import io.monitoringkit.metrics.MetricsLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mkit metrics check [--mkit-checks] [--openmetrics]}: lints the exposition on standard input as
 * {@code promtool check metrics} does, with the same output on standard error (one {@code metric_name problem}
 * line per problem, sorted) and the same exit codes: 0 clean, 3 lint problems, 1 unparsable input.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Lint the metric exposition on standard input like 'promtool check metrics'.",
                "Prints one 'metric_name problem' line per problem on standard error.",
                "Exit codes: 0 clean, 3 lint problems, 1 unparsable input (as promtool)."})
final class MetricsCheckCommand implements Callable<Integer> {
    /** promtool's exit code for lint problems. */
    static final int EXIT_LINT_PROBLEMS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--mkit-checks",
            description = "Also run monitoring-kit's own checks (duplicate series, histogram buckets, quantile "
                    + "range, negative counters); their lines end with '(mkit)'.")
    boolean mkitChecks;

    @Option(names = "--openmetrics",
            description = "Read OpenMetrics 1.0 text instead of the text format 0.0.4 (promtool reads only the "
                    + "latter); families are linted under their series names (counter x as x_total).")
    boolean openMetrics;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        byte[] input = Mkit.stdin(spec).readAllBytes();
        MetricsLinter linter = MetricsLinter.promtool()
                .reading(openMetrics ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT);
        if (mkitChecks) {
            linter = linter.withMkitChecks();
        }
        List<LintProblem> problems;
        try {
            problems = linter.lint(input);
        } catch (ExpositionParseException e) {
            err.print("error while linting: " + e.getMessage().replace("\n", "\\n") + "\n");
            return Mkit.EXIT_PROBLEMS;
        }
        for (LintProblem p : problems) {
            err.print(p + "\n");
        }
        return problems.isEmpty() ? 0 : EXIT_LINT_PROBLEMS;
    }
}
