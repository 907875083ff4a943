package io.monitoringkit.operator;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.NamespaceSelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitorSpec;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitorSpecBuilder;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.operator.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Validated {@code PodMonitor}s. {@code forPods("worker")} names the monitor {@code checkout} and selects
 * Pods labelled {@code app.kubernetes.io/name: checkout} until a selector is given; endpoints name the
 * container port. Every field of the CRD is reachable: common ones have methods, the rest through
 * {@link Builder#spec(UnaryOperator)} and the fabric8 {@code EndpointBuilder} of
 * {@link Builder#endpoint(String, UnaryOperator)}. {@link Builder#build()} validates everything.
 *
 * <pre>{@code
 * PodMonitor sm = PodMonitors.forPods("worker")
 *         .namespace("jobs")
 *         .forRelease("my-prom")
 *         .endpoint("metrics", e -> e.withInterval("30s").withScrapeTimeout("10s"))
 *         .build();
 * }</pre>
 */
public final class PodMonitors {
    private PodMonitors() {
    }

    /** The label a Pod is selected by when no selector is given. */
    public static final String DEFAULT_SELECTOR_LABEL = "app.kubernetes.io/name";

    /** @return a builder for a monitor named {@code name} selecting Pods with {@code app.kubernetes.io/name: name} */
    public static Builder forPods(String name) {
        return new Builder(name);
    }

    /** @return a builder holding a copy of {@code monitor} (the toBuilder of fabric8 objects) */
    public static Builder from(PodMonitor monitor) {
        Builder b = new Builder("");
        b.from(monitor.getMetadata());
        PodMonitorSpec spec = monitor.getSpec() == null ? new PodMonitorSpec()
                : Json.copy(monitor.getSpec(), PodMonitorSpec.class);
        b.spec = new PodMonitorSpecBuilder(spec);
        b.selector = spec.getSelector();
        b.spec.withSelector(null);
        b.endpoints.addAll(spec.getPodMetricsEndpoints() == null ? List.of() : spec.getPodMetricsEndpoints());
        b.spec.withPodMetricsEndpoints((List<PodMetricsEndpoint>) null);
        return b;
    }

    /** Builds a {@link PodMonitor}. */
    public static final class Builder extends MetadataBuilder<Builder> {
        private PodMonitorSpecBuilder spec = new PodMonitorSpecBuilder();
        private LabelSelector selector;
        private final Map<String, String> matchLabels = new TreeMap<>();
        private final List<PodMetricsEndpoint> endpoints = new ArrayList<>();

        Builder(String name) {
            super(name);
        }

        /** Selects Pods with this label (the first call replaces the default selector). */
        public Builder matchLabel(String key, String value) {
            matchLabels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Replaces the selector. */
        public Builder selector(LabelSelector selector) {
            this.selector = Objects.requireNonNull(selector, "selector");
            matchLabels.clear();
            return this;
        }

        /** Adds an endpoint scraping the container port named {@code port}. */
        public Builder endpoint(String port) {
            return endpoint(port, UnaryOperator.identity());
        }

        /** Adds an endpoint scraping the container port named {@code port}, customised with fabric8's builder. */
        public Builder endpoint(String port, UnaryOperator<PodMetricsEndpointBuilder> customize) {
            Objects.requireNonNull(port, "port");
            endpoints.add(customize.apply(new PodMetricsEndpointBuilder().withPort(port)).build());
            return this;
        }

        /** Adds an endpoint scraping port {@code port} and setting its interval. */
        public Builder endpoint(String port, PromDuration interval) {
            return endpoint(port, e -> e.withInterval(interval.toString()));
        }

        /** Adds an endpoint as given. */
        public Builder endpoint(PodMetricsEndpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** Looks for Pods in these namespaces (otherwise only in the monitor's own). */
        public Builder namespaces(String... namespaces) {
            spec.withNamespaceSelector(new NamespaceSelectorBuilder().withMatchNames(namespaces).build());
            return this;
        }

        /** Looks for Pods in every namespace. */
        public Builder anyNamespace() {
            spec.withNamespaceSelector(new NamespaceSelectorBuilder().withAny(true).build());
            return this;
        }

        /** Sets the Prometheus scrape class whose defaults apply. */
        public Builder scrapeClass(String scrapeClass) {
            spec.withScrapeClass(scrapeClass);
            return this;
        }

        /** Sets the Pod label whose value becomes the job label. */
        public Builder jobLabel(String label) {
            spec.withJobLabel(label);
            return this;
        }

        /** Copies these Pod labels onto every target. */
        public Builder podTargetLabels(String... labels) {
            spec.withPodTargetLabels(labels);
            return this;
        }

        /** Customises any other spec field through fabric8's builder. */
        public Builder spec(UnaryOperator<PodMonitorSpecBuilder> customize) {
            spec = customize.apply(spec);
            return this;
        }

        /**
         * @return the monitor
         * @throws ValidationException listing every violation with its field path
         */
        public PodMonitor build() {
            LabelSelector sel;
            if (selector != null) {
                sel = selector;
            } else if (!matchLabels.isEmpty()) {
                sel = new LabelSelectorBuilder().withMatchLabels(new TreeMap<>(matchLabels)).build();
            } else {
                sel = new LabelSelectorBuilder().withMatchLabels(Map.of(DEFAULT_SELECTOR_LABEL, name)).build();
            }
            PodMonitorSpec s = spec.build();
            s.setSelector(sel);
            s.setPodMetricsEndpoints(new ArrayList<>(endpoints));
            PodMonitor sm = new PodMonitor();
            sm.setMetadata(metadata());
            sm.setSpec(Json.copy(s, PodMonitorSpec.class));
            return Manifests.validated(sm, false);
        }
    }
}
