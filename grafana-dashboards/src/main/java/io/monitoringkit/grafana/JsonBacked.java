package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Optional;

/** Base of the small values kept as their (private, never shared) JSON object with typed accessors. */
abstract class JsonBacked {
    final ObjectNode json;

    JsonBacked(ObjectNode json) {
        this.json = json;
    }

    /** @return a copy of the JSON object. */
    public ObjectNode toJson() {
        return Out.copy(json);
    }

    Optional<String> text(String key) {
        JsonNode n = json.get(key);
        return n != null && n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Json.valueEquals(json, ((JsonBacked) o).json);
    }

    @Override
    public int hashCode() {
        return json.size();
    }

    @Override
    public String toString() {
        return Json.compact(json);
    }
}
