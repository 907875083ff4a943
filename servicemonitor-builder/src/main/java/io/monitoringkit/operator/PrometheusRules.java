package io.monitoringkit.operator;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleSpec;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.operator.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Validated {@code PrometheusRule}s from monitoring-api's rule model. Group fields fabric8's {@code RuleGroup} lacks
 * ({@code labels}, {@code limit}, {@code partial_response_strategy}, {@code query_offset}) travel in its
 * {@code additionalProperties}, so they reach the YAML. Rules are validated as Prometheus validates rule files:
 * one invalid expression would stop Prometheus from reloading every rule, so {@code build()} refuses it.
 *
 * <pre>{@code
 * PrometheusRule pr = PrometheusRules.forRules("checkout-alerts", ruleFile)
 *         .namespace("shop")
 *         .forRelease("my-prom")
 *         .build();
 * }</pre>
 */
public final class PrometheusRules {
    private PrometheusRules() {
    }

    /** @return a builder for a PrometheusRule named {@code name} holding the file's groups */
    public static Builder forRules(String name, RuleFile rules) {
        return forGroups(name, rules.groups());
    }

    /** @return a builder for a PrometheusRule named {@code name} holding these groups */
    public static Builder forGroups(String name, List<RuleGroup> groups) {
        Builder b = new Builder(name);
        groups.forEach(g -> b.groups.add(toFabric8(g)));
        return b;
    }

    /** @return a builder holding a copy of {@code rule} */
    public static Builder from(PrometheusRule rule) {
        Builder b = new Builder("");
        b.from(rule.getMetadata());
        if (rule.getSpec() != null && rule.getSpec().getGroups() != null) {
            for (var g : rule.getSpec().getGroups()) {
                b.groups.add(Json.copy(g, io.fabric8.openshift.api.model.monitoring.v1.RuleGroup.class));
            }
        }
        return b;
    }

    /** The fabric8 form of a rule group, with the fields fabric8 lacks in additionalProperties. */
    public static io.fabric8.openshift.api.model.monitoring.v1.RuleGroup toFabric8(RuleGroup group) {
        var g = new io.fabric8.openshift.api.model.monitoring.v1.RuleGroup();
        g.setName(group.name());
        group.interval().ifPresent(i -> g.setInterval(i.toString()));
        if (!group.labels().isEmpty()) {
            g.setAdditionalProperty("labels", new TreeMap<>(group.labels()));
        }
        if (group.limit() != 0) {
            g.setAdditionalProperty("limit", group.limit());
        }
        group.partialResponseStrategy().ifPresent(s -> g.setAdditionalProperty("partial_response_strategy", s));
        group.queryOffset().ifPresent(o -> g.setAdditionalProperty("query_offset", o.toString()));
        List<Rule> rules = new ArrayList<>();
        for (io.monitoringkit.rules.Rule r : group.rules()) {
            Rule f = new Rule();
            if (r instanceof AlertingRule a) {
                f.setAlert(a.alert());
                f.setExpr(new IntOrString(a.expr().toString()));
                if (!a.forDuration().isZero()) {
                    f.setFor(a.forDuration().toString());
                }
                if (!a.keepFiringFor().isZero()) {
                    f.setKeepFiringFor(a.keepFiringFor().toString());
                }
                f.setLabels(a.labels().isEmpty() ? null : new LinkedHashMap<>(a.labels()));
                f.setAnnotations(a.annotations().isEmpty() ? null : new LinkedHashMap<>(a.annotations()));
            } else {
                RecordingRule rr = (RecordingRule) r;
                f.setRecord(rr.record());
                f.setExpr(new IntOrString(rr.expr().toString()));
                f.setLabels(rr.labels().isEmpty() ? null : new LinkedHashMap<>(rr.labels()));
            }
            rules.add(f);
        }
        g.setRules(rules);
        return g;
    }

    /** Builds a {@link PrometheusRule}. */
    public static final class Builder extends MetadataBuilder<Builder> {
        private final List<io.fabric8.openshift.api.model.monitoring.v1.RuleGroup> groups = new ArrayList<>();
        private boolean thanos;

        Builder(String name) {
            super(name);
        }

        /** Adds a group. */
        public Builder group(RuleGroup group) {
            groups.add(toFabric8(Objects.requireNonNull(group, "group")));
            return this;
        }

        /** Adds a group in fabric8's form (its additionalProperties may carry labels, limit, query_offset). */
        public Builder group(io.fabric8.openshift.api.model.monitoring.v1.RuleGroup group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Marks the rules as meant for Thanos Ruler, which reads {@code partial_response_strategy}; for Prometheus
         * (the default) a group using it is a violation, because Prometheus ignores it.
         */
        public Builder forThanosRuler() {
            this.thanos = true;
            return this;
        }

        /**
         * @return the PrometheusRule
         * @throws ValidationException listing every violation with its field path
         */
        public PrometheusRule build() {
            PrometheusRule pr = new PrometheusRule();
            pr.setMetadata(metadata());
            PrometheusRuleSpec spec = new PrometheusRuleSpec();
            spec.setGroups(new ArrayList<>(groups));
            pr.setSpec(Json.copy(spec, PrometheusRuleSpec.class));
            return Manifests.validated(pr, thanos);
        }
    }

    static String duration(PromDuration d) {
        return d.toString();
    }
}
