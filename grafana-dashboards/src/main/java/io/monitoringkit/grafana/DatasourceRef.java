package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a Grafana data source, in the three shapes dashboards use: an object {@code {"type", "uid"}}
 * (Grafana 8.3 and later), a plain name (older dashboards, e.g. {@code "${DS_PROMETHEUS}"} or
 * {@code "-- Mixed --"}), or JSON {@code null} (the default data source).
 *
 * <pre>{@code
 * DatasourceRef ds = DatasourceRef.variable("prometheus", "datasource"); // {"type":"prometheus","uid":"${datasource}"}
 * DatasourceRef mixed = DatasourceRef.mixed();                          // {"type":"datasource","uid":"-- Mixed --"}
 * }</pre>
 */
public final class DatasourceRef {

    /** The uid of Grafana's mixed data source. */
    public static final String MIXED_UID = "-- Mixed --";
    /** The uid of Grafana's built-in data source (annotations and alerts). */
    public static final String GRAFANA_UID = "-- Grafana --";

    private static final Pattern VARIABLE = Pattern.compile("^\\$(?:\\{([A-Za-z0-9_]+)(?::[^}]*)?}|([A-Za-z0-9_]+))$");

    private enum Shape { OBJECT, NAME, NULL }

    private final Shape shape;
    private final String type;
    private final String uid;
    private final ObjectNode extra;

    private DatasourceRef(Shape shape, String type, String uid, ObjectNode extra) {
        this.shape = shape;
        this.type = type;
        this.uid = uid;
        this.extra = extra;
    }

    /** @return {@code {"type": type, "uid": uid}}. */
    public static DatasourceRef of(String type, String uid) {
        return new DatasourceRef(Shape.OBJECT, Objects.requireNonNull(type, "type"), Objects.requireNonNull(uid, "uid"),
                null);
    }

    /** @return {@code {"type": type, "uid": "${variableName}"}}: the data source chosen by a dashboard variable. */
    public static DatasourceRef variable(String type, String variableName) {
        io.monitoringkit.grafana.internal.Vars.requireName(variableName);
        return of(type, "${" + variableName + "}");
    }

    /** @return a Prometheus data source by uid. */
    public static DatasourceRef prometheus(String uid) {
        return of("prometheus", uid);
    }

    /** @return a Loki data source by uid. */
    public static DatasourceRef loki(String uid) {
        return of("loki", uid);
    }

    /** @return Grafana's {@code -- Mixed --} data source: each target names its own. */
    public static DatasourceRef mixed() {
        return of("datasource", MIXED_UID);
    }

    /** @return Grafana's built-in data source, used by the built-in annotation query. */
    public static DatasourceRef grafana() {
        return of("grafana", GRAFANA_UID);
    }

    /** @return a legacy reference by name (a plain JSON string). */
    public static DatasourceRef named(String name) {
        return new DatasourceRef(Shape.NAME, null, Objects.requireNonNull(name, "name"), null);
    }

    /** @return an explicit JSON {@code null}: Grafana uses the default data source. */
    public static DatasourceRef defaultDatasource() {
        return new DatasourceRef(Shape.NULL, null, null, null);
    }

    static DatasourceRef fromJson(JsonNode n) {
        if (n.isNull()) {
            return defaultDatasource();
        }
        if (n.isTextual()) {
            return named(n.textValue());
        }
        if (n.isObject()) {
            JsonNode t = n.get("type");
            JsonNode u = n.get("uid");
            if ((t != null && !t.isTextual()) || (u != null && !u.isTextual())) {
                return null;
            }
            ObjectNode rest = ((ObjectNode) n).deepCopy();
            rest.remove("type");
            rest.remove("uid");
            return new DatasourceRef(Shape.OBJECT, t == null ? null : t.textValue(), u == null ? null : u.textValue(),
                    rest.isEmpty() ? null : rest);
        }
        return null;
    }

    /** @return the JSON form. */
    public JsonNode toJson() {
        switch (shape) {
            case NULL:
                return NullNode.getInstance();
            case NAME:
                return Json.F.textNode(uid);
            default:
                ObjectNode o = Json.object();
                if (type != null) {
                    o.put("type", type);
                }
                if (uid != null) {
                    o.put("uid", uid);
                }
                if (extra != null) {
                    extra.fields().forEachRemaining(e -> o.set(e.getKey(), Out.copy(e.getValue())));
                }
                return o;
        }
    }

    /** @return the plugin type ({@code prometheus}, {@code loki}, ...) when the reference is an object naming one. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** @return the uid when the reference is an object with one. */
    public Optional<String> uid() {
        return shape == Shape.OBJECT ? Optional.ofNullable(uid) : Optional.empty();
    }

    /** @return the name of a legacy (string) reference. */
    public Optional<String> name() {
        return shape == Shape.NAME ? Optional.of(uid) : Optional.empty();
    }

    /** @return whether this is JSON {@code null} (the default data source). */
    public boolean isDefault() {
        return shape == Shape.NULL;
    }

    /** @return whether this is the {@code -- Mixed --} data source (by uid or legacy name). */
    public boolean isMixed() {
        return MIXED_UID.equals(uid);
    }

    /** @return the variable name when the uid (or legacy name) is {@code $var} or {@code ${var}}. */
    public Optional<String> variableName() {
        if (uid == null) {
            return Optional.empty();
        }
        Matcher m = VARIABLE.matcher(uid);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasourceRef r && Json.valueEquals(toJson(), r.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, type, uid);
    }

    @Override
    public String toString() {
        return Json.compact(toJson());
    }
}
