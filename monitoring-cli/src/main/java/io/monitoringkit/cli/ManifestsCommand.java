package io.monitoringkit.cli;

import io.monitoringkit.operator.ManifestCheck;
import io.monitoringkit.operator.Manifests;
import io.monitoringkit.operator.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mkit manifests}: the Prometheus Operator manifest command group. */
@Command(name = "manifests",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Check Prometheus Operator manifests (ServiceMonitor, PodMonitor, Probe, PrometheusRule).",
        subcommands = {ManifestsCommand.Validate.class})
final class ManifestsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /**
     * {@code mkit manifests validate FILE...}: one line per problem, {@code file: Kind/name: field.path: message};
     * exit 0 when every document is valid, 1 otherwise.
     */
    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            versionProvider = Mkit.VersionProvider.class,
            description = {"Validate ServiceMonitor, PodMonitor, Probe and PrometheusRule manifests (multi-document"
                    + " YAML or JSON) against the v0.93 CRDs, the operator's runtime checks, Prometheus' relabeling"
                    + " and rule checks and Kubernetes' naming rules. Unknown fields are errors.",
                    "Prints one line per problem: '<file>: <Kind>/<name>: <field.path>: <message>'. Exits with 0 when"
                            + " all documents are valid, 1 otherwise."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--thanos", description = "PrometheusRules are for Thanos Ruler (allow partial_response_strategy).")
        boolean thanos;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Manifest files.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean ok = true;
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    out.println(file + ": cannot read: " + e.getMessage());
                    ok = false;
                    continue;
                }
                List<ManifestCheck> checks;
                try {
                    checks = Manifests.check(text, thanos);
                } catch (IllegalArgumentException e) {
                    out.println(file + ": " + e.getMessage());
                    ok = false;
                    continue;
                }
                for (ManifestCheck c : checks) {
                    for (Violation v : c.violations()) {
                        out.println(file + ": " + c.subject() + ": " + v);
                        ok = false;
                    }
                }
            }
            out.flush();
            return ok ? 0 : Mkit.EXIT_PROBLEMS;
        }
    }
}
