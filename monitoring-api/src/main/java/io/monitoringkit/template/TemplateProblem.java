package io.monitoringkit.template;

import java.util.Objects;

/**
 * One problem found by {@link Templates#validate(String)}. Errors are what Prometheus rejects; warnings are
 * templates Prometheus accepts but that fail or misbehave when an alert fires (an undefined {@code template},
 * a literal regular expression that does not compile, comparing {@code $value} with an integer literal).
 *
 * <pre>{@code
 * for (TemplateProblem p : Templates.validate("{{ if gt $value 1 }}high{{ end }}")) {
 *     System.out.println(p); // warning at 1:7: ...
 * }
 * }</pre>
 *
 * @param severity error or warning
 * @param line 1-based line
 * @param column 1-based column in characters
 * @param message what is wrong
 */
public record TemplateProblem(Severity severity, int line, int column, String message) {

    /** How bad a problem is. */
    public enum Severity {
        /** Prometheus rejects the template. */
        ERROR,
        /** Prometheus accepts the template, but rendering it fails or misleads. */
        WARNING
    }

    /** Rejects nulls. */
    public TemplateProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " at " + line + ":" + column + ": " + message;
    }
}
