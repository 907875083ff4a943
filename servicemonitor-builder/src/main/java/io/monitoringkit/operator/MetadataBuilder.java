package io.monitoringkit.operator;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The metadata part shared by this module's builders: namespace, labels, annotations and kube-prometheus-stack's
 * {@code release} label. Values are checked by {@code build()}, which reports every problem at once.
 *
 * <pre>{@code
 * ServiceMonitors.forService("checkout").namespace("shop").label("team", "payments").forRelease("my-prom");
 * }</pre>
 *
 * @param <B> the concrete builder
 */
public abstract class MetadataBuilder<B extends MetadataBuilder<B>> {
    /** The label kube-prometheus-stack's default monitor, probe and rule selectors match on. */
    public static final String RELEASE_LABEL = "release";

    String name;
    String namespace;
    final Map<String, String> labels = new TreeMap<>();
    final Map<String, String> annotations = new TreeMap<>();

    MetadataBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @SuppressWarnings("unchecked")
    B self() {
        return (B) this;
    }

    /** Sets metadata.name. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** Sets metadata.namespace (otherwise the namespace the manifest is applied in). */
    public B namespace(String namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        return self();
    }

    /** Adds (or replaces) a metadata label. */
    public B label(String key, String value) {
        labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /** Adds (or replaces) metadata labels. */
    public B labels(Map<String, String> labels) {
        labels.forEach(this::label);
        return self();
    }

    /** Adds (or replaces) a metadata annotation. */
    public B annotation(String key, String value) {
        annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Sets the {@code release: RELEASE} label that kube-prometheus-stack's Prometheus selects monitors, probes and
     * rules by ({@code serviceMonitorSelector}, {@code podMonitorSelector}, {@code probeSelector},
     * {@code ruleSelector} default to {@code matchLabels: {release: <helm release name>}}).
     */
    public B forRelease(String release) {
        return label(RELEASE_LABEL, release);
    }

    ObjectMeta metadata() {
        ObjectMetaBuilder b = new ObjectMetaBuilder().withName(name).withNamespace(namespace);
        if (!labels.isEmpty()) {
            b.withLabels(new TreeMap<>(labels));
        }
        if (!annotations.isEmpty()) {
            b.withAnnotations(new TreeMap<>(annotations));
        }
        return b.build();
    }

    void from(ObjectMeta md) {
        if (md == null) {
            return;
        }
        if (md.getName() != null) {
            name = md.getName();
        }
        namespace = md.getNamespace();
        if (md.getLabels() != null) {
            labels.putAll(md.getLabels());
        }
        if (md.getAnnotations() != null) {
            annotations.putAll(md.getAnnotations());
        }
    }
}
