package io.monitoringkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mkit rules test [--run REGEX]... FILE...}: runs promtool rule unit-test files in-process with promql-engine
 * ({@link io.monitoringkit.engine.ruletest.RuleTestRunner}, through {@link RulesTestRun}), with promtool's output and
 * exit codes: {@code Unit Testing:  FILE} and {@code   SUCCESS} on standard output, {@code   FAILED:} and every failure on standard error; exit code 0 when every
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
        return RulesTestRun.run(run, files, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
