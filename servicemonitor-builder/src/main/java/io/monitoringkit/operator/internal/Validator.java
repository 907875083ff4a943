package io.monitoringkit.operator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.operator.Violation;
import io.monitoringkit.rules.RuleCheck;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Schema, operator, relabeling, Kubernetes and rule checks of one resource given as a JSON tree. */
public final class Validator {
    private Validator() {
    }

    /** The API group and version of every kind handled here. */
    public static final String API_VERSION = "monitoring.coreos.com/v1";
    /** The kinds handled here. */
    public static final List<String> KINDS = List.of("ServiceMonitor", "PodMonitor", "Probe", "PrometheusRule");

    private static final Map<String, Schema.Obj> SCHEMAS = CrdSchemas.byKind();

    /**
     * @param thanos whether PrometheusRules are meant for Thanos Ruler (which reads partial_response_strategy)
     * @return every violation, schema ones first
     */
    public static List<Violation> validate(JsonNode root, boolean thanos) {
        List<Violation> out = new ArrayList<>();
        if (!root.isObject()) {
            out.add(new Violation("", "a manifest must be an object, got " + Schema.describe(root)));
            return out;
        }
        String kind = root.path("kind").asText("");
        String apiVersion = root.path("apiVersion").asText("");
        if (!KINDS.contains(kind)) {
            out.add(new Violation("kind", kind.isEmpty() ? "is required"
                    : Schema.quote(kind) + " is not supported (supported: " + String.join(", ", KINDS) + ")"));
            return out;
        }
        if (!API_VERSION.equals(apiVersion)) {
            out.add(new Violation("apiVersion", apiVersion.isEmpty() ? "is required"
                    : Schema.quote(apiVersion) + " is not " + API_VERSION));
        }
        SCHEMAS.get(kind).check(root, "", out);
        Semantics.check(kind, root, out);
        if (kind.equals("PrometheusRule") && out.stream().noneMatch(v -> v.path().startsWith("spec"))) {
            rules(root, thanos, out);
        }
        return out;
    }

    static void rules(JsonNode root, boolean thanos, List<Violation> out) {
        JsonNode groups = root.path("spec").path("groups");
        if (!groups.isArray() || groups.isEmpty()) {
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        ObjectNode file = Json.JSON.createObjectNode();
        var copy = file.putArray("groups");
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = groups.get(i);
            if (!g.isObject()) {
                return;
            }
            index.putIfAbsent(g.path("name").asText(""), i);
            ObjectNode c = g.deepCopy();
            if (c.has("partial_response_strategy")) {
                c.remove("partial_response_strategy");
                if (!thanos) {
                    out.add(new Violation("spec.groups[" + i + "].partial_response_strategy",
                            "is read only by Thanos Ruler; Prometheus does not support it (the operator drops it"
                                    + " for Prometheus)"));
                }
            }
            copy.add(c);
        }
        String name = root.path("metadata").path("name").asText("rules");
        RuleCheck check = RuleFiles.check(Json.yaml(file), name);
        for (RuleProblem p : check.problems()) {
            if (!p.isError()) {
                continue;
            }
            Integer g = index.get(p.group());
            String path = g == null ? "spec.groups" : "spec.groups[" + g + "]";
            if (g != null && p.ruleIndex() > 0) {
                path += ".rules[" + (p.ruleIndex() - 1) + "]";
            }
            out.add(new Violation(path, p.message()));
        }
    }
}
