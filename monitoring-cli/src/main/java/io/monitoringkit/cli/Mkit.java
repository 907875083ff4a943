package io.monitoringkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code mkit} command: monitoring-kit's command line. Each command group is its own class, listed in
 * {@code subcommands} below; to add one, write a {@code @Command} class in this package and register it here.
 * Commands read standard input through {@link #stdin(CommandSpec)} and write through picocli's
 * {@code spec.commandLine().getOut()} / {@code getErr()}, so tests run them in-process with
 * {@link #execute(InputStream, PrintWriter, PrintWriter, String...)}.
 *
 * <p>Exit codes: 0 success, 1 problems found in the input, 2 invalid usage, 70 internal error.
 *
 * <pre>{@code
 * $ mkit promql format 'sum by(job)(rate(http_requests_total[5m]))'
 * sum by (job) (rate(http_requests_total[5m]))
 *
 * // in-process, e.g. in a test:
 * StringWriter out = new StringWriter();
 * int exit = Mkit.execute(InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(System.err),
 *         "--version");
 * }</pre>
 */
@Command(name = "mkit",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "monitoring-kit: Prometheus monitoring as code, in Java, tested like code.",
        footerHeading = "%n",
        footer = {"Exit codes:", "  0   success", "  1   problems found in the input", "  2   invalid usage",
            "  3   lint problems (mkit metrics check, as promtool check metrics)", "  70  internal error"},
        subcommands = {CommandLine.HelpCommand.class, PromqlCommand.class, MetricsCommand.class, QueryCommand.class, RulesCommand.class, DashboardsCommand.class, AlertmanagerCommand.class, ManifestsCommand.class, DoctorCommand.class, CheckCommand.class, GenerateCommand.class})
public final class Mkit implements Runnable {
    /** Exit code for problems found in the input (invalid expressions, failed checks). */
    public static final int EXIT_PROBLEMS = 1;
    /** Exit code for a bug: an unexpected exception. */
    public static final int EXIT_INTERNAL_ERROR = 70;

    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    /** A command reading {@link System#in}. */
    public Mkit() {
        this(System.in);
    }

    private Mkit(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /** Runs {@code mkit ARGS...} on standard input and output (UTF-8) and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(System.in, out, err, args));
    }

    /**
     * Runs {@code mkit ARGS...} in-process with the given streams and returns the exit code; both writers are
     * flushed.
     */
    public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        try {
            // Fast path: plain `rules test FILE...` without picocli's model of every command (same output and exit
            // codes; anything else, options and help included, goes through picocli).
            Optional<List<Path>> ruleTests = RulesTestRun.plainInvocation(args);
            if (ruleTests.isPresent()) {
                try {
                    return RulesTestRun.run(List.of(), ruleTests.get(), out, err);
                } catch (RuntimeException ex) {
                    err.println("mkit: internal error: " + ex);
                    ex.printStackTrace(err);
                    return EXIT_INTERNAL_ERROR;
                }
            }
            return commandLine(in, out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured picocli {@link CommandLine} for {@code mkit}, for embedding and tests. */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Mkit(in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("mkit: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return EXIT_INTERNAL_ERROR;
        });
        return cli;
    }

    /** Without a command, {@code mkit} reports the missing command and shows its usage (exit code 2). */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The standard input of the {@code mkit} invocation that {@code spec} belongs to. */
    static InputStream stdin(CommandSpec spec) {
        return ((Mkit) spec.root().userObject()).stdin;
    }

    /** mkit's version, from the build. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Mkit.class.getResourceAsStream("mkit-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** Supplies {@code mkit --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mkit " + version()};
        }
    }
}
