package io.monitoringkit.operator;

import io.fabric8.openshift.api.model.monitoring.v1.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.ProbeSpec;
import io.fabric8.openshift.api.model.monitoring.v1.ProbeSpecBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ProbeTargetStaticConfigBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ProbeTargetsBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ProberSpecBuilder;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.operator.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Validated {@code Probe}s: a blackbox-style prober ({@code host:port}, no scheme) and the targets it probes are
 * required; everything else is chained, or reached through {@link Builder#spec(UnaryOperator)}.
 *
 * <pre>{@code
 * Probe p = Probes.forStaticTargets("homepage", "blackbox-exporter.monitoring:9115", "https://example.com")
 *         .module("http_2xx")
 *         .interval("30s")
 *         .forRelease("my-prom")
 *         .build();
 * }</pre>
 */
public final class Probes {
    private Probes() {
    }

    /** @return a builder for a probe of fixed targets through the prober at {@code proberUrl} (host:port) */
    public static Builder forStaticTargets(String name, String proberUrl, String... targets) {
        Builder b = new Builder(name);
        b.spec.withProber(new ProberSpecBuilder().withUrl(Objects.requireNonNull(proberUrl, "proberUrl")).build());
        b.targets.addAll(List.of(targets));
        return b;
    }

    /** @return a builder holding a copy of {@code probe} */
    public static Builder from(Probe probe) {
        Builder b = new Builder("");
        b.from(probe.getMetadata());
        b.spec = new ProbeSpecBuilder(probe.getSpec() == null ? new ProbeSpec()
                : Json.copy(probe.getSpec(), ProbeSpec.class));
        b.copied = true;
        return b;
    }

    /** Builds a {@link Probe}. */
    public static final class Builder extends MetadataBuilder<Builder> {
        private ProbeSpecBuilder spec = new ProbeSpecBuilder();
        private final List<String> targets = new ArrayList<>();
        private final TreeMap<String, String> targetLabels = new TreeMap<>();
        private boolean copied;

        Builder(String name) {
            super(name);
        }

        /** Adds a target (a URL or host the prober probes). */
        public Builder target(String target) {
            targets.add(Objects.requireNonNull(target, "target"));
            return this;
        }

        /** Adds a label to every static target. */
        public Builder targetLabel(String name, String value) {
            targetLabels.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the prober's module (e.g. {@code http_2xx}). */
        public Builder module(String module) {
            spec.withModule(module);
            return this;
        }

        /** Sets the probing interval (a Prometheus duration, checked by build()). */
        public Builder interval(String interval) {
            spec.withInterval(interval);
            return this;
        }

        /** Sets the probing interval. */
        public Builder interval(PromDuration interval) {
            return interval(interval.toString());
        }

        /** Sets the scrape timeout (a Prometheus duration, checked by build()). */
        public Builder scrapeTimeout(String timeout) {
            spec.withScrapeTimeout(timeout);
            return this;
        }

        /** Sets the job name. */
        public Builder jobName(String jobName) {
            spec.withJobName(jobName);
            return this;
        }

        /** Customises any other spec field through fabric8's builder. */
        public Builder spec(UnaryOperator<ProbeSpecBuilder> customize) {
            spec = customize.apply(spec);
            return this;
        }

        /**
         * @return the probe
         * @throws ValidationException listing every violation with its field path
         */
        public Probe build() {
            ProbeSpec s = Json.copy(spec.build(), ProbeSpec.class);
            if (!copied || !targets.isEmpty() || !targetLabels.isEmpty()) {
                if (s.getTargets() == null || s.getTargets().getStaticConfig() == null) {
                    s.setTargets(new ProbeTargetsBuilder(s.getTargets() == null ? new ProbeTargetsBuilder().build()
                            : s.getTargets()).withStaticConfig(new ProbeTargetStaticConfigBuilder().build()).build());
                }
                var sc = s.getTargets().getStaticConfig();
                List<String> all = new ArrayList<>(sc.getStatic() == null ? List.of() : sc.getStatic());
                all.addAll(targets);
                sc.setStatic(all);
                if (!targetLabels.isEmpty()) {
                    TreeMap<String, String> l = new TreeMap<>(sc.getLabels() == null ? java.util.Map.of()
                            : sc.getLabels());
                    l.putAll(targetLabels);
                    sc.setLabels(l);
                }
            }
            Probe p = new Probe();
            p.setMetadata(metadata());
            p.setSpec(s);
            return Manifests.validated(p, false);
        }
    }
}
