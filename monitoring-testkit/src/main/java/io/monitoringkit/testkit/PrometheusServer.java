package io.monitoringkit.testkit;

import io.monitoringkit.testkit.internal.ManagedServer;
import io.monitoringkit.testkit.internal.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real Prometheus server for tests, started with {@code --web.listen-address=127.0.0.1:0} (the port is read
 * from its {@code msg="Listening on" address=...} log line), {@code --web.enable-lifecycle} (so
 * {@link #reload()} works), its configuration in {@code prometheus.yml} and its TSDB in {@code data/} of a
 * temporary directory.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.builder()
 *         .config("""
 *                 global:
 *                   evaluation_interval: 1s
 *                 rule_files: [rules.yml]
 *                 """)
 *         .file("rules.yml", RULES)
 *         .enableAdminApi()
 *         .enableFeature("promql-experimental-functions")
 *         .start()) {
 *     HttpResponse<String> formatted = prometheus.get("/api/v1/format_query?query=sum(up)");
 * }
 * }</pre>
 */
public final class PrometheusServer extends ToolServer {
    /** The configuration used when none is given: an empty scrape configuration. */
    public static final String DEFAULT_CONFIG = """
            global:
              scrape_interval: 15s
              evaluation_interval: 15s
            """;

    private PrometheusServer(Path binary, Path workDir, ManagedServer process) {
        super("prometheus", binary, workDir, workDir.resolve("prometheus.yml"), workDir.resolve("data"), process);
    }

    /** A builder with {@link #DEFAULT_CONFIG} and no extra flags. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a Prometheus with the default configuration; see {@link Builder#start()}. */
    public static PrometheusServer start() {
        return builder().start();
    }

    /**
     * Builds and starts a {@link PrometheusServer}.
     *
     * <pre>{@code
     * PrometheusServer prometheus = PrometheusServer.builder()
     *         .config(PROMETHEUS_YML)
     *         .flag("--storage.tsdb.retention.time=100y")
     *         .blocks(blocksDir)      // e.g. made by promtool tsdb create-blocks-from openmetrics
     *         .start();
     * }</pre>
     */
    public static final class Builder extends ToolServer.Builder<Builder, PrometheusServer> {
        private final Set<String> features = new LinkedHashSet<>();
        private Optional<Path> blocks = Optional.empty();

        private Builder() {
            super(Tool.PROMETHEUS, DEFAULT_CONFIG);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Adds {@code --web.enable-admin-api} (TSDB snapshot, delete series, clean tombstones). */
        public Builder enableAdminApi() {
            return flag("--web.enable-admin-api");
        }

        /**
         * Adds feature flags, passed as one {@code --enable-feature=a,b}, e.g.
         * {@code promql-experimental-functions} or {@code promql-at-modifier}.
         */
        public Builder enableFeature(String... features) {
            for (String feature : features) {
                if (feature.isBlank() || feature.contains(",")) {
                    throw new IllegalArgumentException("'" + feature + "' is not a single feature name");
                }
                this.features.add(feature);
            }
            return this;
        }

        /**
         * Copies the contents of {@code directory} (TSDB block directories, e.g. the output of
         * {@link Promtool#createBlocksFromOpenMetrics(Path, Path)}) into the data directory before start.
         * Blocks older than the retention (15 days by default) are deleted by Prometheus: add
         * {@code flag("--storage.tsdb.retention.time=100y")} for old timestamps.
         */
        public Builder blocks(Path directory) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("'" + directory + "' is not a directory");
            }
            this.blocks = Optional.of(directory);
            return this;
        }

        @Override
        List<String> managedFlags() {
            return List.of("--web.listen-address", "--config.file", "--storage.tsdb.path", "--enable-feature");
        }

        @Override
        public PrometheusServer start() {
            Path binary = resolveBinary();
            Path workDir = prepareWorkDir("prometheus.yml");
            Path data = workDir.resolve("data");
            try {
                Files.createDirectories(data);
                if (blocks.isPresent()) {
                    copyTree(blocks.get(), data);
                }
            } catch (IOException | UncheckedIOException e) {
                TempDirs.deleteQuietly(workDir);
                throw new ToolException("cannot prepare prometheus' data directory " + data + ": " + e, e);
            }
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.add("--config.file=" + workDir.resolve("prometheus.yml"));
            command.add("--storage.tsdb.path=" + data);
            command.add("--web.listen-address=127.0.0.1:0");
            command.add("--web.enable-lifecycle");
            if (!features.isEmpty()) {
                command.add("--enable-feature=" + String.join(",", features));
            }
            command.addAll(extraFlags());
            return new PrometheusServer(binary, workDir, launch(command, workDir));
        }

        private static void copyTree(Path from, Path to) throws IOException {
            try (Stream<Path> paths = Files.walk(from)) {
                for (Path source : (Iterable<Path>) paths::iterator) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        }
    }
}
