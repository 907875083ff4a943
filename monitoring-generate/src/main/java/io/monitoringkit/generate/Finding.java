package io.monitoringkit.generate;

import java.util.Objects;

/**
 * One problem found while generating: which definition, which artifact (a path relative to the output
 * directory), which check, and what is wrong.
 *
 * <pre>{@code
 * Finding f = result.findings().get(0);
 * f.toString();   // ERROR CheckoutMonitoring rules/checkout.rules.yml [rules]: 3:11: unclosed left parenthesis
 * }</pre>
 *
 * @param severity an error fails the build; a warning is reported
 * @param definition the definition's name, or empty for problems across definitions
 * @param artifact the artifact's path relative to the output directory, or empty for problems of a definition
 * @param check the check that found it: {@code define}, {@code output}, {@code rules}, {@code manifests},
 *     {@code dashboards}, {@code alertmanager}, {@code metrics}
 * @param message what is wrong, with the location inside the artifact when there is one
 */
public record Finding(Severity severity, String definition, String artifact, String check, String message) {

    /** How bad a finding is. */
    public enum Severity {
        /** The artifact is broken or would be rejected; the build fails. */
        ERROR,
        /** The artifact works but is likely not what was meant. */
        WARNING
    }

    /** Checks that no component is null. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    /** @return whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(severity.name());
        if (!definition.isEmpty()) {
            sb.append(' ').append(definition);
        }
        if (!artifact.isEmpty()) {
            sb.append(' ').append(artifact);
        }
        return sb.append(" [").append(check).append("]: ").append(message).toString();
    }
}
