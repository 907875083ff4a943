package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field override: a matcher (by name, regex, query refId or field type) and the properties it sets. Property
 * values may be strings, numbers or objects, as in Grafana.
 *
 * <pre>{@code
 * FieldOverride o = FieldOverride.byName("errors")
 *         .set("unit", "percentunit")
 *         .set("decimals", 2)
 *         .set("color", FieldColor.fixed("red").toJson());
 * }</pre>
 */
public final class FieldOverride extends JsonBacked {

    private FieldOverride(ObjectNode json) {
        super(json);
    }

    private static FieldOverride matcher(String id, JsonNode options) {
        ObjectNode o = Json.object();
        ObjectNode m = o.putObject("matcher");
        m.put("id", id);
        m.set("options", options);
        o.putArray("properties");
        return new FieldOverride(o);
    }

    /** @return an override for the field named {@code name}. */
    public static FieldOverride byName(String name) {
        return matcher("byName", Json.F.textNode(Objects.requireNonNull(name, "name")));
    }

    /** @return an override for the fields whose name matches {@code regex}. */
    public static FieldOverride byRegexp(String regex) {
        try {
            java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("\"" + regex + "\" is not a valid regular expression: "
                    + e.getDescription(), e);
        }
        return matcher("byRegexp", Json.F.textNode(regex));
    }

    /** @return an override for the fields of query {@code refId}. */
    public static FieldOverride byFrameRefID(String refId) {
        return matcher("byFrameRefID", Json.F.textNode(Objects.requireNonNull(refId, "refId")));
    }

    /** @return an override for the fields of a type ({@code number}, {@code string}, {@code time}, ...). */
    public static FieldOverride byType(String type) {
        return matcher("byType", Json.F.textNode(Objects.requireNonNull(type, "type")));
    }

    /** @return an override from its JSON object (copied). */
    public static FieldOverride of(ObjectNode json) {
        return new FieldOverride(json.deepCopy());
    }

    static FieldOverride read(In in) {
        return new FieldOverride(in.rest);
    }

    private FieldOverride add(String id, JsonNode value) {
        ObjectNode o = toJson();
        JsonNode props = o.get("properties");
        ArrayNode a = props != null && props.isArray() ? (ArrayNode) props : o.putArray("properties");
        ObjectNode p = a.addObject();
        p.put("id", Objects.requireNonNull(id, "id"));
        p.set("value", value);
        return new FieldOverride(o);
    }

    /** @return this override also setting property {@code id} to a string. */
    public FieldOverride set(String id, String value) {
        return add(id, Json.F.textNode(value));
    }

    /** @return this override also setting property {@code id} to a number. */
    public FieldOverride set(String id, double value) {
        return add(id, Json.number(value));
    }

    /** @return this override also setting property {@code id} to a boolean. */
    public FieldOverride set(String id, boolean value) {
        return add(id, Json.F.booleanNode(value));
    }

    /** @return this override also setting property {@code id} to a JSON value (copied). */
    public FieldOverride set(String id, JsonNode value) {
        return add(id, value.deepCopy());
    }

    /** @return the matcher id ({@code byName}, {@code byRegexp}, {@code byFrameRefID}, {@code byType}, ...). */
    public Optional<String> matcherId() {
        JsonNode m = json.get("matcher");
        return m != null && m.has("id") && m.get("id").isTextual() ? Optional.of(m.get("id").textValue())
                : Optional.empty();
    }

    /** @return the property ids, in order. */
    public List<String> propertyIds() {
        List<String> out = new ArrayList<>();
        JsonNode props = json.get("properties");
        if (props != null) {
            for (JsonNode p : props) {
                if (p.has("id")) {
                    out.add(p.get("id").asText());
                }
            }
        }
        return out;
    }
}
