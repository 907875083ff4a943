package io.monitoringkit.grafana;

/**
 * How bad a lint finding is; {@link #ERROR} fails {@code mkit dashboards lint}.
 *
 * <pre>{@code
 * report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
 * }</pre>
 */
public enum Severity {
    /** A broken dashboard: queries that fail, references to nothing, overlapping panels. */
    ERROR,
    /** A dashboard that works but misleads or will break: missing units, fixed rate windows. */
    WARNING
}
