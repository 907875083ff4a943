package io.monitoringkit.cli;

import io.monitoringkit.grafana.Dashboard;
import io.monitoringkit.grafana.DashboardLinter;
import io.monitoringkit.grafana.DashboardReadException;
import io.monitoringkit.grafana.Dashboards;
import io.monitoringkit.grafana.GrafanaApiException;
import io.monitoringkit.grafana.GrafanaClient;
import io.monitoringkit.grafana.LintFinding;
import io.monitoringkit.grafana.LintReport;
import io.monitoringkit.grafana.Severity;
import io.monitoringkit.http.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mkit dashboards}: lint, normalize and push Grafana dashboards.
 *
 * <pre>{@code
 * $ mkit dashboards lint dashboards/*.json
 * $ mkit dashboards normalize exported.json > dashboards/checkout.json
 * $ GRAFANA_TOKEN=glsa_... mkit dashboards push --url https://grafana.example.com --folder team-a dashboards/*.json
 * }</pre>
 */
@Command(name = "dashboards",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Lint, normalize and push Grafana dashboard JSON.",
        subcommands = {DashboardsCommand.Lint.class, DashboardsCommand.Normalize.class, DashboardsCommand.Push.class})
final class DashboardsCommand implements Runnable {
    /** How commands read environment variables (replaced in tests). */
    static UnaryOperator<String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Reads a dashboard file ("-" for standard input); prints problems and returns empty when it cannot. */
    static Optional<Dashboard> read(CommandSpec spec, String file) {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = file.equals("-") ? new String(Mkit.stdin(spec).readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return Optional.empty();
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(Dashboards.read(text));
        } catch (DashboardReadException e) {
            for (String p : e.problems()) {
                err.println(file + ": " + p);
            }
            return Optional.empty();
        }
    }

    /** {@code mkit dashboards lint FILE...}. */
    @Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = {"Lint dashboards: queries parse, use $__rate_interval and a data source variable, variables"
                    + " are defined, ids and uids are unique, panels fit the grid without overlapping, units and"
                    + " titles are set.", "Prints one line per finding: FILE: SEVERITY RULE PATH: MESSAGE.",
                    "Exits with 1 when there is an error (or a warning with --strict)."})
    static final class Lint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dashboard JSON files ('-' for standard input).")
        List<String> files;

        @Option(names = "--disable", split = ",", paramLabel = "RULE", description = "Rules to turn off.")
        List<String> disabled = new ArrayList<>();

        @Option(names = "--strict", description = "Fail on warnings too.")
        boolean strict;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DashboardLinter linter;
            try {
                linter = DashboardLinter.defaults().without(disabled.toArray(new String[0]));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            boolean failed = false;
            List<Dashboard> all = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String f : files) {
                Optional<Dashboard> d = read(spec, f);
                if (d.isEmpty()) {
                    failed = true;
                    continue;
                }
                LintReport r = linter.without("duplicate-uid").lint(d.get());
                for (LintFinding x : r.findings()) {
                    out.println(f + ": " + x);
                    failed |= x.severity() == Severity.ERROR || strict;
                }
                all.add(d.get());
                names.add(f);
            }
            if (!disabled.contains("duplicate-uid")) {
                for (LintFinding x : DashboardLinter.defaults().without(DashboardLinter.RULES.stream()
                        .filter(r -> !r.equals("duplicate-uid")).toArray(String[]::new)).lint(all).findings()) {
                    out.println(x);
                    failed = true;
                }
            }
            return failed ? Mkit.EXIT_PROBLEMS : 0;
        }
    }

    /** {@code mkit dashboards normalize FILE}. */
    @Command(name = "normalize", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = {"Read a dashboard into the typed model and print it back as stable pretty JSON (keys"
                    + " sorted). Nothing is dropped: the output equals the input as JSON values."})
    static final class Normalize implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Dashboard JSON file ('-' for standard input).")
        String file;

        @Override
        public Integer call() {
            Optional<Dashboard> d = read(spec, file);
            if (d.isEmpty()) {
                return Mkit.EXIT_PROBLEMS;
            }
            spec.commandLine().getOut().print(Dashboards.write(d.get()));
            return 0;
        }
    }

    /** {@code mkit dashboards push --url URL FILE...}. */
    @Command(name = "push", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = {"Create or update dashboards through Grafana's HTTP API (POST /api/dashboards/db).",
                    "The service account token is read from the environment variable named by --token-env."})
    static final class Push implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--url", required = true, description = "Grafana's base URL.")
        String url;

        @Option(names = "--token-env", defaultValue = "GRAFANA_TOKEN", paramLabel = "NAME",
                description = "Environment variable holding the service account token (default: ${DEFAULT-VALUE}).")
        String tokenEnv;

        @Option(names = "--folder", paramLabel = "UID", description = "Folder uid (default: the General folder).")
        String folder;

        @Option(names = "--overwrite", description = "Overwrite dashboards changed in Grafana or with the same name.")
        boolean overwrite;

        @Option(names = "--message", defaultValue = "", description = "Version history message.")
        String message;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dashboard JSON files.")
        List<String> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String token = environment.apply(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new ParameterException(spec.commandLine(), "environment variable " + tokenEnv
                        + " is not set: it must hold a Grafana service account token");
            }
            GrafanaClient.SaveOptions options = (folder == null ? GrafanaClient.SaveOptions.general()
                    : GrafanaClient.SaveOptions.inFolder(folder)).overwrite(overwrite).message(message);
            boolean failed = false;
            try (GrafanaClient grafana = GrafanaClient.builder(url).serviceAccountToken(Secret.of(token)).build()) {
                for (String f : files) {
                    Optional<Dashboard> d = read(spec, f);
                    if (d.isEmpty()) {
                        failed = true;
                        continue;
                    }
                    try {
                        GrafanaClient.SaveResult r = grafana.save(d.get(), options);
                        out.println(f + ": " + r.status() + " " + r.url() + " (version " + r.version() + ")");
                    } catch (GrafanaApiException e) {
                        err.println(f + ": " + e.getMessage());
                        failed = true;
                    } catch (IOException e) {
                        err.println(f + ": " + e.getMessage());
                        failed = true;
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return failed ? Mkit.EXIT_PROBLEMS : 0;
        }
    }
}
