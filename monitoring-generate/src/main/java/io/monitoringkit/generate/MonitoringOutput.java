package io.monitoringkit.generate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.monitoringkit.alertmanager.AlertmanagerConfig;
import io.monitoringkit.alertmanager.AlertmanagerYaml;
import io.monitoringkit.grafana.Dashboard;
import io.monitoringkit.grafana.Dashboards;
import io.monitoringkit.grafana.SidecarConfigMaps;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.operator.Manifests;
import io.monitoringkit.rules.RuleFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where a {@link MonitoringDefinition} puts its artifacts. Models (a {@link RuleFile}, fabric8 resources, a
 * {@link Dashboard}, an {@link AlertmanagerConfig}) are written in their canonical form; the {@code ...Yaml} and
 * {@code ...Json} methods take existing files' text as is, so they are validated like everything else. Nothing is
 * thrown for a bad artifact: problems become findings, and every one is reported at the end.
 *
 * <pre>{@code
 * out.ruleFile("checkout", rules)                       // rules/checkout.rules.yml
 *    .manifest(serviceMonitor, prometheusRule)          // manifests/servicemonitor-checkout.yaml, ...
 *    .dashboard(dashboard)                              // dashboards/checkout-red.json (its uid)
 *    .dashboardConfigMap(configMap)                     // dashboards/grafana-dashboard-checkout-red.yaml
 *    .alertmanager("alertmanager", config)              // alertmanager/alertmanager.yml
 *    .metricCatalog(MetricCatalog.of(descriptors));     // cross-check every query against these metrics
 * }</pre>
 */
public final class MonitoringOutput {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,198}[a-z0-9])?");

    private final String definition;
    private final List<Artifact> artifacts = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private CrossCheck crossCheck;

    MonitoringOutput(String definition) {
        this.definition = definition;
    }

    /**
     * Adds a rule file, written as {@code rules/NAME.rules.yml}.
     *
     * @param name the file's base name: lower case letters, digits, {@code .}, {@code _}, {@code -}
     * @return this
     */
    public MonitoringOutput ruleFile(String name, RuleFile rules) {
        Objects.requireNonNull(rules, "rules");
        return add(Artifact.Kind.RULES, name, ".rules.yml", rules::toYaml);
    }

    /** Adds a rule file's text as is, written as {@code rules/NAME.rules.yml}. @return this */
    public MonitoringOutput ruleFileYaml(String name, String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return add(Artifact.Kind.RULES, name, ".rules.yml", () -> yaml);
    }

    /**
     * Adds Prometheus Operator resources (ServiceMonitor, PodMonitor, Probe, PrometheusRule), each written as
     * {@code manifests/KIND-NAME.yaml}.
     *
     * @return this
     */
    public MonitoringOutput manifest(HasMetadata... resources) {
        for (HasMetadata r : resources) {
            Objects.requireNonNull(r, "resource");
            String name = r.getMetadata() == null || r.getMetadata().getName() == null ? ""
                    : r.getMetadata().getName();
            add(Artifact.Kind.MANIFEST, String.valueOf(r.getKind()).toLowerCase(Locale.ROOT) + "-" + name, ".yaml",
                    () -> Manifests.toYaml(r));
        }
        return this;
    }

    /** Adds manifests' text (one or more YAML documents) as is, written as {@code manifests/NAME.yaml}. @return this */
    public MonitoringOutput manifestYaml(String name, String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return add(Artifact.Kind.MANIFEST, name, ".yaml", () -> yaml);
    }

    /** Adds a dashboard, written as {@code dashboards/UID.json}; it must have a uid. @return this */
    public MonitoringOutput dashboard(Dashboard dashboard) {
        Objects.requireNonNull(dashboard, "dashboard");
        Optional<String> uid = dashboard.uid();
        if (uid.isEmpty()) {
            findings.add(new Finding(Finding.Severity.ERROR, definition, "", "output",
                    "dashboard \"" + dashboard.title() + "\" has no uid; the file is named after it"));
            return this;
        }
        return add(Artifact.Kind.DASHBOARD, uid.get(), ".json", () -> Dashboards.write(dashboard));
    }

    /** Adds a dashboard's JSON as is, written as {@code dashboards/NAME.json}. @return this */
    public MonitoringOutput dashboardJson(String name, String json) {
        Objects.requireNonNull(json, "json");
        return add(Artifact.Kind.DASHBOARD, name, ".json", () -> json);
    }

    /** Adds a dashboard ConfigMap for the Grafana sidecar, written as {@code dashboards/CONFIGMAP-NAME.yaml}. @return this */
    public MonitoringOutput dashboardConfigMap(SidecarConfigMaps.ConfigMap configMap) {
        Objects.requireNonNull(configMap, "configMap");
        return add(Artifact.Kind.DASHBOARD_CONFIGMAP, configMap.name(), ".yaml", configMap::toYaml);
    }

    /** Adds an Alertmanager configuration, written as {@code alertmanager/NAME.yml}. @return this */
    public MonitoringOutput alertmanager(String name, AlertmanagerConfig config) {
        Objects.requireNonNull(config, "config");
        return add(Artifact.Kind.ALERTMANAGER, name, ".yml", () -> AlertmanagerYaml.write(config));
    }

    /** Adds an Alertmanager configuration's text as is, written as {@code alertmanager/NAME.yml}. @return this */
    public MonitoringOutput alertmanagerYaml(String name, String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return add(Artifact.Kind.ALERTMANAGER, name, ".yml", () -> yaml);
    }

    /**
     * Sets the metrics the service exposes: every query of this definition's rules and dashboards is checked
     * against them (unknown labels, {@code rate()} over a gauge, {@code histogram_quantile()} without buckets).
     *
     * @return this
     */
    public MonitoringOutput metricCatalog(MetricCatalog catalog) {
        return crossCheck(CrossCheck.against(catalog));
    }

    /**
     * Sets the cross-check for this definition's rules and dashboards, configured as needed (allowed metrics from
     * other exporters, target labels, severities).
     *
     * <pre>{@code
     * out.crossCheck(CrossCheck.against(catalog).allow("kube_.*").targetLabels("namespace", "pod"));
     * }</pre>
     *
     * @return this
     */
    public MonitoringOutput crossCheck(CrossCheck check) {
        this.crossCheck = Objects.requireNonNull(check, "check");
        return this;
    }

    /** @return the name of the definition this output belongs to. */
    public String definition() {
        return definition;
    }

    List<Artifact> artifacts() {
        return artifacts;
    }

    List<Finding> findings() {
        return findings;
    }

    Optional<CrossCheck> crossCheck() {
        return Optional.ofNullable(crossCheck);
    }

    private MonitoringOutput add(Artifact.Kind kind, String name, String extension, Supplier<String> content) {
        Objects.requireNonNull(name, "name");
        String path = kind.folder() + "/" + name + extension;
        if (!NAME.matcher(name).matches()) {
            findings.add(new Finding(Finding.Severity.ERROR, definition, path, "output", "\"" + name
                    + "\" is not a usable file name: use lower case letters, digits, '.', '_' and '-', starting and"
                    + " ending with a letter or digit, at most 200 characters"));
            return this;
        }
        String text;
        try {
            text = content.get();
        } catch (RuntimeException e) {
            findings.add(new Finding(Finding.Severity.ERROR, definition, path, "output",
                    "cannot be written: " + Generator.describe(e)));
            return this;
        }
        artifacts.add(new Artifact(kind, path, text, definition));
        return this;
    }
}
