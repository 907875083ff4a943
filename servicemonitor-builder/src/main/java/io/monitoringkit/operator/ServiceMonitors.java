package io.monitoringkit.operator;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.EndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.NamespaceSelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorSpec;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorSpecBuilder;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.operator.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Validated {@code ServiceMonitor}s. {@code forService("checkout")} names the monitor {@code checkout} and selects
 * Services labelled {@code app.kubernetes.io/name: checkout} until a selector is given; endpoints name the
 * Service's port. Every field of the CRD is reachable: common ones have methods, the rest through
 * {@link Builder#spec(UnaryOperator)} and the fabric8 {@code EndpointBuilder} of
 * {@link Builder#endpoint(String, UnaryOperator)}. {@link Builder#build()} validates everything.
 *
 * <pre>{@code
 * ServiceMonitor sm = ServiceMonitors.forService("checkout")
 *         .namespace("shop")
 *         .forRelease("my-prom")
 *         .endpoint("http-metrics", e -> e.withInterval("30s").withScrapeTimeout("10s"))
 *         .build();
 * }</pre>
 */
public final class ServiceMonitors {
    private ServiceMonitors() {
    }

    /** The label a Service is selected by when no selector is given. */
    public static final String DEFAULT_SELECTOR_LABEL = "app.kubernetes.io/name";

    /** @return a builder for a monitor named {@code name} selecting Services with {@code app.kubernetes.io/name: name} */
    public static Builder forService(String name) {
        return new Builder(name);
    }

    /** @return a builder holding a copy of {@code monitor} (the toBuilder of fabric8 objects) */
    public static Builder from(ServiceMonitor monitor) {
        Builder b = new Builder("");
        b.from(monitor.getMetadata());
        ServiceMonitorSpec spec = monitor.getSpec() == null ? new ServiceMonitorSpec()
                : Json.copy(monitor.getSpec(), ServiceMonitorSpec.class);
        b.spec = new ServiceMonitorSpecBuilder(spec);
        b.selector = spec.getSelector();
        b.spec.withSelector(null);
        b.endpoints.addAll(spec.getEndpoints() == null ? List.of() : spec.getEndpoints());
        b.spec.withEndpoints((List<Endpoint>) null);
        return b;
    }

    /** Builds a {@link ServiceMonitor}. */
    public static final class Builder extends MetadataBuilder<Builder> {
        private ServiceMonitorSpecBuilder spec = new ServiceMonitorSpecBuilder();
        private LabelSelector selector;
        private final Map<String, String> matchLabels = new TreeMap<>();
        private final List<Endpoint> endpoints = new ArrayList<>();

        Builder(String name) {
            super(name);
        }

        /** Selects Services with this label (the first call replaces the default selector). */
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

        /** Adds an endpoint scraping the Service port named {@code port}. */
        public Builder endpoint(String port) {
            return endpoint(port, UnaryOperator.identity());
        }

        /** Adds an endpoint scraping the Service port named {@code port}, customised with fabric8's builder. */
        public Builder endpoint(String port, UnaryOperator<EndpointBuilder> customize) {
            Objects.requireNonNull(port, "port");
            endpoints.add(customize.apply(new EndpointBuilder().withPort(port)).build());
            return this;
        }

        /** Adds an endpoint scraping port {@code port} and setting its interval. */
        public Builder endpoint(String port, PromDuration interval) {
            return endpoint(port, e -> e.withInterval(interval.toString()));
        }

        /** Adds an endpoint as given. */
        public Builder endpoint(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** Looks for Services in these namespaces (otherwise only in the monitor's own). */
        public Builder namespaces(String... namespaces) {
            spec.withNamespaceSelector(new NamespaceSelectorBuilder().withMatchNames(namespaces).build());
            return this;
        }

        /** Looks for Services in every namespace. */
        public Builder anyNamespace() {
            spec.withNamespaceSelector(new NamespaceSelectorBuilder().withAny(true).build());
            return this;
        }

        /** Sets the Prometheus scrape class whose defaults apply. */
        public Builder scrapeClass(String scrapeClass) {
            spec.withScrapeClass(scrapeClass);
            return this;
        }

        /** Sets the Service label whose value becomes the job label. */
        public Builder jobLabel(String label) {
            spec.withJobLabel(label);
            return this;
        }

        /** Copies these Service labels onto every target. */
        public Builder targetLabels(String... labels) {
            spec.withTargetLabels(labels);
            return this;
        }

        /** Customises any other spec field through fabric8's builder. */
        public Builder spec(UnaryOperator<ServiceMonitorSpecBuilder> customize) {
            spec = customize.apply(spec);
            return this;
        }

        /**
         * @return the monitor
         * @throws ValidationException listing every violation with its field path
         */
        public ServiceMonitor build() {
            LabelSelector sel;
            if (selector != null) {
                sel = selector;
            } else if (!matchLabels.isEmpty()) {
                sel = new LabelSelectorBuilder().withMatchLabels(new TreeMap<>(matchLabels)).build();
            } else {
                sel = new LabelSelectorBuilder().withMatchLabels(Map.of(DEFAULT_SELECTOR_LABEL, name)).build();
            }
            ServiceMonitorSpec s = spec.build();
            s.setSelector(sel);
            s.setEndpoints(new ArrayList<>(endpoints));
            ServiceMonitor sm = new ServiceMonitor();
            sm.setMetadata(metadata());
            sm.setSpec(Json.copy(s, ServiceMonitorSpec.class));
            return Manifests.validated(sm, false);
        }
    }
}
