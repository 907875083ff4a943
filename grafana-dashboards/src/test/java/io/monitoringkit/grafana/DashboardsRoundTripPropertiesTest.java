package io.monitoringkit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The round-trip law: for any JSON placed anywhere the model has extra fields, write(read(x)) equals x. */
class DashboardsRoundTripPropertiesTest {

    @Provide
    Arbitrary<JsonNode> json() {
        return Arbitraries.recursive(this::leaf, this::container, 0, 3);
    }

    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(s -> (JsonNode) Json.F.textNode(s)),
                Arbitraries.integers().map(i -> (JsonNode) Json.F.numberNode(i)),
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> (JsonNode) Json.F.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) Json.F.booleanNode(b)),
                Arbitraries.just(Json.F.nullNode()));
    }

    private Arbitrary<JsonNode> container(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(3).map(l -> {
            ArrayNode a = Json.array();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                inner).ofMaxSize(3).map(m -> {
                    ObjectNode o = Json.object();
                    m.forEach(o::set);
                    return o;
                });
        return Arbitraries.oneOf(arrays, objects);
    }

    /** Known field names get values of any shape too: the model types what it can and keeps the rest. */
    @Provide
    Arbitrary<String> key() {
        return Arbitraries.of("title", "uid", "refresh", "tags", "time", "id", "type", "gridPos", "datasource",
                "expr", "refId", "legendFormat", "instant", "options", "fieldConfig", "collapsed", "links",
                "somethingNew", "x_custom", "query", "multi", "current", "unit", "overrides", "steps", "mode");
    }

    @Property(tries = 200)
    void anyValueAtAnyKnownOrUnknownKeyRoundTrips(@ForAll("key") String key, @ForAll("json") JsonNode value,
            @ForAll("key") String key2, @ForAll("json") JsonNode value2) throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree("""
                {"title": "T", "uid": "u", "templating": {"list": [{"type": "query", "name": "v"}]},
                 "annotations": {"list": [{"builtIn": 1}]},
                 "panels": [{"type": "timeseries", "id": 1,
                   "fieldConfig": {"defaults": {"thresholds": {"steps": [{"color": "green", "value": null}]}},
                                   "overrides": []},
                   "targets": [{"refId": "A", "expr": "up"}]}]}""");
        d.set(key, value);
        ObjectNode panel = (ObjectNode) d.get("panels").get(0);
        ObjectNode target = (ObjectNode) panel.get("targets").get(0);
        ObjectNode variable = (ObjectNode) d.get("templating").get("list").get(0);
        ObjectNode defaults = (ObjectNode) panel.get("fieldConfig").get("defaults");
        ObjectNode[] places = {panel, target, variable, defaults};
        places[Math.floorMod(key2.hashCode(), places.length)].set(key2, value2);
        if (key.equals("panels") || key.equals("templating") || key.equals("annotations")) {
            return;
        }
        String text = Json.compact(d);
        Dashboard read;
        try {
            read = Dashboards.read(text);
        } catch (DashboardReadException e) {
            // only arrays of non-objects where the model needs objects may be refused, and they name their path
            assertThat(e.problems()).allMatch(p -> p.startsWith("$.") && p.contains("expected an object"));
            return;
        }
        assertThat(Dashboards.jsonEquals(Json.MAPPER.readTree(Dashboards.write(read)), d))
                .as("round trip of %s", text).isTrue();
    }
}
