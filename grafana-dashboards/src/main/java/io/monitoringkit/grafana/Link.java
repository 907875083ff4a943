package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A dashboard link (top of the dashboard), a panel link or a data link.
 *
 * <pre>{@code
 * Link runbook = Link.url("Runbook", "https://runbooks.example.com/api").targetBlank();
 * Link related = Link.dashboards("kubernetes").asDropdown().includeVars().keepTime();
 * }</pre>
 */
public final class Link extends JsonBacked {

    private Link(ObjectNode json) {
        super(json);
    }

    /** @return a link to {@code url} titled {@code title}. */
    public static Link url(String title, String url) {
        ObjectNode o = Json.object();
        o.put("title", Objects.requireNonNull(title, "title"));
        o.put("type", "link");
        o.put("url", Objects.requireNonNull(url, "url"));
        return new Link(o);
    }

    /** @return a dashboard link listing the dashboards tagged with all of {@code tags}. */
    public static Link dashboards(String... tags) {
        ObjectNode o = Json.object();
        o.put("title", "Dashboards");
        o.put("type", "dashboards");
        ArrayNode a = o.putArray("tags");
        for (String t : tags) {
            a.add(t);
        }
        return new Link(o);
    }

    /** @return a link from its JSON object (copied). */
    public static Link of(ObjectNode json) {
        return new Link(json.deepCopy());
    }

    static Link read(In in) {
        return new Link(in.rest);
    }

    private Link with(String key, boolean v) {
        ObjectNode o = toJson();
        o.put(key, v);
        return new Link(o);
    }

    /** @return this link opening in a new tab. */
    public Link targetBlank() {
        return with("targetBlank", true);
    }

    /** @return this link shown as a drop-down. */
    public Link asDropdown() {
        return with("asDropdown", true);
    }

    /** @return this link carrying the dashboard's variables. */
    public Link includeVars() {
        return with("includeVars", true);
    }

    /** @return this link carrying the time range. */
    public Link keepTime() {
        return with("keepTime", true);
    }

    /** @return the title. */
    public Optional<String> title() {
        return text("title");
    }

    /** @return the URL. */
    public Optional<String> urlText() {
        return text("url");
    }
}
