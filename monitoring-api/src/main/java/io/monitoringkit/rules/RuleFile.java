package io.monitoringkit.rules;

import io.monitoringkit.rules.internal.RuleYaml;
import io.monitoringkit.rules.internal.YamlTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus rule file: a list of {@link RuleGroup}s. {@link #of(List)} validates everything Prometheus
 * validates (names, labels, annotations, templates, unique group names) and reports every problem at once.
 *
 * <pre>{@code
 * RuleFile file = RuleFile.of(List.of(RuleGroup.builder("api")
 *         .rule(AlertingRule.builder("ApiDown").expr("up{job=\"api\"} == 0").forDuration(PromDuration.ofMinutes(5))
 *                 .annotation("summary", "{{ $labels.instance }} is down").build())
 *         .build()));
 * String yaml = file.toYaml();
 * RuleFile again = RuleFiles.read(yaml, "api.rules.yml"); // equal to file
 * }</pre>
 *
 * @param groups the groups
 */
public record RuleFile(List<RuleGroup> groups) {

    /** Copies. */
    public RuleFile {
        groups = List.copyOf(groups);
    }

    /**
     * @return a validated rule file
     * @throws RuleValidationException listing every problem Prometheus (3.x) would reject
     */
    public static RuleFile of(List<RuleGroup> groups) {
        RuleFile f = new RuleFile(groups);
        List<RuleProblem> errors = f.validate();
        if (!errors.isEmpty()) {
            throw new RuleValidationException(errors);
        }
        return f;
    }

    /** @return the errors Prometheus 3.x would report for this file (empty when valid). */
    public List<RuleProblem> validate() {
        try {
            YamlTree.YNode doc = YamlTree.parseAll(toYaml()).get(0);
            return RuleYaml.check(doc, "<model>", RuleYaml.Options.forVersion(3, 8).withThanos()).problems().stream()
                    .filter(RuleProblem::isError).toList();
        } catch (YamlTree.YamlError e) {
            throw new IllegalStateException("our own YAML does not parse: " + e.getMessage(), e);
        }
    }

    /** @return the number of rules. */
    public int ruleCount() {
        return groups.stream().mapToInt(g -> g.rules().size()).sum();
    }

    /** @return the rule file as YAML, every string quoted so no scalar changes type. */
    public String toYaml() {
        return RuleYaml.write(RuleYaml.tree(groups));
    }

    /**
     * @return a Prometheus Operator {@code PrometheusRule} manifest ({@code monitoring.coreos.com/v1}) holding these
     *     groups
     */
    public String toPrometheusRule(String name, String namespace, Map<String, String> labels) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        if (!labels.isEmpty()) {
            metadata.put("labels", new java.util.TreeMap<>(labels));
        }
        return RuleYaml.write(RuleYaml.ordered("apiVersion", "monitoring.coreos.com/v1", "kind", "PrometheusRule",
                "metadata", metadata, "spec", RuleYaml.tree(groups)));
    }

    /**
     * Lists what this file uses that {@code version} of Prometheus does not support: {@code keep_firing_for}
     * (2.42), {@code query_offset} (2.53), group {@code labels} (3.0), names outside the legacy character set
     * (3.0), Thanos' {@code partial_response_strategy} (never).
     *
     * @param version a Prometheus version such as {@code 2.45} or {@code 3.1.0}
     * @return one line per incompatibility; empty when compatible
     */
    public List<String> compatibleWith(String version) {
        int[] v = RuleFiles.parseVersion(version);
        List<String> out = new ArrayList<>();
        for (RuleGroup g : groups) {
            String where = "group \"" + g.name() + "\": ";
            if (g.queryOffset().isPresent() && older(v, 2, 53)) {
                out.add(where + "query_offset needs Prometheus 2.53");
            }
            if (!g.labels().isEmpty() && older(v, 3, 0)) {
                out.add(where + "group labels need Prometheus 3.0");
            }
            if (g.partialResponseStrategy().isPresent()) {
                out.add(where + "partial_response_strategy is Thanos-only; Prometheus rejects it");
            }
            for (int i = 0; i < g.rules().size(); i++) {
                Rule r = g.rules().get(i);
                String rw = where + "rule " + (i + 1) + ", \"" + r.name() + "\": ";
                if (r instanceof AlertingRule a && !a.keepFiringFor().isZero() && older(v, 2, 42)) {
                    out.add(rw + "keep_firing_for needs Prometheus 2.42");
                }
                if (r instanceof AlertingRule a) {
                    java.util.Set<String> available = io.monitoringkit.template.Templates.functionNamesIn(version);
                    java.util.Set<String> missing = new java.util.TreeSet<>();
                    for (String t : a.labels().values()) {
                        missing.addAll(io.monitoringkit.template.Templates.parse("t", t).functions());
                    }
                    for (String t : a.annotations().values()) {
                        missing.addAll(io.monitoringkit.template.Templates.parse("t", t).functions());
                    }
                    missing.removeAll(available);
                    for (String f : missing) {
                        out.add(rw + "template function " + f + " is not in Prometheus " + version);
                    }
                }
                if (older(v, 3, 0)) {
                    if (r instanceof RecordingRule rec && !io.monitoringkit.model.Names.isLegacyMetricName(rec.record())) {
                        out.add(rw + "the metric name needs Prometheus 3.0 (UTF-8 names)");
                    }
                    for (String l : r.labels().keySet()) {
                        if (!io.monitoringkit.model.Names.isLegacyLabelName(l)) {
                            out.add(rw + "label name \"" + l + "\" needs Prometheus 3.0 (UTF-8 names)");
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean older(int[] v, int major, int minor) {
        return v[0] < major || (v[0] == major && v[1] < minor);
    }
}
