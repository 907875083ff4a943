package io.monitoringkit.metrics;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem {@link CrossCheck} found in an expression: how bad it is, the artifact and the place in it (a rule
 * or a panel's target), the 1-based line and column inside the expression, the check that found it and what is
 * wrong. {@link #toString()} is the one-line form {@code mkit check} prints.
 *
 * <pre>{@code
 * CrossCheckFinding f = report.findings().get(0);
 * f.toString();
 * // rules.yml: group "api", alert "HighErrorRate", expr 1:10: error [unknown-metric]: metric
 * //   "http_request_total" is not in the catalog; nearest names: http_requests_total
 * }</pre>
 *
 * @param severity how bad it is
 * @param artifact the artifact's name (a file name)
 * @param location where in the artifact: rule group and name and field, or panel title, id and target refId
 * @param line     1-based line inside the expression's text
 * @param column   1-based column (in characters) inside the expression's text
 * @param check    the id of the check, e.g. {@code unknown-metric} (see {@link CrossCheck.Check})
 * @param message  what is wrong, with what exists instead
 */
public record CrossCheckFinding(Severity severity, String artifact, String location, int line, int column,
                                String check, String message) {

    /**
     * How bad a finding is: errors fail {@code mkit check} (exit 1) and {@link CrossCheckReport#hasErrors()}.
     *
     * <pre>{@code
     * CrossCheck.against(catalog).severity(CrossCheck.Check.VALUE_NEVER_MATCHES, CrossCheckFinding.Severity.ERROR);
     * }</pre>
     */
    public enum Severity {
        /** The expression cannot work: it selects nothing or computes nonsense. */
        ERROR,
        /** Probably wrong, but the catalog may not know everything (e.g. label values seen in one scrape). */
        WARNING,
        /** Worth knowing. */
        INFO;

        /** @return the lower-case name, as printed. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Rejects nulls. */
    public CrossCheckFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code artifact: location line:column: severity [check]: message}. */
    @Override
    public String toString() {
        return artifact + ": " + location + " " + line + ":" + column + ": " + severity.label() + " [" + check + "]: "
                + message;
    }
}
