package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A query for a data source the model does not type (TestData, SQL, Elasticsearch, Tempo, ...): its JSON is
 * kept as is.
 *
 * <pre>{@code
 * GenericTarget t = GenericTarget.of(DatasourceRef.of("grafana-testdata-datasource", "testdata"),
 *         (ObjectNode) new ObjectMapper().readTree("{\"scenarioId\":\"random_walk\"}"));
 * }</pre>
 */
public final class GenericTarget implements Target {
    private final String refId;
    private final DatasourceRef datasource;
    private final ObjectNode extra;

    private GenericTarget(String refId, DatasourceRef datasource, ObjectNode extra) {
        this.refId = refId;
        this.datasource = datasource;
        this.extra = extra;
    }

    /** @return a target for {@code datasource} with the data source specific fields of {@code fields}. */
    public static GenericTarget of(DatasourceRef datasource, ObjectNode fields) {
        ObjectNode copy = fields.deepCopy();
        JsonRefId.check(copy);
        String refId = copy.has("refId") && copy.get("refId").isTextual() ? copy.remove("refId").textValue() : null;
        copy.remove("datasource");
        return new GenericTarget(refId, Objects.requireNonNull(datasource, "datasource"), copy);
    }

    static GenericTarget read(In in) {
        String refId = in.str("refId");
        DatasourceRef ds = in.datasource("datasource");
        return new GenericTarget(refId, ds, in.extra());
    }

    @Override
    public Optional<String> refId() {
        return Optional.ofNullable(refId);
    }

    @Override
    public Optional<DatasourceRef> datasource() {
        return Optional.ofNullable(datasource);
    }

    /** @return a copy of the data source specific fields. */
    public ObjectNode fields() {
        return extra == null ? Json.object() : extra.deepCopy();
    }

    @Override
    public GenericTarget withRefId(String id) {
        return new GenericTarget(id, datasource, extra);
    }

    @Override
    public ObjectNode toJson() {
        return new Out().str("refId", refId).datasource("datasource", datasource).extra(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericTarget t && Json.valueEquals(toJson(), t.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(refId);
    }

    @Override
    public String toString() {
        return Json.compact(toJson());
    }

    private static final class JsonRefId {
        static void check(ObjectNode n) {
            if (n.has("refId") && !n.get("refId").isTextual()) {
                throw new IllegalArgumentException("refId must be a string, got " + n.get("refId"));
            }
        }
    }
}
