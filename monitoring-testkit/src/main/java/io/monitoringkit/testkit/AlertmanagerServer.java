package io.monitoringkit.testkit;

import io.monitoringkit.testkit.internal.ManagedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Alertmanager for tests, started with {@code --web.listen-address=127.0.0.1:0} (the port is read from
 * its {@code msg="Listening on" address=...} log line), {@code --cluster.listen-address=} (no gossip port),
 * its configuration in {@code alertmanager.yml} and its state in {@code data/} of a temporary directory. Finds
 * {@code alertmanager} or Debian's {@code prometheus-alertmanager}.
 *
 * <pre>{@code
 * try (AlertmanagerServer alertmanager = AlertmanagerServer.builder().config(ALERTMANAGER_YML).start()) {
 *     HttpResponse<String> status = alertmanager.get("/api/v2/status");
 *     alertmanager.reload(OTHER_ALERTMANAGER_YML);
 * }
 * }</pre>
 */
public final class AlertmanagerServer extends ToolServer {
    /** The configuration used when none is given: every alert goes to a receiver named {@code null}. */
    public static final String DEFAULT_CONFIG = """
            route:
              receiver: "null"
            receivers:
              - name: "null"
            """;

    private AlertmanagerServer(Path binary, Path workDir, ManagedServer process) {
        super("alertmanager", binary, workDir, workDir.resolve("alertmanager.yml"), workDir.resolve("data"),
                process);
    }

    /** A builder with {@link #DEFAULT_CONFIG} and no extra flags. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts an Alertmanager with the default configuration; see {@link Builder#start()}. */
    public static AlertmanagerServer start() {
        return builder().start();
    }

    /**
     * Builds and starts an {@link AlertmanagerServer}.
     *
     * <pre>{@code
     * AlertmanagerServer am = AlertmanagerServer.builder()
     *         .config(ALERTMANAGER_YML)
     *         .flag("--log.level=debug")
     *         .start();
     * }</pre>
     */
    public static final class Builder extends ToolServer.Builder<Builder, AlertmanagerServer> {
        private Builder() {
            super(Tool.ALERTMANAGER, DEFAULT_CONFIG);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        List<String> managedFlags() {
            return List.of("--web.listen-address", "--config.file", "--storage.path", "--cluster.listen-address");
        }

        @Override
        public AlertmanagerServer start() {
            Path binary = resolveBinary();
            Path workDir = prepareWorkDir("alertmanager.yml");
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.add("--config.file=" + workDir.resolve("alertmanager.yml"));
            command.add("--storage.path=" + workDir.resolve("data"));
            command.add("--web.listen-address=127.0.0.1:0");
            command.add("--cluster.listen-address=");
            command.addAll(extraFlags());
            return new AlertmanagerServer(binary, workDir, launch(command, workDir));
        }
    }
}
