package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes typed fields (skipping absent ones) and then the extra fields not already written. */
final class Out {
    final ObjectNode o = Json.object();

    Out str(String key, String v) {
        if (v != null) {
            o.put(key, v);
        }
        return this;
    }

    Out bool(String key, Boolean v) {
        if (v != null) {
            o.put(key, v);
        }
        return this;
    }

    Out integer(String key, Integer v) {
        if (v != null) {
            o.put(key, v);
        }
        return this;
    }

    Out number(String key, Double v) {
        if (v != null) {
            o.set(key, Json.number(v));
        }
        return this;
    }

    Out node(String key, JsonNode v) {
        if (v != null) {
            o.set(key, v.deepCopy());
        }
        return this;
    }

    Out strings(String key, List<String> v) {
        if (v != null) {
            ArrayNode a = o.putArray(key);
            v.forEach(a::add);
        }
        return this;
    }

    <T> Out list(String key, List<T> v, Function<T, JsonNode> each) {
        if (v != null) {
            ArrayNode a = o.putArray(key);
            for (T t : v) {
                a.add(each.apply(t));
            }
        }
        return this;
    }

    Out datasource(String key, DatasourceRef ref) {
        if (ref != null) {
            o.set(key, ref.toJson());
        }
        return this;
    }

    ObjectNode extra(ObjectNode extra) {
        if (extra != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!o.has(e.getKey())) {
                    o.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
        return o;
    }
}
