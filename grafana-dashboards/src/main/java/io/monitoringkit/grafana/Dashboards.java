package io.monitoringkit.grafana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing dashboard JSON.
 *
 * <p>{@link #read(String)} takes any Grafana dashboard JSON, of any schemaVersion, into the typed model without
 * migrating it; fields the model does not type (or holds in another shape) are kept, so
 * {@code write(read(x))} equals {@code x} as JSON values (key order aside; {@code 1} and {@code 1.0} equal).
 * JSON that cannot be held (not an object; a panel, target, variable or annotation that is not an object;
 * duplicate keys; invalid JSON) is a {@link DashboardReadException} naming each JSON path.
 *
 * <p>{@link #write(Dashboard)} gives stable pretty JSON: keys sorted, two-space indentation, as Grafana exports.
 *
 * <pre>{@code
 * Dashboard d = Dashboards.read(Files.readString(Path.of("node-exporter-full.json")));
 * Files.writeString(Path.of("out.json"), Dashboards.write(d));
 * }</pre>
 */
public final class Dashboards {

    private Dashboards() {
    }

    /**
     * @return the dashboard in {@code json}
     * @throws DashboardReadException listing every problem with its JSON path
     */
    public static Dashboard read(String json) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new DashboardReadException(List.of("$: invalid JSON"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": "
                    + e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DashboardReadException(List.of("$: empty input, expected a dashboard object"));
        }
        return readOwned(tree);
    }

    /**
     * @return the dashboard in {@code tree} (copied, never changed)
     * @throws DashboardReadException listing every problem with its JSON path
     */
    public static Dashboard read(JsonNode tree) {
        return readOwned(tree.deepCopy());
    }

    private static Dashboard readOwned(JsonNode tree) {
        if (!tree.isObject()) {
            throw new DashboardReadException(List.of("$: expected a dashboard object, got " + In.kind(tree)));
        }
        List<String> problems = new ArrayList<>();
        Dashboard d = Dashboard.read(new In((ObjectNode) tree, "$", problems));
        if (!problems.isEmpty()) {
            throw new DashboardReadException(problems);
        }
        return d;
    }

    /** @return the dashboard as pretty JSON text (keys sorted, two-space indentation, final newline). */
    public static String write(Dashboard d) {
        return Out.sharing(() -> Json.pretty(d.toJson()));
    }

    /** @return the dashboard as compact JSON text (keys sorted). */
    public static String writeCompact(Dashboard d) {
        return Out.sharing(() -> Json.compact(d.toJson()));
    }

    /** @return whether two JSON trees are equal as JSON values (key order ignored, {@code 1} equals {@code 1.0}). */
    public static boolean jsonEquals(JsonNode a, JsonNode b) {
        return Json.valueEquals(a, b);
    }
}
