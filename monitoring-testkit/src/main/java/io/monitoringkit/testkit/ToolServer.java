package io.monitoringkit.testkit;

import io.monitoringkit.testkit.internal.ManagedServer;
import io.monitoringkit.testkit.internal.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real server process started for tests: listening on 127.0.0.1 on a port the operating system chose, with
 * its own temporary directory (configuration file, extra files, data), its output captured, and a
 * {@link #close()} that stops it (SIGTERM, then SIGKILL after the shutdown timeout) and deletes the directory.
 * The two kinds are {@link PrometheusServer} and {@link AlertmanagerServer}.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.builder()
 *         .config("""
 *                 rule_files: [rules.yml]
 *                 """)
 *         .file("rules.yml", RULES)
 *         .start()) {
 *     HttpResponse<String> rules = prometheus.get("/api/v1/rules");
 *     prometheus.writeFile("rules.yml", OTHER_RULES);
 *     prometheus.reload();
 *     System.out.println(prometheus.logs());
 * }
 * }</pre>
 */
public abstract sealed class ToolServer implements AutoCloseable permits PrometheusServer, AlertmanagerServer {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path binary;
    private final Path workDir;
    private final Path configFile;
    private final Path dataDir;
    private final ManagedServer process;

    ToolServer(String name, Path binary, Path workDir, Path configFile, Path dataDir, ManagedServer process) {
        this.name = name;
        this.binary = binary;
        this.workDir = workDir;
        this.configFile = configFile;
        this.dataDir = dataDir;
        this.process = process;
    }

    /** The root URI, e.g. {@code http://127.0.0.1:41815/}. */
    public URI baseUri() {
        return process.uri("");
    }

    /** A URI on this server, e.g. {@code uri("/api/v1/query?query=up")}. */
    public URI uri(String pathAndQuery) {
        return process.uri(pathAndQuery);
    }

    /** The host the server listens on: {@code 127.0.0.1}. */
    public String host() {
        return process.host();
    }

    /** The port the server listens on, as it reported it in its log. */
    public int port() {
        return process.port();
    }

    /** {@code host:port}, as used in scrape targets and {@code alertmanagers} configuration. */
    public String address() {
        return host() + ":" + port();
    }

    /** The server's temporary directory; relative file names in its configuration resolve here. */
    public Path workDir() {
        return workDir;
    }

    /** The configuration file the server was started with (inside {@link #workDir()}). */
    public Path configFile() {
        return configFile;
    }

    /** The storage directory (inside {@link #workDir()}). */
    public Path dataDir() {
        return dataDir;
    }

    /** The binary that runs. */
    public Path binary() {
        return binary;
    }

    /** The server's version ({@code --version}). */
    public ToolVersion version() {
        return ToolLocator.versionOf(binary);
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** The full command line the server was started with. */
    public List<String> command() {
        return process.command();
    }

    /** Everything the server logged so far (standard output and error; the oldest lines past 20,000 dropped). */
    public String logs() {
        return process.log().text();
    }

    /** The log lines so far. */
    public List<String> logLines() {
        return process.log().lines();
    }

    /** The last {@code lines} log lines, for failure messages. */
    public String logTail(int lines) {
        return process.log().tail(lines);
    }

    /**
     * Waits until a log line (already logged or future) contains a match of {@code regex}, and returns it.
     *
     * @throws ToolException with the log tail when no line matches within {@code timeout}
     */
    public String awaitLog(String regex, Duration timeout) {
        return awaitLogAfter(0, Pattern.compile(regex), timeout);
    }

    private String awaitLogAfter(long mark, Pattern pattern, Duration timeout) {
        try {
            return process.log().await(pattern, mark, timeout).orElseThrow(() -> process.failure(
                    "logged no line matching /" + pattern + "/ within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while waiting for " + name + "'s log", e);
        }
    }

    /**
     * Writes {@code content} (UTF-8) to {@code relativeName} inside {@link #workDir()}, creating parent
     * directories; call {@link #reload()} for the server to see it. Returns the file.
     */
    public Path writeFile(String relativeName, String content) {
        return writeInto(workDir, relativeName, content);
    }

    /** Replaces the configuration file with {@code config} and {@linkplain #reload() reloads} it. */
    public void reload(String config) {
        writeString(configFile, config);
        reload();
    }

    /**
     * Makes the server reread its configuration ({@code POST /-/reload}).
     *
     * @throws ToolException with the server's answer (e.g. {@code failed to reload config: ...}) and the log
     *                       tail when the server rejects the configuration
     */
    public void reload() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/-/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw process.failure("rejected the reload with HTTP " + response.statusCode() + ": "
                    + response.body().strip());
        }
    }

    /** {@code GET pathAndQuery} (30 s timeout); any status is returned, connection failures throw. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    /**
     * {@code POST path} with {@code form} as {@code application/x-www-form-urlencoded} (30 s timeout), e.g.
     * {@code postForm("/api/v1/query", Map.of("query", "up"))}.
     */
    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code POST path} with {@code json} as {@code application/json} (30 s timeout), e.g. to push alerts. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return process.send(request.timeout(HTTP_TIMEOUT).build());
    }

    /** Stops the server (SIGTERM, then SIGKILL after the shutdown timeout) and deletes its directory. */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + baseUri() + ", pid " + pid() + "]";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Path writeInto(Path dir, String relativeName, String content) {
        Path target = dir.resolve(relativeName).normalize();
        if (Path.of(relativeName).isAbsolute() || !target.startsWith(dir) || target.equals(dir)) {
            throw new IllegalArgumentException("'" + relativeName
                    + "' is not a relative file name inside the server's directory");
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeString(target, content);
        return target;
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Settings shared by both servers' builders. Required values have defaults, so {@code start()} works on a
     * fresh builder.
     *
     * <pre>{@code
     * AlertmanagerServer am = AlertmanagerServer.builder()
     *         .config(ALERTMANAGER_YML)
     *         .file("templates/slack.tmpl", TEMPLATE)
     *         .startupTimeout(Duration.ofSeconds(20))
     *         .start();
     * }</pre>
     *
     * @param <B> the concrete builder
     * @param <S> the server it starts
     */
    public abstract static sealed class Builder<B extends Builder<B, S>, S extends ToolServer>
            permits PrometheusServer.Builder, AlertmanagerServer.Builder {
        private final Tool tool;
        private Optional<Path> binary = Optional.empty();
        private ToolLocator locator = ToolLocator.system();
        private String config;
        private final Map<String, String> files = new LinkedHashMap<>();
        private final List<String> flags = new ArrayList<>();
        private Duration startupTimeout = Duration.ofSeconds(30);
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        Builder(Tool tool, String defaultConfig) {
            this.tool = tool;
            this.config = defaultConfig;
        }

        abstract B self();

        /** Runs this binary instead of looking for one. */
        public B binary(Path binary) {
            this.binary = Optional.of(binary);
            return self();
        }

        /** Looks for the binary with {@code locator} (default: {@link ToolLocator#system()}). */
        public B locator(ToolLocator locator) {
            this.locator = Objects.requireNonNull(locator, "locator");
            return self();
        }

        /** The YAML configuration; relative file names in it resolve in the server's directory. */
        public B config(String yaml) {
            this.config = Objects.requireNonNull(yaml, "yaml");
            return self();
        }

        /** A file written into the server's directory before start, e.g. a rule file or a template. */
        public B file(String relativeName, String content) {
            files.put(Objects.requireNonNull(relativeName, "relativeName"), Objects.requireNonNull(content,
                    "content"));
            return self();
        }

        /**
         * An extra command-line flag, e.g. {@code --log.level=debug}. The flags that choose the address,
         * configuration file and storage are managed by the testkit and rejected here.
         */
        public B flag(String flag) {
            for (String managed : managedFlags()) {
                if (flag.equals(managed) || flag.startsWith(managed + "=")) {
                    throw new IllegalArgumentException("'" + flag + "' is set by the testkit; use config(), "
                            + "file() or the server's accessors instead");
                }
            }
            flags.add(flag);
            return self();
        }

        /** Several extra flags; see {@link #flag(String)}. */
        public B flags(String... flags) {
            for (String f : flags) {
                flag(f);
            }
            return self();
        }

        /** How long to wait for the listen address and readiness (default 30 s). */
        public B startupTimeout(Duration timeout) {
            this.startupTimeout = positive(timeout);
            return self();
        }

        /** How long {@code close()} waits after SIGTERM before it kills the process (default 10 s). */
        public B shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = positive(timeout);
            return self();
        }

        /**
         * Starts the server and waits until it is ready. Skips the calling test (JUnit assumption) when the
         * binary is missing.
         *
         * @throws ToolException when the server exits, is not ready within the startup timeout, or logs no
         *                       address; the message carries the log
         */
        public abstract S start();

        abstract List<String> managedFlags();

        final Tool tool() {
            return tool;
        }

        final Path resolveBinary() {
            return binary.orElseGet(() -> locator.require(tool));
        }

        final Path prepareWorkDir(String configName) {
            Path dir = TempDirs.create("mkit-" + tool.displayName() + "-");
            try {
                writeInto(dir, configName, config);
                files.forEach((name, content) -> writeInto(dir, name, content));
            } catch (RuntimeException e) {
                TempDirs.deleteQuietly(dir);
                throw e;
            }
            return dir;
        }

        final List<String> extraFlags() {
            return List.copyOf(flags);
        }

        final ManagedServer launch(List<String> command, Path workDir) {
            return ManagedServer.start(tool.displayName(), command, workDir, startupTimeout, shutdownTimeout);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + d);
            }
            return d;
        }
    }
}
