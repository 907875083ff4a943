package io.monitoringkit.cli;

import io.monitoringkit.alertmanager.AlertmanagerConfig;
import io.monitoringkit.alertmanager.AlertmanagerConfigException;
import io.monitoringkit.alertmanager.AlertmanagerConfigResource;
import io.monitoringkit.alertmanager.AlertmanagerYaml;
import io.monitoringkit.alertmanager.ConfigProblem;
import io.monitoringkit.alertmanager.MatchType;
import io.monitoringkit.alertmanager.Matcher;
import io.monitoringkit.alertmanager.Routing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mkit alertmanager}: check Alertmanager configurations and test their routing, like amtool. */
@Command(name = "alertmanager",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Check alertmanager.yml files and test their routing (verdicts of amtool 0.25).",
        subcommands = {AlertmanagerCommand.Check.class, AlertmanagerCommand.Routes.class})
final class AlertmanagerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code mkit alertmanager check FILE...}. */
    @Command(name = "check",
            mixinStandardHelpOptions = true,
            versionProvider = Mkit.VersionProvider.class,
            description = {"Check Alertmanager configuration files, as amtool check-config does.",
                    "Prints 'FILE: SUCCESS' for a valid file, otherwise one line 'FILE: PATH: PROBLEM' per problem "
                            + "(all problems, not only the first). Exits with 0 when all files are valid, 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "alertmanager.yml files")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean allValid = true;
            for (Path file : files) {
                List<ConfigProblem> problems;
                Optional<String> text = read(file);
                if (text.isEmpty()) {
                    out.print(file + ": cannot read the file\n");
                    allValid = false;
                    continue;
                }
                problems = AlertmanagerYaml.check(text.get());
                if (problems.isEmpty()) {
                    out.print(file + ": SUCCESS\n");
                } else {
                    allValid = false;
                    for (ConfigProblem p : problems) {
                        out.print(file + ": " + p.toString().replace("\n", "\\n") + "\n");
                    }
                }
            }
            out.flush();
            return allValid ? 0 : Mkit.EXIT_PROBLEMS;
        }
    }

    /** {@code mkit alertmanager routes}. */
    @Command(name = "routes",
            mixinStandardHelpOptions = true,
            versionProvider = Mkit.VersionProvider.class,
            synopsisSubcommandLabel = "COMMAND",
            description = "Test and show the routing tree.",
            subcommands = {Test.class, Show.class})
    static final class Routes implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand");
        }
    }

    /** {@code mkit alertmanager routes test --config FILE label=value...}. */
    @Command(name = "test",
            mixinStandardHelpOptions = true,
            versionProvider = Mkit.VersionProvider.class,
            description = {"Print the receivers an alert with the given labels is routed to, comma-separated on "
                    + "one line, as amtool config routes test does.",
                    "With --operator-namespace NS the routes are those the Prometheus Operator generates from an "
                            + "AlertmanagerConfig resource in NS: every route gets a namespace=\"NS\" matcher, so "
                            + "give the alert a namespace label."})
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "alertmanager.yml")
        Path config;

        @Option(names = "--operator-namespace", paramLabel = "NS",
                description = "Route as the operator does for an AlertmanagerConfig resource in namespace NS.")
        String namespace;

        @Parameters(paramLabel = "LABEL=VALUE", arity = "0..*", description = "the alert's labels")
        List<String> labels = List.of();

        @Override
        public Integer call() {
            Map<String, String> alert = new LinkedHashMap<>();
            for (String l : labels) {
                Matcher m;
                try {
                    m = Matcher.parse(l);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
                if (m.type() != MatchType.EQUAL) {
                    throw new ParameterException(spec.commandLine(), "'" + l + "': labels take the form name=value");
                }
                alert.put(m.name(), m.value());
            }
            AlertmanagerConfig c = load(spec, config);
            if (namespace != null) {
                c = AlertmanagerConfigResource.of(c, "cli", namespace).operatorView();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(Routing.of(c).receiversLine(alert) + "\n");
            out.flush();
            return 0;
        }
    }

    /** {@code mkit alertmanager routes show --config FILE}. */
    @Command(name = "show",
            mixinStandardHelpOptions = true,
            versionProvider = Mkit.VersionProvider.class,
            description = "Print the routing tree, as amtool config routes show does.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "alertmanager.yml")
        Path config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(Routing.of(load(spec, config)).tree());
            out.flush();
            return 0;
        }
    }

    private static AlertmanagerConfig load(CommandSpec spec, Path file) {
        String text = read(file).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "cannot read " + file));
        try {
            return AlertmanagerYaml.read(text);
        } catch (AlertmanagerConfigException e) {
            throw new ParameterException(spec.commandLine(), file + " is invalid:\n" + String.join("\n",
                    e.problems().stream().map(p -> "  " + p).toList()));
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
