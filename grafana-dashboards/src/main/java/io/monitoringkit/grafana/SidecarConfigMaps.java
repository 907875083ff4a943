package io.monitoringkit.grafana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.monitoringkit.grafana.internal.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes ConfigMaps for the Grafana dashboard sidecar of the kube-prometheus-stack Helm chart
 * ({@code k8s-sidecar}): the sidecar watches ConfigMaps with a label ({@code grafana_dashboard: "1"} by
 * default, chart value {@code grafana.sidecar.dashboards.label}/{@code labelValue}) and writes each data key
 * ({@code <name>.json}) as a dashboard file, into the folder named by an annotation ({@code grafana_folder}
 * by default, chart value {@code grafana.sidecar.dashboards.folderAnnotation}, with
 * {@code provider.foldersFromFilesStructure: true}).
 *
 * <p>Size: a ConfigMap holds at most 1 MiB, so a larger dashboard is an error. A client-side
 * {@code kubectl apply} also copies the object into the {@code last-applied-configuration} annotation, which is
 * limited to 256 KiB: apply large dashboards with {@code kubectl apply --server-side} (or create/replace them);
 * {@link ConfigMap#needsServerSideApply()} tells when.
 *
 * <pre>{@code
 * SidecarConfigMaps sidecar = SidecarConfigMaps.builder().namespace("monitoring").build();
 * String yaml = sidecar.configMap(dashboard, "Checkout").toYaml();
 * }</pre>
 */
public final class SidecarConfigMaps {

    /** Kubernetes' limit on a ConfigMap's data. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The limit of the annotation a client-side apply writes. */
    public static final int CLIENT_SIDE_APPLY_LIMIT = 256 * 1024;
    private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private final String namespace;
    private final String labelKey;
    private final String labelValue;
    private final String folderAnnotation;
    private final Map<String, String> extraLabels;

    private SidecarConfigMaps(Builder b) {
        namespace = b.namespace;
        labelKey = b.labelKey;
        labelValue = b.labelValue;
        folderAnnotation = b.folderAnnotation;
        extraLabels = Map.copyOf(b.extraLabels);
    }

    /** @return a builder with the chart's defaults ({@code grafana_dashboard: "1"}, {@code grafana_folder}). */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the ConfigMap for {@code d} with no folder; named after the uid. */
    public ConfigMap configMap(Dashboard d) {
        return configMap(d, Optional.empty());
    }

    /** @return the ConfigMap for {@code d} in Grafana folder {@code folder}; named after the uid. */
    public ConfigMap configMap(Dashboard d, String folder) {
        return configMap(d, Optional.of(Objects.requireNonNull(folder, "folder")));
    }

    private ConfigMap configMap(Dashboard d, Optional<String> folder) {
        String uid = d.uid().orElseThrow(() -> new IllegalArgumentException("dashboard \"" + d.title()
                + "\" has no uid to name its ConfigMap after"));
        return configMap(d, "grafana-dashboard-" + uid.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-"),
                folder);
    }

    /**
     * @return the ConfigMap named {@code name} (data key {@code <name>.json}) for {@code d}
     * @throws IllegalArgumentException when the name is not a DNS-1123 label of at most 63 characters or the
     *     dashboard is over 1 MiB
     */
    public ConfigMap configMap(Dashboard d, String name, Optional<String> folder) {
        List<String> problems = new ArrayList<>();
        if (name.length() > 63) {
            problems.add("name \"" + name + "\" is longer than 63 characters");
        }
        if (!DNS_1123.matcher(name).matches()) {
            problems.add("name \"" + name + "\" is not a DNS-1123 label (lower case letters, digits and '-',"
                    + " starting and ending with a letter or digit)");
        }
        String json = Dashboards.write(d);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            problems.add("dashboard \"" + d.title() + "\" is " + bytes + " bytes, over the 1 MiB ("
                    + MAX_BYTES + " bytes) a ConfigMap can hold: split it or provision it by other means");
        }
        if (!problems.isEmpty()) {
            throw new DashboardValidationException(problems);
        }
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.put(labelKey, labelValue);
        Map<String, String> annotations = new LinkedHashMap<>();
        folder.ifPresent(f -> annotations.put(folderAnnotation, f));
        return new ConfigMap(name, Optional.ofNullable(namespace), labels, annotations, name + ".json", json);
    }

    /** @return the ConfigMaps as one multi-document YAML stream. */
    public static String toYaml(List<ConfigMap> configMaps) {
        StringBuilder sb = new StringBuilder();
        for (ConfigMap c : configMaps) {
            sb.append("---\n").append(c.toYaml());
        }
        return sb.toString();
    }

    /**
     * A ConfigMap holding one dashboard.
     *
     * <pre>{@code
     * ConfigMap cm = sidecar.configMap(dashboard, "Checkout");
     * Files.writeString(Path.of(cm.name() + ".yaml"), cm.toYaml());
     * }</pre>
     *
     * @param name        the ConfigMap name
     * @param namespace   the namespace, when set
     * @param labels      the labels (including the sidecar's)
     * @param annotations the annotations (the folder, when set)
     * @param dataKey     the data key, {@code <name>.json}
     * @param json        the dashboard JSON
     */
    public record ConfigMap(String name, Optional<String> namespace, Map<String, String> labels,
            Map<String, String> annotations, String dataKey, String json) {

        /** Copies the maps. */
        public ConfigMap {
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        }

        /** @return whether the dashboard is too large for a client-side {@code kubectl apply} (over 256 KiB). */
        public boolean needsServerSideApply() {
            return json.getBytes(StandardCharsets.UTF_8).length > CLIENT_SIDE_APPLY_LIMIT;
        }

        /** @return the ConfigMap as YAML (the JSON as a literal block). */
        public String toYaml() {
            ObjectNode root = Json.object();
            root.put("apiVersion", "v1");
            root.put("kind", "ConfigMap");
            ObjectNode meta = root.putObject("metadata");
            meta.put("name", name);
            namespace.ifPresent(n -> meta.put("namespace", n));
            ObjectNode l = meta.putObject("labels");
            labels.forEach(l::put);
            if (!annotations.isEmpty()) {
                ObjectNode a = meta.putObject("annotations");
                annotations.forEach(a::put);
            }
            root.putObject("data").put(dataKey, json);
            try {
                return YAML.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Builds {@link SidecarConfigMaps}.
     *
     * <pre>{@code
     * SidecarConfigMaps.builder().label("grafana_dashboard", "true").folderAnnotation("k8s-sidecar-target-directory")
     *         .extraLabel("app.kubernetes.io/part-of", "checkout").build();
     * }</pre>
     */
    public static final class Builder {
        private String namespace;
        private String labelKey = "grafana_dashboard";
        private String labelValue = "1";
        private String folderAnnotation = "grafana_folder";
        private final Map<String, String> extraLabels = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the namespace. */
        public Builder namespace(String ns) {
            if (ns.length() > 63 || !DNS_1123.matcher(ns).matches()) {
                throw new IllegalArgumentException("\"" + ns + "\" is not a valid namespace (DNS-1123 label)");
            }
            namespace = ns;
            return this;
        }

        /** Sets the label the sidecar selects on. */
        public Builder label(String key, String value) {
            labelKey = labelKey(key);
            labelValue = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Sets the annotation naming the folder. */
        public Builder folderAnnotation(String key) {
            folderAnnotation = labelKey(key);
            return this;
        }

        /** Adds a label. */
        public Builder extraLabel(String key, String value) {
            extraLabels.put(labelKey(key), Objects.requireNonNull(value, "value"));
            return this;
        }

        private static String labelKey(String key) {
            if (key == null || !LABEL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("\"" + key + "\" is not a valid Kubernetes label or annotation key");
            }
            return key;
        }

        /** @return the factory. */
        public SidecarConfigMaps build() {
            return new SidecarConfigMaps(this);
        }
    }
}
