package io.monitoringkit.testkit;

import io.monitoringkit.testkit.internal.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs {@code promtool} commands and returns their {@link CommandResult}. Batch work: one
 * {@link #checkRules(List)} call checks any number of files. Every call has a timeout (60 s unless
 * {@link #withTimeout(Duration) changed}); a command that overruns is killed and reported as a
 * {@link ToolException}. Instances are immutable.
 *
 * <pre>{@code
 * Promtool promtool = Promtool.locate();               // skips the test when promtool is missing
 * CommandResult check = promtool.checkRules(List.of(good, bad));
 * assertThat(check.exitCode()).isEqualTo(1);
 * assertThat(check.stderr()).contains("unclosed left parenthesis");
 *
 * promtool.testRules(Path.of("tests.yml")).requireSuccess();
 * CommandResult lint = promtool.checkMetrics("# TYPE x counter\nx_total 1\n");
 * }</pre>
 */
public final class Promtool {
    /** The timeout of every command unless changed with {@link #withTimeout(Duration)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path binary;
    private final Duration timeout;
    private final Optional<Path> directory;

    private Promtool(Path binary, Duration timeout, Optional<Path> directory) {
        this.binary = Objects.requireNonNull(binary, "binary");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.directory = directory;
    }

    /** The promtool found by {@link ToolLocator#system()}; skips the calling test when there is none. */
    public static Promtool locate() {
        return locate(ToolLocator.system());
    }

    /** The promtool found by {@code locator}; skips the calling test when there is none. */
    public static Promtool locate(ToolLocator locator) {
        return new Promtool(locator.require(Tool.PROMTOOL), DEFAULT_TIMEOUT, Optional.empty());
    }

    /** A promtool at a known path. */
    public static Promtool at(Path binary) {
        return new Promtool(binary, DEFAULT_TIMEOUT, Optional.empty());
    }

    /** A copy whose commands are killed after {@code timeout}. */
    public Promtool withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new Promtool(binary, timeout, directory);
    }

    /**
     * A copy whose commands run in {@code directory}, so relative file names resolve there and appear
     * unchanged in promtool's messages.
     */
    public Promtool inDirectory(Path directory) {
        return new Promtool(binary, timeout, Optional.of(directory));
    }

    /** The binary this instance runs. */
    public Path binary() {
        return binary;
    }

    /** What {@code promtool --version} reports. */
    public ToolVersion version() {
        return ToolLocator.versionOf(binary);
    }

    /** {@code promtool check rules FILE...}: see {@link #checkRules(List)}. */
    public CommandResult checkRules(Path... ruleFiles) {
        return checkRules(Arrays.asList(ruleFiles));
    }

    /**
     * {@code promtool check rules FILE...} in one process. Exit code 0 when every file is valid, 1 otherwise;
     * per-file verdicts go to standard output ({@code SUCCESS: N rules found}) and errors to standard error
     * ({@code FILE: LINE:COL: group "g", rule 1, "name": could not parse expression: ...}).
     */
    public CommandResult checkRules(List<Path> ruleFiles) {
        return run(withFiles(List.of("check", "rules"), ruleFiles, "rule file"));
    }

    /** {@code promtool test rules FILE...}: see {@link #testRules(List)}. */
    public CommandResult testRules(Path... testFiles) {
        return testRules(Arrays.asList(testFiles));
    }

    /**
     * {@code promtool test rules FILE...}: runs rule unit tests; exit code 0 when all pass, 1 otherwise, with
     * the differences on standard error.
     */
    public CommandResult testRules(List<Path> testFiles) {
        return run(withFiles(List.of("test", "rules"), testFiles, "test file"));
    }

    /** {@code promtool check config FILE...}: validates Prometheus configuration files. */
    public CommandResult checkConfig(Path... configFiles) {
        return run(withFiles(List.of("check", "config"), Arrays.asList(configFiles), "config file"));
    }

    /**
     * {@code promtool check metrics} with {@code exposition} on standard input: lints the text exposition
     * format. Exit code 0 when clean, 3 when there are lint problems (listed on standard error), 1 when the
     * input does not parse.
     */
    public CommandResult checkMetrics(String exposition) {
        return run(List.of("check", "metrics"), exposition);
    }

    /**
     * {@code promtool tsdb create-blocks-from openmetrics INPUT OUTPUT_DIR}: turns an OpenMetrics file (ending in
     * {@code # EOF}) into TSDB blocks that a Prometheus started on {@code outputDir} serves.
     */
    public CommandResult createBlocksFromOpenMetrics(Path input, Path outputDir) {
        return run(List.of("tsdb", "create-blocks-from", "openmetrics", input.toString(), outputDir.toString()));
    }

    /** Runs {@code promtool ARGS...} with an empty standard input. */
    public CommandResult run(String... args) {
        return run(Arrays.asList(args));
    }

    /** Runs {@code promtool ARGS...} with an empty standard input. */
    public CommandResult run(List<String> args) {
        return execute(args, null);
    }

    /** Runs {@code promtool ARGS...} with {@code stdin} (UTF-8) on standard input. */
    public CommandResult run(List<String> args, String stdin) {
        return execute(args, stdin.getBytes(StandardCharsets.UTF_8));
    }

    private CommandResult execute(List<String> args, byte[] stdin) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(binary.toString());
        command.addAll(args);
        return ProcessRunner.run(command, directory.orElse(null), stdin, timeout);
    }

    static List<String> withFiles(List<String> subcommand, List<Path> files, String what) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what + " is required");
        }
        List<String> args = new ArrayList<>(subcommand);
        for (Path file : files) {
            args.add(file.toString());
        }
        return args;
    }

    @Override
    public String toString() {
        return "Promtool[" + binary + "]";
    }
}
