package io.monitoringkit.cli;

import io.monitoringkit.rules.RuleCheck;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code mkit rules check [--prometheus-version V] FILE...}: checks rule files and (multi-document)
 * PrometheusRule manifests as promtool's {@code check rules} does. Standard output gets {@code Checking FILE} and
 * {@code   SUCCESS: N rules found} per good file; standard error gets {@code   FAILED:} and one line per problem
 * for a bad one, and warnings. Exit code 0 when every file is good, 1 otherwise.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Check Prometheus rule files and PrometheusRule manifests, as 'promtool check rules' does.",
                "Exits with 0 when every file is valid, 1 otherwise."})
final class RulesCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--prometheus-version", paramLabel = "VERSION", defaultValue = RuleFiles.DEFAULT_VERSION,
            description = "Check against this Prometheus version's rules, e.g. 2.42 or 3.1 (default: ${DEFAULT-VALUE}).")
    String prometheusVersion;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files or PrometheusRule manifests.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (Path file : files) {
            out.print("Checking " + file + "\n");
            out.flush();
            String yaml;
            try {
                yaml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.print("  FAILED:\n" + file + ": " + describe(e) + "\n\n");
                err.flush();
                allValid = false;
                continue;
            }
            RuleCheck check = RuleFiles.check(yaml, file.toString(), prometheusVersion);
            if (check.isValid()) {
                out.print("  SUCCESS: " + check.ruleCount() + " rules found\n\n");
            } else {
                allValid = false;
                err.print("  FAILED:\n");
                for (RuleProblem p : check.errors()) {
                    err.print(p + "\n");
                }
                err.print("\n");
            }
            for (RuleProblem p : check.warnings()) {
                err.print(p + "\n");
            }
            out.flush();
            err.flush();
        }
        return allValid ? 0 : Mkit.EXIT_PROBLEMS;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
