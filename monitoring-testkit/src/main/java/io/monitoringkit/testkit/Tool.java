package io.monitoringkit.testkit;

import java.util.List;

/**
 * The four Prometheus tools the testkit can find and run, with the names their binaries have and the
 * environment variable that overrides the search.
 *
 * <pre>{@code
 * Path alertmanager = ToolLocator.system().require(Tool.ALERTMANAGER);
 * // "/usr/bin/prometheus-alertmanager" on Debian, or whatever ALERTMANAGER_BIN names
 * }</pre>
 */
public enum Tool {
    /** The Prometheus server. */
    PROMETHEUS("prometheus", "PROMETHEUS_BIN", List.of("prometheus")),
    /** Prometheus' command-line tool: rule checks, rule unit tests, metrics lint, TSDB import. */
    PROMTOOL("promtool", "PROMTOOL_BIN", List.of("promtool")),
    /** The Alertmanager server; Debian installs it as {@code prometheus-alertmanager}. */
    ALERTMANAGER("alertmanager", "ALERTMANAGER_BIN", List.of("alertmanager", "prometheus-alertmanager")),
    /** Alertmanager's command-line tool: configuration checks and routing tests. */
    AMTOOL("amtool", "AMTOOL_BIN", List.of("amtool"));

    private final String displayName;
    private final String environmentVariable;
    private final List<String> binaryNames;

    Tool(String displayName, String environmentVariable, List<String> binaryNames) {
        this.displayName = displayName;
        this.environmentVariable = environmentVariable;
        this.binaryNames = binaryNames;
    }

    /** The tool's usual name, e.g. {@code alertmanager}. */
    public String displayName() {
        return displayName;
    }

    /**
     * The environment variable that names the binary or the directory holding it, e.g. {@code PROMETHEUS_BIN}.
     */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** The file names the binary may have, in the order they are looked for. */
    public List<String> binaryNames() {
        return binaryNames;
    }

    /** How to install the tool, for skip messages. */
    public String installHint() {
        return "Debian/Ubuntu: apt-get install prometheus prometheus-alertmanager";
    }
}
