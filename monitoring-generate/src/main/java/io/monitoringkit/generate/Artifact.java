package io.monitoringkit.generate;

import java.util.Objects;

/**
 * One generated file: its kind, its path relative to the output directory, its content and the definition that
 * added it.
 *
 * <pre>{@code
 * for (Artifact a : result.artifacts()) {
 *     System.out.println(a.kind() + " " + a.path());   // RULES rules/checkout.rules.yml
 * }
 * }</pre>
 *
 * @param kind what it is
 * @param path where it is written, relative to the output directory, with {@code /} separators
 * @param content the file's text
 * @param definition the name of the definition that added it
 */
public record Artifact(Kind kind, String path, String content, String definition) {

    /** The kinds of artifact, each written to its own folder. */
    public enum Kind {
        /** A Prometheus rule file, {@code rules/NAME.rules.yml}. */
        RULES("rules"),
        /** Prometheus Operator resources (ServiceMonitor, PodMonitor, Probe, PrometheusRule), {@code manifests/}. */
        MANIFEST("manifests"),
        /** A Grafana dashboard's JSON, {@code dashboards/UID.json}. */
        DASHBOARD("dashboards"),
        /** A dashboard in a ConfigMap for the Grafana sidecar, {@code dashboards/NAME.yaml}. */
        DASHBOARD_CONFIGMAP("dashboards"),
        /** An Alertmanager configuration, {@code alertmanager/NAME.yml}. */
        ALERTMANAGER("alertmanager");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        /** @return the folder under the output directory. */
        public String folder() {
            return folder;
        }
    }

    /** Checks that no component is null. */
    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(definition, "definition");
    }

    @Override
    public String toString() {
        return "Artifact[" + kind + " " + path + " from " + definition + ", " + content.length() + " chars]";
    }
}
