package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.http.HttpTransport;
import io.monitoringkit.http.Secret;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Grafana HTTP API for dashboards, folders and data sources, on the shared {@link HttpTransport} (auth,
 * TLS, retries of idempotent requests, redaction). Authenticate with a service account token (bearer) or basic
 * auth; errors are {@link GrafanaApiException}s typed by kind.
 *
 * <pre>{@code
 * try (GrafanaClient grafana = GrafanaClient.builder("https://grafana.example.com")
 *         .serviceAccountToken(Secret.of(System.getenv("GRAFANA_TOKEN"))).build()) {
 *     grafana.createFolder("team-a", "Team A");
 *     GrafanaClient.SaveResult r = grafana.save(dashboard, GrafanaClient.SaveOptions.inFolder("team-a")
 *             .overwrite(true).message("deployed by CI"));
 *     System.out.println(r.url());
 * }
 * }</pre>
 */
public final class GrafanaClient implements Closeable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpTransport http;
    private final boolean ownsTransport;

    private GrafanaClient(HttpTransport http, boolean owns) {
        this.http = http;
        this.ownsTransport = owns;
    }

    /** @return a client on {@code transport} (which the client does not close). */
    public static GrafanaClient create(HttpTransport transport) {
        return new GrafanaClient(Objects.requireNonNull(transport, "transport"), false);
    }

    /** @return a builder for Grafana at {@code baseUrl} (a sub-path such as {@code https://host/grafana} works). */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** Grafana's health: {@code GET /api/health}.
     *
     * @param database {@code ok} when Grafana reaches its database
     * @param version  the Grafana version
     * @param commit   the build commit
     */
    public record Health(String database, String version, String commit) {
    }

    /**
     * A search hit: {@code GET /api/search}.
     *
     * @param id        the numeric id
     * @param uid       the uid
     * @param title     the title
     * @param type      {@code dash-db} or {@code dash-folder}
     * @param url       the path of the dashboard or folder in Grafana
     * @param tags      the tags
     * @param folderUid the folder's uid ("" in the General folder)
     */
    public record SearchHit(long id, String uid, String title, String type, String url, List<String> tags,
            String folderUid) {
        /** Copies the tags. */
        public SearchHit {
            tags = List.copyOf(tags);
        }
    }

    /**
     * Search parameters.
     *
     * <pre>{@code
     * grafana.search(SearchQuery.dashboards().query("checkout").tag("team-a").limit(50));
     * }</pre>
     *
     * @param query      title text, "" for all
     * @param tags       tags every hit has
     * @param type       {@code dash-db}, {@code dash-folder} or "" for both
     * @param folderUids folders to search in
     * @param limit      the maximum number of hits (Grafana's default is 1000)
     */
    public record SearchQuery(String query, List<String> tags, String type, List<String> folderUids, int limit) {
        /** Copies the lists. */
        public SearchQuery {
            Objects.requireNonNull(query, "query");
            tags = List.copyOf(tags);
            Objects.requireNonNull(type, "type");
            folderUids = List.copyOf(folderUids);
            if (limit < 1 || limit > 5000) {
                throw new IllegalArgumentException(limit + " is not a search limit between 1 and 5000");
            }
        }

        /** @return a search for dashboards. */
        public static SearchQuery dashboards() {
            return new SearchQuery("", List.of(), "dash-db", List.of(), 1000);
        }

        /** @return this search with title text. */
        public SearchQuery query(String q) {
            return new SearchQuery(q, tags, type, folderUids, limit);
        }

        /** @return this search with one more tag. */
        public SearchQuery tag(String t) {
            List<String> ts = new ArrayList<>(tags);
            ts.add(t);
            return new SearchQuery(query, ts, type, folderUids, limit);
        }

        /** @return this search limited to a folder. */
        public SearchQuery inFolder(String uid) {
            List<String> fs = new ArrayList<>(folderUids);
            fs.add(uid);
            return new SearchQuery(query, tags, type, fs, limit);
        }

        /** @return this search with a limit. */
        public SearchQuery limit(int n) {
            return new SearchQuery(query, tags, type, folderUids, n);
        }
    }

    /**
     * A dashboard as stored in Grafana, with its metadata.
     *
     * @param dashboard the dashboard (read losslessly)
     * @param folderUid the folder's uid ("" in the General folder)
     * @param version   the stored version (send it back to update without overwrite)
     * @param url       the path in Grafana
     * @param provisioned whether it was provisioned from files (then the API cannot change it)
     */
    public record StoredDashboard(Dashboard dashboard, String folderUid, int version, String url,
            boolean provisioned) {
    }

    /**
     * How to save: the folder, overwrite and the version message.
     *
     * <pre>{@code
     * SaveOptions.inFolder("team-a").overwrite(true).message("CI build 42");
     * }</pre>
     *
     * @param folderUid the folder uid, empty for the General folder (updating without one moves the dashboard
     *                  there)
     * @param overwrite whether to replace a dashboard changed by someone else or with the same name
     * @param message   the version history message, "" for none
     */
    public record SaveOptions(Optional<String> folderUid, boolean overwrite, String message) {
        /** Checks for nulls. */
        public SaveOptions {
            Objects.requireNonNull(folderUid, "folderUid");
            Objects.requireNonNull(message, "message");
        }

        /** @return saving into the General folder without overwrite. */
        public static SaveOptions general() {
            return new SaveOptions(Optional.empty(), false, "");
        }

        /** @return saving into folder {@code uid} without overwrite. */
        public static SaveOptions inFolder(String uid) {
            return new SaveOptions(Optional.of(uid), false, "");
        }

        /** @return these options with overwrite on or off. */
        public SaveOptions overwrite(boolean on) {
            return new SaveOptions(folderUid, on, message);
        }

        /** @return these options with a version message. */
        public SaveOptions message(String m) {
            return new SaveOptions(folderUid, overwrite, m);
        }
    }

    /**
     * The result of a save.
     *
     * @param id      the numeric id
     * @param uid     the uid
     * @param url     the path in Grafana
     * @param status  {@code success}
     * @param version the new version
     * @param slug    the slug
     */
    public record SaveResult(long id, String uid, String url, String status, int version, String slug) {
    }

    /**
     * A folder.
     *
     * @param id      the numeric id
     * @param uid     the uid
     * @param title   the title
     * @param url     the path in Grafana ("" in lists)
     * @param version the version ({@code 0} in lists)
     */
    public record Folder(long id, String uid, String title, String url, int version) {
    }

    /**
     * A data source.
     *
     * @param id        the numeric id
     * @param uid       the uid
     * @param name      the name
     * @param type      the plugin type ({@code prometheus}, {@code loki}, ...)
     * @param url       the data source URL
     * @param isDefault whether it is the default data source
     */
    public record Datasource(long id, String uid, String name, String type, String url, boolean isDefault) {
        /** @return a reference for panels and targets. */
        public DatasourceRef ref() {
            return DatasourceRef.of(type, uid);
        }
    }

    /** @return Grafana's health. */
    public Health health() throws IOException {
        JsonNode n = get(http.url("api/health").build());
        return new Health(text(n, "database"), text(n, "version"), text(n, "commit"));
    }

    /** @return the hits of {@code q}. */
    public List<SearchHit> search(SearchQuery q) throws IOException {
        HttpUrl.Builder u = http.url("api/search");
        if (!q.query().isEmpty()) {
            u.addQueryParameter("query", q.query());
        }
        q.tags().forEach(t -> u.addQueryParameter("tag", t));
        if (!q.type().isEmpty()) {
            u.addQueryParameter("type", q.type());
        }
        if (!q.folderUids().isEmpty()) {
            u.addQueryParameter("folderUIDs", String.join(",", q.folderUids()));
        }
        u.addQueryParameter("limit", Integer.toString(q.limit()));
        List<SearchHit> out = new ArrayList<>();
        for (JsonNode h : array(get(u.build()), "search")) {
            List<String> tags = new ArrayList<>();
            h.path("tags").forEach(t -> tags.add(t.asText()));
            out.add(new SearchHit(h.path("id").asLong(), text(h, "uid"), text(h, "title"), text(h, "type"),
                    text(h, "url"), tags, text(h, "folderUid")));
        }
        return out;
    }

    /** @return the dashboard with {@code uid}, empty when Grafana has none. */
    public Optional<StoredDashboard> dashboard(String uid) throws IOException {
        JsonNode n;
        try {
            n = get(http.url("api/dashboards/uid/" + requireUid(uid)).build());
        } catch (GrafanaApiException e) {
            if (e.kind() == GrafanaApiException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        JsonNode d = n.get("dashboard");
        if (d == null || !d.isObject()) {
            throw unexpected(200, "no \"dashboard\" object in the response", "GET api/dashboards/uid/" + uid);
        }
        JsonNode meta = n.path("meta");
        return Optional.of(new StoredDashboard(Dashboards.read(d), text(meta, "folderUid"), meta.path("version").asInt(),
                text(meta, "url"), meta.path("provisioned").asBoolean(false)));
    }

    /**
     * Creates or updates a dashboard: {@code POST /api/dashboards/db}. Without overwrite, Grafana refuses
     * ({@link GrafanaApiException.Kind#VERSION_MISMATCH}, {@link GrafanaApiException.Kind#NAME_EXISTS}) when the
     * stored dashboard changed since {@code dashboard.version()} or another has its name or uid.
     */
    public SaveResult save(Dashboard dashboard, SaveOptions options) throws IOException {
        ObjectNode body = Json.object();
        ObjectNode d = dashboard.toJson();
        d.putNull("id");
        body.set("dashboard", d);
        options.folderUid().ifPresent(f -> body.put("folderUid", f));
        body.put("overwrite", options.overwrite());
        if (!options.message().isEmpty()) {
            body.put("message", options.message());
        }
        JsonNode n = send("POST", http.url("api/dashboards/db").build(), body);
        return new SaveResult(n.path("id").asLong(), text(n, "uid"), text(n, "url"), text(n, "status"),
                n.path("version").asInt(), text(n, "slug"));
    }

    /** Deletes the dashboard with {@code uid}; @throws GrafanaApiException NOT_FOUND when there is none. */
    public void deleteDashboard(String uid) throws IOException {
        send("DELETE", http.url("api/dashboards/uid/" + requireUid(uid)).build(), null);
    }

    /** @return the folders (first 1000). */
    public List<Folder> folders() throws IOException {
        List<Folder> out = new ArrayList<>();
        for (JsonNode f : array(get(http.url("api/folders").addQueryParameter("limit", "1000").build()), "folders")) {
            out.add(folder(f));
        }
        return out;
    }

    /** @return the folder with {@code uid}, empty when there is none. */
    public Optional<Folder> folder(String uid) throws IOException {
        try {
            return Optional.of(folder(get(http.url("api/folders/" + requireUid(uid)).build())));
        } catch (GrafanaApiException e) {
            if (e.kind() == GrafanaApiException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return the folder created with {@code uid} and {@code title}. */
    public Folder createFolder(String uid, String title) throws IOException {
        ObjectNode body = Json.object();
        body.put("uid", requireUid(uid));
        body.put("title", Objects.requireNonNull(title, "title"));
        return folder(send("POST", http.url("api/folders").build(), body));
    }

    /** @return the folder renamed; {@code version} is the folder's current version (ignored with overwrite). */
    public Folder updateFolder(String uid, String title, int version, boolean overwrite) throws IOException {
        ObjectNode body = Json.object();
        body.put("title", Objects.requireNonNull(title, "title"));
        body.put("version", version);
        body.put("overwrite", overwrite);
        return folder(send("PUT", http.url("api/folders/" + requireUid(uid)).build(), body));
    }

    /** Deletes the folder {@code uid} and the dashboards in it. */
    public void deleteFolder(String uid) throws IOException {
        send("DELETE", http.url("api/folders/" + requireUid(uid)).build(), null);
    }

    /** @return the data sources. */
    public List<Datasource> datasources() throws IOException {
        List<Datasource> out = new ArrayList<>();
        for (JsonNode d : array(get(http.url("api/datasources").build()), "datasources")) {
            out.add(datasource(d));
        }
        return out;
    }

    /** @return the data source with {@code uid}, empty when there is none. */
    public Optional<Datasource> datasource(String uid) throws IOException {
        try {
            return Optional.of(datasource(get(http.url("api/datasources/uid/" + requireUid(uid)).build())));
        } catch (GrafanaApiException e) {
            if (e.kind() == GrafanaApiException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Folder folder(JsonNode f) {
        return new Folder(f.path("id").asLong(), text(f, "uid"), text(f, "title"), text(f, "url"),
                f.path("version").asInt());
    }

    private static Datasource datasource(JsonNode d) {
        return new Datasource(d.path("id").asLong(), text(d, "uid"), text(d, "name"), text(d, "type"), text(d, "url"),
                d.path("isDefault").asBoolean(false));
    }

    private static String requireUid(String uid) {
        io.monitoringkit.grafana.internal.Uids.problem(Objects.requireNonNull(uid, "uid")).ifPresent(p -> {
            throw new IllegalArgumentException("uid " + p);
        });
        return uid;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private Iterable<JsonNode> array(JsonNode n, String what) throws GrafanaApiException {
        if (!n.isArray()) {
            throw unexpected(200, "expected a JSON array of " + what, what);
        }
        return n;
    }

    private JsonNode get(HttpUrl url) throws IOException {
        Request r = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        return execute(r, true);
    }

    private JsonNode execute(Request r, boolean idempotent) throws IOException {
        try {
            return http.execute(r, idempotent, resp -> handle(resp, r));
        } catch (UncheckedGrafanaException e) {
            throw (GrafanaApiException) e.getCause();
        }
    }

    private JsonNode send(String method, HttpUrl url, JsonNode body) throws IOException {
        RequestBody rb = body == null ? null : RequestBody.create(Json.compact(body), JSON);
        Request r = new Request.Builder().url(url).header("Accept", "application/json").method(method, rb).build();
        return execute(r, method.equals("PUT") || method.equals("DELETE"));
    }

    private JsonNode handle(Response resp, Request req) throws IOException {
        ResponseBody b = resp.body();
        String text = b == null ? "" : b.string();
        JsonNode n = null;
        try {
            n = text.isEmpty() ? Json.object() : Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (resp.isSuccessful()) {
                throw new UncheckedGrafanaException(unexpected(resp.code(), "response is not JSON: "
                        + http.excerpt(text, 200), http.describe(req)));
            }
        }
        if (resp.isSuccessful()) {
            return n;
        }
        String message = n != null && n.has("message") ? http.redact(n.get("message").asText()) : http.excerpt(text, 200);
        String status = n != null && n.has("status") ? n.get("status").asText() : "";
        throw new UncheckedGrafanaException(new GrafanaApiException(GrafanaApiException.kindOf(resp.code(), status),
                resp.code(), status, message, http.describe(req)));
    }

    private GrafanaApiException unexpected(int code, String message, String request) {
        return new GrafanaApiException(GrafanaApiException.Kind.OTHER, code, "", message, request);
    }

    /** Carries an API error out of the transport's handler (which must not throw IOException for content). */
    private static final class UncheckedGrafanaException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedGrafanaException(GrafanaApiException cause) {
            super(cause);
        }
    }

    /** Closes the transport when this client built it. */
    @Override
    public void close() {
        if (ownsTransport) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "GrafanaClient{" + http + "}";
    }

    /**
     * Builds a {@link GrafanaClient}.
     *
     * <pre>{@code
     * GrafanaClient.builder("http://127.0.0.1:3000").basicAuth("admin", Secret.of("admin")).build();
     * }</pre>
     */
    public static final class Builder {
        private final HttpTransport.Builder transport;

        private Builder(String baseUrl) {
            transport = HttpTransport.builder(baseUrl);
        }

        /** Authenticates with a service account token. */
        public Builder serviceAccountToken(Secret token) {
            transport.bearerToken(token);
            return this;
        }

        /** Authenticates with a user name and password. */
        public Builder basicAuth(String user, Secret password) {
            transport.basicAuth(user, password);
            return this;
        }

        /** Uses (a derivative of) {@code client}, sharing its pool and dispatcher. */
        public Builder okHttpClient(okhttp3.OkHttpClient client) {
            transport.okHttpClient(client);
            return this;
        }

        /** Sets the retry policy of idempotent requests. */
        public Builder retryPolicy(io.monitoringkit.http.RetryPolicy policy) {
            transport.retryPolicy(policy);
            return this;
        }

        /** Sets TLS (custom CA, client certificate). */
        public Builder tls(io.monitoringkit.http.TlsConfig tls) {
            transport.tls(tls);
            return this;
        }

        /** Adds a header to every request (e.g. {@code X-Grafana-Org-Id}). */
        public Builder header(String name, String value) {
            transport.header(name, value);
            return this;
        }

        /** @return the client. */
        public GrafanaClient build() {
            return new GrafanaClient(transport.build(), true);
        }
    }
}
