package io.monitoringkit.testkit;

import io.monitoringkit.testkit.internal.ProcessRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Prometheus tools. For each {@link Tool} the environment variable ({@code PROMETHEUS_BIN},
 * {@code PROMTOOL_BIN}, {@code ALERTMANAGER_BIN}, {@code AMTOOL_BIN}) wins when set: it may name the binary or
 * the directory holding it. Otherwise every {@code PATH} entry is searched for the tool's
 * {@linkplain Tool#binaryNames() binary names} ({@code alertmanager} or Debian's {@code prometheus-alertmanager}).
 *
 * <p>{@link #require(Tool)} skips the calling test through a JUnit assumption when the tool is missing, with a
 * message saying how to install it; a variable that names something else is an error, not a skip.
 *
 * <pre>{@code
 * ToolLocator tools = ToolLocator.system();
 * Path promtool = tools.require(Tool.PROMTOOL);        // skips the test when absent
 * ToolVersion version = tools.version(Tool.PROMETHEUS); // e.g. prometheus 2.42.0+ds
 * boolean haveAmtool = tools.find(Tool.AMTOOL).isPresent();
 * }</pre>
 */
public final class ToolLocator {
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
    private static final Map<Path, ToolVersion> VERSIONS = new ConcurrentHashMap<>();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Map<String, String> environment;

    private ToolLocator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A locator reading this process' environment ({@link System#getenv()}). */
    public static ToolLocator system() {
        return new ToolLocator(System.getenv());
    }

    /**
     * A locator reading the given environment instead of the process' one (for tests and for builds that pass
     * paths explicitly). Only {@code PATH} and the tools' variables are read.
     */
    public static ToolLocator of(Map<String, String> environment) {
        return new ToolLocator(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * The tool's binary, or empty when neither its variable nor {@code PATH} yields one.
     *
     * @throws ToolException when the tool's variable is set but names neither an executable file nor a
     *                       directory holding one of the tool's binary names
     */
    public Optional<Path> find(Tool tool) {
        String configured = environment.get(tool.environmentVariable());
        if (configured != null && !configured.isBlank()) {
            return Optional.of(fromVariable(tool, configured.strip()));
        }
        String path = environment.getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Optional<Path> found = inDirectory(tool, Path.of(entry));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether {@link #find(Tool)} yields a binary. */
    public boolean isAvailable(Tool tool) {
        return find(tool).isPresent();
    }

    /**
     * The tool's binary; when it is missing the calling test is aborted (skipped) with
     * {@link #missingMessage(Tool)}, which is also printed once to standard error so that skips are noticed.
     *
     * @throws ToolException when the tool's variable names something that is not the tool
     */
    public Path require(Tool tool) {
        Optional<Path> found = find(tool);
        if (found.isPresent()) {
            return found.get();
        }
        String message = missingMessage(tool);
        if (WARNED.add(message)) {
            System.err.println("[monitoring-kit testkit] WARNING: " + message);
        }
        return Assumptions.abort(message);
    }

    /**
     * The message a test is skipped with when the tool is missing, e.g. {@code prometheus not found, so this
     * test is skipped. Install it (Debian/Ubuntu: apt-get install prometheus prometheus-alertmanager) or set
     * PROMETHEUS_BIN to the binary or its directory. Searched PROMETHEUS_BIN (not set) and PATH
     * (/usr/bin:/bin) for 'prometheus'.}
     */
    public String missingMessage(Tool tool) {
        String variable = tool.environmentVariable();
        String names = tool.binaryNames().stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "));
        return tool.displayName() + " not found, so this test is skipped. Install it (" + tool.installHint()
                + ") or set " + variable + " to the binary or its directory. Searched " + variable
                + " (not set) and PATH (" + environment.getOrDefault("PATH", "") + ") for " + names + ".";
    }

    /**
     * The version the tool reports ({@code TOOL --version}); requires the tool like {@link #require(Tool)}.
     * Results are cached per binary for the life of the JVM.
     */
    public ToolVersion version(Tool tool) {
        return versionOf(require(tool));
    }

    /**
     * Runs {@code binary --version} and parses it (cached per binary).
     *
     * @throws ToolException when the binary does not answer within 20 s or prints no version report
     */
    public static ToolVersion versionOf(Path binary) {
        return VERSIONS.computeIfAbsent(binary.toAbsolutePath().normalize(), b -> {
            CommandResult result = ProcessRunner.run(List.of(b.toString(), "--version"), null, null,
                    VERSION_TIMEOUT);
            try {
                return ToolVersion.parse(result.stdout() + result.stderr());
            } catch (IllegalArgumentException e) {
                throw new ToolException("cannot read the version of " + b + ": " + e.getMessage() + "\n"
                        + result.describe(), e);
            }
        });
    }

    private static Path fromVariable(Tool tool, String value) {
        Path path = Path.of(value);
        if (Files.isDirectory(path)) {
            Optional<Path> found = inDirectory(tool, path);
            if (found.isPresent()) {
                return found.get();
            }
        } else if (Files.isRegularFile(path) && Files.isExecutable(path)) {
            return path;
        }
        List<String> names = new ArrayList<>();
        for (String n : tool.binaryNames()) {
            names.add("'" + n + "'");
        }
        throw new ToolException(tool.environmentVariable() + "=" + value
                + " names neither an executable file nor a directory containing " + String.join(" or ", names)
                + "; fix or unset " + tool.environmentVariable());
    }

    private static Optional<Path> inDirectory(Tool tool, Path directory) {
        for (String name : tool.binaryNames()) {
            Path candidate = directory.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
