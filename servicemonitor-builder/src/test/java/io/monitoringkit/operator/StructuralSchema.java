package io.monitoringkit.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small validator for the subset of Kubernetes structural schemas (OpenAPI v3) the Prometheus Operator CRDs use:
 * type, required, properties, additionalProperties, items, enum, pattern, minimum/maximum, minLength, minItems and
 * x-kubernetes-int-or-string. Fields not in {@code properties} are reported, as strict field validation does.
 * An independent check of this module's hand-written tables, used only by tests.
 */
final class StructuralSchema {
    private static final Map<String, Pattern> PATTERNS = new HashMap<>();

    private StructuralSchema() {
    }

    static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out);
        return out;
    }

    private static void check(JsonNode s, JsonNode v, String path, List<String> out) {
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!v.isIntegralNumber() && !v.isTextual()) {
                out.add(path + ": not an int or string");
            } else if (v.isTextual()) {
                pattern(s, v.asText(), path, out);
            }
            return;
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!v.isObject()) {
                    out.add(path + ": not an object");
                    return;
                }
                for (JsonNode r : s.path("required")) {
                    if (!v.has(r.asText())) {
                        out.add(path + "." + r.asText() + ": required");
                    }
                }
                JsonNode props = s.get("properties");
                JsonNode addl = s.get("additionalProperties");
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = path + "." + e.getKey();
                    if (props != null && props.has(e.getKey())) {
                        check(props.get(e.getKey()), e.getValue(), p, out);
                    } else if (addl != null && addl.isObject()) {
                        check(addl, e.getValue(), p, out);
                    } else if (props != null || (addl != null && !addl.asBoolean(true))) {
                        out.add(p + ": unknown field");
                    }
                }
            }
            case "array" -> {
                if (!v.isArray()) {
                    out.add(path + ": not an array");
                    return;
                }
                if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
                    out.add(path + ": fewer than " + s.get("minItems").asInt() + " items");
                }
                for (int i = 0; i < v.size(); i++) {
                    check(s.path("items"), v.get(i), path + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!v.isTextual()) {
                    out.add(path + ": not a string");
                    return;
                }
                String t = v.asText();
                if (s.has("minLength") && t.length() < s.get("minLength").asInt()) {
                    out.add(path + ": shorter than " + s.get("minLength").asInt());
                }
                if (s.has("enum")) {
                    boolean found = false;
                    for (JsonNode e : s.get("enum")) {
                        found |= e.asText().equals(t);
                    }
                    if (!found) {
                        out.add(path + ": not in enum");
                    }
                }
                pattern(s, t, path, out);
            }
            case "integer" -> {
                if (!v.isIntegralNumber()) {
                    out.add(path + ": not an integer");
                    return;
                }
                if (s.has("minimum") && v.asLong() < s.get("minimum").asLong()) {
                    out.add(path + ": below minimum");
                }
                if (s.has("maximum") && v.asLong() > s.get("maximum").asLong()) {
                    out.add(path + ": above maximum");
                }
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    out.add(path + ": not a boolean");
                }
            }
            case "number" -> {
                if (!v.isNumber()) {
                    out.add(path + ": not a number");
                }
            }
            default -> {
                // no type: anything (x-kubernetes-preserve-unknown-fields)
            }
        }
    }

    private static void pattern(JsonNode s, String t, String path, List<String> out) {
        if (s.has("pattern")) {
            Pattern p = PATTERNS.computeIfAbsent(s.get("pattern").asText(), Pattern::compile);
            if (!p.matcher(t).find()) {
                out.add(path + ": does not match " + s.get("pattern").asText());
            }
        }
    }

    /** Every field path of a schema ({@code spec.endpoints[].port}), {@code {}} for map values. */
    static List<String> fieldPaths(JsonNode s) {
        List<String> out = new ArrayList<>();
        walk(s, "", out);
        return out;
    }

    private static void walk(JsonNode s, String path, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            out.add(p);
            walk(e.getValue(), p, out);
        }
        if (s.has("items")) {
            walk(s.get("items"), path + "[]", out);
        }
        if (s.path("additionalProperties").isObject()) {
            walk(s.get("additionalProperties"), path + "{}", out);
        }
    }
}
