package io.monitoringkit.grafana;

import java.util.Objects;

/**
 * One finding of the {@link DashboardLinter}.
 *
 * <pre>{@code
 * LintFinding f = report.findings().get(0);
 * f.rule();     // "rate-interval"
 * f.path();     // "$.panels[2].targets[0].expr"
 * f.toString(); // WARNING rate-interval $.panels[2].targets[0].expr: rate() ranges over [5m]: use [$__rate_interval] ...
 * }</pre>
 *
 * @param rule     the rule id
 * @param severity how bad it is
 * @param path     the JSON path of the offending value
 * @param message  what is wrong, quoting the value
 */
public record LintFinding(String rule, Severity severity, String path, String message) {

    /** Checks for nulls. */
    public LintFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + " " + rule + " " + path + ": " + message;
    }
}
