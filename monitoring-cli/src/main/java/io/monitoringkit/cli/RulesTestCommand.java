package io.monitoringkit.cli;

import io.monitoringkit.engine.ruletest.RuleTestReport;
import io.monitoringkit.engine.ruletest.RuleTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code mkit rules test [--run REGEX]... FILE...}: runs promtool rule unit-test files in-process with promql-engine
 * ({@link RuleTestRunner}), with promtool's output and exit codes: {@code Unit Testing:  FILE} and
 * {@code   SUCCESS} on standard output, {@code   FAILED:} and every failure on standard error; exit code 0 when every
 * file passes, 1 otherwise, and 1 without running anything when a file does not exist (as promtool).
 */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Run promtool rule unit-test files (as 'promtool test rules') in-process.",
                "Rule files may also be PrometheusRule manifests.",
                "Exits with 0 when every file passes, 1 otherwise."})
final class RulesTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "REGEX",
            description = "Run only the test groups whose name matches one of these regular expressions.")
    List<String> run = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "promtool rule test files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.exists(f)) {
                err.print("mkit: error: path '" + f + "' does not exist\n");
                err.flush();
                return Mkit.EXIT_PROBLEMS;
            }
            if (Files.isDirectory(f)) {
                err.print("mkit: error: '" + f + "' is a directory\n");
                err.flush();
                return Mkit.EXIT_PROBLEMS;
            }
        }
        RuleTestRunner.Builder builder = RuleTestRunner.builder();
        for (String r : run) {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                err.print("mkit: error: --run " + r + ": " + e.getDescription() + "\n");
                err.flush();
                return Mkit.EXIT_PROBLEMS;
            }
        }
        builder.run(run.toArray(new String[0]));
        RuleTestRunner runner = builder.build();
        boolean passed = true;
        for (Path f : files) {
            RuleTestReport one = new RuleTestReport(List.of(runner.run(f)));
            one.writeTo(out, err);
            passed &= one.passed();
        }
        return passed ? 0 : Mkit.EXIT_PROBLEMS;
    }
}
