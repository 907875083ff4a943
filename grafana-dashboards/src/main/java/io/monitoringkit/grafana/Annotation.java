package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.promql.Expr;
import java.util.Objects;
import java.util.Optional;

/**
 * An annotation query: Grafana's built-in one (annotations and alerts) or a Prometheus query whose series
 * become annotations.
 *
 * <pre>{@code
 * Annotation deploys = Annotation.prometheus("Deploys", DatasourceRef.variable("prometheus", "datasource"),
 *         changes(metric("kube_deployment_status_observed_generation").over(GrafanaPromQL.RATE_INTERVAL)))
 *         .withTitleFormat("{{deployment}} rolled out");
 * }</pre>
 */
public final class Annotation extends JsonBacked {

    private Annotation(ObjectNode json) {
        super(json);
    }

    /** @return Grafana's built-in annotation query, as Grafana writes it in new dashboards. */
    public static Annotation builtIn() {
        ObjectNode o = Json.object();
        o.put("builtIn", 1);
        o.set("datasource", DatasourceRef.grafana().toJson());
        o.put("enable", true);
        o.put("hide", true);
        o.put("iconColor", "rgba(0, 211, 255, 1)");
        o.put("name", "Annotations & Alerts");
        o.put("type", "dashboard");
        return new Annotation(o);
    }

    /** @return a Prometheus annotation query named {@code name}. */
    public static Annotation prometheus(String name, DatasourceRef datasource, Expr expr) {
        ObjectNode o = Json.object();
        o.put("name", Objects.requireNonNull(name, "name"));
        o.set("datasource", datasource.toJson());
        o.put("enable", true);
        o.put("expr", GrafanaPromQL.render(expr));
        o.put("iconColor", "rgba(255, 96, 96, 1)");
        o.put("step", "60s");
        o.put("useValueForTime", false);
        return new Annotation(o);
    }

    /** @return an annotation from its JSON object (copied). */
    public static Annotation of(ObjectNode json) {
        return new Annotation(json.deepCopy());
    }

    static Annotation read(In in) {
        return new Annotation(in.rest);
    }

    private Annotation with(String key, String value) {
        ObjectNode o = toJson();
        o.put(key, Objects.requireNonNull(value, key));
        return new Annotation(o);
    }

    /** @return this annotation with a title format such as {@code {{deployment}}}. */
    public Annotation withTitleFormat(String f) {
        return with("titleFormat", f);
    }

    /** @return this annotation with a text format. */
    public Annotation withTextFormat(String f) {
        return with("textFormat", f);
    }

    /** @return this annotation with tag keys (comma separated label names). */
    public Annotation withTagKeys(String keys) {
        return with("tagKeys", keys);
    }

    /** @return this annotation with an icon color. */
    public Annotation withIconColor(String color) {
        return with("iconColor", color);
    }

    /** @return the name. */
    public Optional<String> name() {
        return text("name");
    }

    /** @return the Prometheus expression (annotation queries of Prometheus). */
    public Optional<String> expr() {
        return text("expr");
    }

    /** @return the data source. */
    public Optional<DatasourceRef> datasource() {
        JsonNode d = json.get("datasource");
        return d == null ? Optional.empty() : Optional.ofNullable(DatasourceRef.fromJson(d));
    }

    /** @return whether this is Grafana's built-in annotation query. */
    public boolean isBuiltIn() {
        JsonNode b = json.get("builtIn");
        return b != null && b.asInt() == 1;
    }
}
