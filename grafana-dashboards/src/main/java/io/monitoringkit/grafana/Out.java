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
    /** While set, values are shared with the model instead of copied: only for trees serialized and dropped. */
    private static final ThreadLocal<Boolean> SHARE = new ThreadLocal<>();

    final ObjectNode o = Json.object();

    /** Runs {@code body} with sharing on: the trees it builds must not escape. */
    static <T> T sharing(java.util.function.Supplier<T> body) {
        Boolean before = SHARE.get();
        SHARE.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            if (before == null) {
                SHARE.remove();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends JsonNode> T copy(T n) {
        return n == null || SHARE.get() != null ? n : (T) n.deepCopy();
    }

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

    /** Puts a value held by the model (copied unless sharing). */
    Out node(String key, JsonNode v) {
        if (v != null) {
            o.set(key, copy(v));
        }
        return this;
    }

    /** Puts a freshly built value. */
    Out owned(String key, JsonNode v) {
        if (v != null) {
            o.set(key, v);
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
                    o.set(e.getKey(), copy(e.getValue()));
                }
            }
        }
        return o;
    }
}
