package io.monitoringkit.cli;

import io.monitoringkit.operator.Finding;
import io.monitoringkit.operator.ScrapeDiagnosis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mkit doctor FILE...}: reads Prometheus, ServiceMonitor, PodMonitor, PrometheusRule, Service, Pod and
 * Namespace objects (e.g. {@code kubectl get ... -o yaml} output) and prints every reason a monitor would not be
 * scraped or a rule not loaded, one per line; exit 0 when there is none, 1 otherwise.
 */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Explain why a ServiceMonitor, PodMonitor or PrometheusRule would not be scraped or loaded.",
                "Reads Prometheus, ServiceMonitor, PodMonitor, PrometheusRule, Service, Pod and Namespace objects"
                        + " from the files (multi-document YAML, or kubectl's kind: List) and prints one line per"
                        + " finding: '<Kind> <namespace>/<name>: <reason>'. Exits with 0 when there is none, 1"
                        + " otherwise."})
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files with the cluster's objects.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            try {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append("\n---\n");
            } catch (IOException e) {
                out.println(file + ": cannot read: " + e.getMessage());
                return Mkit.EXIT_PROBLEMS;
            }
        }
        List<Finding> findings;
        try {
            findings = ScrapeDiagnosis.fromYaml(all.toString()).findings();
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return Mkit.EXIT_PROBLEMS;
        }
        findings.forEach(out::println);
        out.flush();
        return findings.isEmpty() ? 0 : Mkit.EXIT_PROBLEMS;
    }
}
