package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads typed fields out of a JSON object owned by the reader: each typed field is removed from the object when
 * its value has the shape the model types; anything else stays in the object, which becomes the extra fields.
 */
final class In {
    final ObjectNode rest;
    final String path;
    final List<String> problems;

    In(ObjectNode obj, String path, List<String> problems) {
        this.rest = obj;
        this.path = path;
        this.problems = problems;
    }

    String str(String key) {
        JsonNode n = rest.get(key);
        if (n != null && n.isTextual()) {
            rest.remove(key);
            return n.textValue();
        }
        return null;
    }

    Boolean bool(String key) {
        JsonNode n = rest.get(key);
        if (n != null && n.isBoolean()) {
            rest.remove(key);
            return n.booleanValue();
        }
        return null;
    }

    Integer integer(String key) {
        JsonNode n = rest.get(key);
        if (n != null && n.isIntegralNumber() && n.canConvertToInt()) {
            rest.remove(key);
            return n.intValue();
        }
        return null;
    }

    Double number(String key) {
        JsonNode n = rest.get(key);
        if (n != null && n.isNumber()) {
            rest.remove(key);
            return n.doubleValue();
        }
        return null;
    }

    ObjectNode obj(String key) {
        JsonNode n = rest.get(key);
        if (n != null && n.isObject()) {
            rest.remove(key);
            return (ObjectNode) n;
        }
        return null;
    }

    JsonNode any(String key) {
        return rest.remove(key);
    }

    List<String> strings(String key) {
        JsonNode n = rest.get(key);
        if (n == null || !n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return null;
            }
            out.add(e.textValue());
        }
        rest.remove(key);
        return out;
    }

    DatasourceRef datasource(String key) {
        JsonNode n = rest.get(key);
        if (n == null) {
            return null;
        }
        DatasourceRef ref = DatasourceRef.fromJson(n);
        if (ref != null) {
            rest.remove(key);
        }
        return ref;
    }

    /** An array of objects: a non-array stays extra; a non-object element is a problem (it cannot be typed). */
    <T> List<T> objects(String key, BiFunction<In, Integer, T> each) {
        JsonNode n = rest.get(key);
        if (n == null || !n.isArray()) {
            return null;
        }
        rest.remove(key);
        return objects((ArrayNode) n, path + "." + key, each);
    }

    <T> List<T> objects(ArrayNode array, String arrayPath, BiFunction<In, Integer, T> each) {
        List<T> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            String p = arrayPath + "[" + i + "]";
            if (!e.isObject()) {
                problems.add(p + ": expected an object, got " + kind(e));
                continue;
            }
            out.add(each.apply(new In((ObjectNode) e, p, problems), i));
        }
        return out;
    }

    In child(ObjectNode obj, String key) {
        return new In(obj, path + "." + key, problems);
    }

    ObjectNode extra() {
        return rest.isEmpty() ? null : rest;
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }
}
