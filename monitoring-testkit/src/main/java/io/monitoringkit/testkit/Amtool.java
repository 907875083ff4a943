package io.monitoringkit.testkit;

import io.monitoringkit.testkit.internal.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs {@code amtool} commands offline (against files, never a live Alertmanager) and returns their
 * {@link CommandResult}. Every call has a timeout (60 s unless {@link #withTimeout(Duration) changed}).
 * Instances are immutable.
 *
 * <pre>{@code
 * Amtool amtool = Amtool.locate();                    // skips the test when amtool is missing
 * amtool.checkConfig(Path.of("alertmanager.yml")).requireSuccess();
 * CommandResult route = amtool.routesTest(Path.of("alertmanager.yml"), Map.of("team", "db"));
 * assertThat(route.stdout().strip()).isEqualTo("db-pager");
 * }</pre>
 */
public final class Amtool {
    /** The timeout of every command unless changed with {@link #withTimeout(Duration)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path binary;
    private final Duration timeout;

    private Amtool(Path binary, Duration timeout) {
        this.binary = Objects.requireNonNull(binary, "binary");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The amtool found by {@link ToolLocator#system()}; skips the calling test when there is none. */
    public static Amtool locate() {
        return locate(ToolLocator.system());
    }

    /** The amtool found by {@code locator}; skips the calling test when there is none. */
    public static Amtool locate(ToolLocator locator) {
        return new Amtool(locator.require(Tool.AMTOOL), DEFAULT_TIMEOUT);
    }

    /** An amtool at a known path. */
    public static Amtool at(Path binary) {
        return new Amtool(binary, DEFAULT_TIMEOUT);
    }

    /** A copy whose commands are killed after {@code timeout}. */
    public Amtool withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new Amtool(binary, timeout);
    }

    /** The binary this instance runs. */
    public Path binary() {
        return binary;
    }

    /** What {@code amtool --version} reports. */
    public ToolVersion version() {
        return ToolLocator.versionOf(binary);
    }

    /**
     * {@code amtool check-config FILE...}: exit code 0 when every Alertmanager configuration is valid; the
     * verdict ({@code SUCCESS} or {@code FAILED: reason}) is on standard output.
     */
    public CommandResult checkConfig(Path... configFiles) {
        return run(Promtool.withFiles(List.of("check-config"), Arrays.asList(configFiles), "config file"));
    }

    /**
     * {@code amtool config routes test --config.file=CONFIG LABEL...}: prints the receivers an alert with
     * {@code labels} is routed to (comma-separated, on standard output). Label values are quoted for amtool,
     * so spaces, quotes and backslashes are safe.
     */
    public CommandResult routesTest(Path config, Map<String, String> labels) {
        return run(routeArgs(config, List.of(), labels));
    }

    /**
     * Like {@link #routesTest(Path, Map)} with {@code --verify.receivers}: exit code 1 and a warning when the
     * alert is not routed to exactly {@code expectedReceivers}.
     */
    public CommandResult routesTest(Path config, List<String> expectedReceivers, Map<String, String> labels) {
        if (expectedReceivers.isEmpty()) {
            throw new IllegalArgumentException("expectedReceivers must not be empty");
        }
        return run(routeArgs(config, expectedReceivers, labels));
    }

    /** Runs {@code amtool ARGS...} with an empty standard input. */
    public CommandResult run(String... args) {
        return run(Arrays.asList(args));
    }

    /** Runs {@code amtool ARGS...} with an empty standard input. */
    public CommandResult run(List<String> args) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(binary.toString());
        command.addAll(args);
        return ProcessRunner.run(command, null, null, timeout);
    }

    private static List<String> routeArgs(Path config, List<String> receivers, Map<String, String> labels) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config));
        if (!receivers.isEmpty()) {
            args.add("--verify.receivers=" + String.join(",", receivers));
        }
        labels.forEach((name, value) -> args.add(name + "=" + quote(value)));
        return args;
    }

    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public String toString() {
        return "Amtool[" + binary + "]";
    }
}
