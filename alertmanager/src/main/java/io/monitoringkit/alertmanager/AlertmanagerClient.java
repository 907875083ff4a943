package io.monitoringkit.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.http.HttpTransport;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of Alertmanager's API v2 on monitoring-http's {@link HttpTransport} (auth, TLS, retries, redaction):
 * status, receivers, alerts (list with filters, post), alert groups and silences (list, get, create or update,
 * expire). Reads are retried by the transport's policy; posting alerts and changing silences are not.
 * Failures are {@link AlertmanagerApiException}s of a {@link AlertmanagerApiException.Kind}.
 *
 * <pre>{@code
 * try (HttpTransport http = HttpTransport.builder("http://127.0.0.1:9093").build()) {
 *     AlertmanagerClient am = AlertmanagerClient.of(http);
 *     am.postAlerts(List.of(AlertmanagerClient.PostableAlert.of(Map.of("alertname", "Down", "team", "db"))));
 *     String id = am.createSilence(AlertmanagerClient.SilenceSpec.of(List.of(Matcher.equal("team", "db")),
 *             Instant.now(), Instant.now().plusSeconds(3600), "me", "maintenance"));
 *     am.expireSilence(id);
 * }
 * }</pre>
 */
public final class AlertmanagerClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpTransport http;

    private AlertmanagerClient(HttpTransport http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** A client over {@code http} (whose base URL is the Alertmanager's, e.g. {@code http://am:9093}). */
    public static AlertmanagerClient of(HttpTransport http) {
        return new AlertmanagerClient(http);
    }

    /**
     * {@code GET /api/v2/status}.
     *
     * @param version    the Alertmanager's version
     * @param uptime     when it started
     * @param cluster    the cluster status ({@code ready}, {@code settling}, {@code disabled})
     * @param configYaml the configuration it runs, as it prints it (secrets as {@code <secret>})
     */
    public record Status(String version, Instant uptime, String cluster, String configYaml) {
    }

    /**
     * An alert as the API returns it.
     *
     * @param labels      the labels
     * @param annotations the annotations
     * @param startsAt    start
     * @param endsAt      end
     * @param fingerprint the alert's fingerprint
     * @param state       {@code active}, {@code suppressed} or {@code unprocessed}
     * @param silencedBy  ids of the silences muting it
     * @param inhibitedBy fingerprints of the alerts inhibiting it
     * @param receivers   the receivers it is routed to
     */
    public record Alert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                        Instant endsAt, String fingerprint, String state, List<String> silencedBy,
                        List<String> inhibitedBy, List<String> receivers) {
    }

    /**
     * An alert to post.
     *
     * @param labels       the labels (at least one)
     * @param annotations  the annotations
     * @param startsAt     start (empty: now)
     * @param endsAt       end (empty: resolve_timeout after the last post)
     * @param generatorUrl link to the source
     */
    public record PostableAlert(Map<String, String> labels, Map<String, String> annotations,
                                Optional<Instant> startsAt, Optional<Instant> endsAt, String generatorUrl) {
        /** Copies the maps; checks that there is a label. */
        public PostableAlert {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("an alert needs at least one label");
            }
        }

        /** A firing alert with {@code labels} and nothing else. */
        public static PostableAlert of(Map<String, String> labels) {
            return new PostableAlert(labels, Map.of(), Optional.empty(), Optional.empty(), "");
        }

        /** A copy that ended at {@code endsAt} (a resolved alert when in the past). */
        public PostableAlert endingAt(Instant endsAt) {
            return new PostableAlert(labels, annotations, startsAt, Optional.of(endsAt), generatorUrl);
        }
    }

    /**
     * A group of alerts as the dispatcher holds it.
     *
     * @param labels   the group's labels (the {@code group_by} values)
     * @param receiver the receiver
     * @param alerts   its alerts
     */
    public record AlertGroup(Map<String, String> labels, String receiver, List<Alert> alerts) {
    }

    /**
     * What a silence mutes and when.
     *
     * @param matchers  the matchers
     * @param startsAt  start
     * @param endsAt    end
     * @param createdBy author
     * @param comment   why
     */
    public record SilenceSpec(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                              String comment) {
        /** Copies the matchers. */
        public SilenceSpec {
            matchers = List.copyOf(matchers);
        }

        /** A silence spec. */
        public static SilenceSpec of(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                                     String comment) {
            return new SilenceSpec(matchers, startsAt, endsAt, createdBy, comment);
        }
    }

    /**
     * A silence as the API returns it.
     *
     * @param id        its id
     * @param spec      what and when
     * @param state     {@code active}, {@code pending} or {@code expired}
     * @param updatedAt last change
     */
    public record Silence(String id, SilenceSpec spec, String state, Instant updatedAt) {
    }

    /**
     * Filters of {@code GET /api/v2/alerts}.
     *
     * @param matchers    label matchers
     * @param active      include active alerts
     * @param silenced    include silenced alerts
     * @param inhibited   include inhibited alerts
     * @param unprocessed include unprocessed alerts
     * @param receiver    a receiver-name regex, or empty
     */
    public record AlertFilter(List<Matcher> matchers, boolean active, boolean silenced, boolean inhibited,
                              boolean unprocessed, String receiver) {
        /** Copies the matchers. */
        public AlertFilter {
            matchers = List.copyOf(matchers);
        }

        /** Every alert. */
        public static AlertFilter all() {
            return new AlertFilter(List.of(), true, true, true, true, "");
        }

        /** A copy with {@code matchers}. */
        public AlertFilter matching(Matcher... matchers) {
            return new AlertFilter(List.of(matchers), active, silenced, inhibited, unprocessed, receiver);
        }

        /** A copy that leaves out silenced and inhibited alerts. */
        public AlertFilter activeOnly() {
            return new AlertFilter(matchers, true, false, false, unprocessed, receiver);
        }
    }

    /** {@code GET /api/v2/status}. */
    public Status status() {
        JsonNode n = get(http.url("api/v2/status").build());
        return new Status(n.path("versionInfo").path("version").asText(""), instant(n.path("uptime")),
                n.path("cluster").path("status").asText(""), n.path("config").path("original").asText(""));
    }

    /** {@code GET /api/v2/receivers}: the receiver names. */
    public List<String> receivers() {
        List<String> out = new ArrayList<>();
        get(http.url("api/v2/receivers").build()).forEach(r -> out.add(r.path("name").asText()));
        return List.copyOf(out);
    }

    /** {@code GET /api/v2/alerts} with {@code filter}. */
    public List<Alert> alerts(AlertFilter filter) {
        HttpUrl.Builder url = http.url("api/v2/alerts")
                .addQueryParameter("active", String.valueOf(filter.active()))
                .addQueryParameter("silenced", String.valueOf(filter.silenced()))
                .addQueryParameter("inhibited", String.valueOf(filter.inhibited()))
                .addQueryParameter("unprocessed", String.valueOf(filter.unprocessed()));
        filter.matchers().forEach(m -> url.addQueryParameter("filter", m.toString()));
        if (!filter.receiver().isEmpty()) {
            url.addQueryParameter("receiver", filter.receiver());
        }
        List<Alert> out = new ArrayList<>();
        get(url.build()).forEach(a -> out.add(alert(a)));
        return List.copyOf(out);
    }

    /** {@code POST /api/v2/alerts}. */
    public void postAlerts(List<PostableAlert> alerts) {
        ArrayNode body = JSON.createArrayNode();
        for (PostableAlert a : alerts) {
            ObjectNode n = body.addObject();
            ObjectNode labels = n.putObject("labels");
            a.labels().forEach(labels::put);
            ObjectNode annotations = n.putObject("annotations");
            a.annotations().forEach(annotations::put);
            a.startsAt().ifPresent(t -> n.put("startsAt", t.toString()));
            a.endsAt().ifPresent(t -> n.put("endsAt", t.toString()));
            if (!a.generatorUrl().isEmpty()) {
                n.put("generatorURL", a.generatorUrl());
            }
        }
        send(post(http.url("api/v2/alerts").build(), body), false);
    }

    /** {@code GET /api/v2/alerts/groups}. */
    public List<AlertGroup> alertGroups() {
        List<AlertGroup> out = new ArrayList<>();
        get(http.url("api/v2/alerts/groups").build()).forEach(g -> {
            List<Alert> alerts = new ArrayList<>();
            g.path("alerts").forEach(a -> alerts.add(alert(a)));
            out.add(new AlertGroup(strings(g.path("labels")), g.path("receiver").path("name").asText(""),
                    List.copyOf(alerts)));
        });
        return List.copyOf(out);
    }

    /** {@code GET /api/v2/silences}. */
    public List<Silence> silences() {
        List<Silence> out = new ArrayList<>();
        get(http.url("api/v2/silences").build()).forEach(s -> out.add(silence(s)));
        return List.copyOf(out);
    }

    /** {@code GET /api/v2/silence/{id}}; a missing silence is a {@code NOT_FOUND} error. */
    public Silence silence(String id) {
        return silence(get(http.url("api/v2/silence").addPathSegment(id).build()));
    }

    /** {@code POST /api/v2/silences}: creates a silence and returns its id. */
    public String createSilence(SilenceSpec spec) {
        return postSilence(Optional.empty(), spec);
    }

    /** {@code POST /api/v2/silences} with {@code id}: updates a silence (Alertmanager may give it a new id). */
    public String updateSilence(String id, SilenceSpec spec) {
        return postSilence(Optional.of(id), spec);
    }

    /** {@code DELETE /api/v2/silence/{id}}: expires the silence. */
    public void expireSilence(String id) {
        send(new Request.Builder().url(http.url("api/v2/silence").addPathSegment(id).build()).delete().build(),
                false);
    }

    private String postSilence(Optional<String> id, SilenceSpec spec) {
        ObjectNode n = JSON.createObjectNode();
        id.ifPresent(v -> n.put("id", v));
        ArrayNode matchers = n.putArray("matchers");
        for (Matcher m : spec.matchers()) {
            matchers.addObject().put("name", m.name()).put("value", m.value()).put("isRegex", m.type().isRegex())
                    .put("isEqual", m.type() == MatchType.EQUAL || m.type() == MatchType.REGEX);
        }
        n.put("startsAt", spec.startsAt().toString());
        n.put("endsAt", spec.endsAt().toString());
        n.put("createdBy", spec.createdBy());
        n.put("comment", spec.comment());
        JsonNode answer = send(post(http.url("api/v2/silences").build(), n), false);
        String silenceId = answer.path("silenceID").asText("");
        if (silenceId.isEmpty()) {
            throw new AlertmanagerApiException(AlertmanagerApiException.Kind.BAD_RESPONSE, 200,
                    "POST /api/v2/silences answered without a silenceID", null);
        }
        return silenceId;
    }

    // ------------------------------------------------------------------ decoding

    private static Alert alert(JsonNode a) {
        JsonNode st = a.path("status");
        List<String> receivers = new ArrayList<>();
        a.path("receivers").forEach(r -> receivers.add(r.path("name").asText()));
        return new Alert(strings(a.path("labels")), strings(a.path("annotations")), instant(a.path("startsAt")),
                instant(a.path("endsAt")), a.path("fingerprint").asText(""), st.path("state").asText(""),
                list(st.path("silencedBy")), list(st.path("inhibitedBy")), List.copyOf(receivers));
    }

    private static Silence silence(JsonNode s) {
        List<Matcher> matchers = new ArrayList<>();
        s.path("matchers").forEach(m -> {
            boolean regex = m.path("isRegex").asBoolean(false);
            boolean equal = m.path("isEqual").asBoolean(true);
            MatchType type = regex ? (equal ? MatchType.REGEX : MatchType.NOT_REGEX)
                    : (equal ? MatchType.EQUAL : MatchType.NOT_EQUAL);
            matchers.add(Matcher.of(m.path("name").asText(), type, m.path("value").asText("")));
        });
        SilenceSpec spec = new SilenceSpec(matchers, instant(s.path("startsAt")), instant(s.path("endsAt")),
                s.path("createdBy").asText(""), s.path("comment").asText(""));
        return new Silence(s.path("id").asText(""), spec, s.path("status").path("state").asText(""),
                instant(s.path("updatedAt")));
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static List<String> list(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.forEach(x -> l.add(x.asText()));
        return List.copyOf(l);
    }

    private static Instant instant(JsonNode n) {
        String t = n.asText("");
        if (t.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(t).toInstant();
        }
    }

    // ------------------------------------------------------------------ HTTP

    private JsonNode get(HttpUrl url) {
        return send(new Request.Builder().url(url).get().header("Accept", "application/json").build(), true);
    }

    private static Request post(HttpUrl url, JsonNode body) {
        try {
            return new Request.Builder().url(url)
                    .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(Request request, boolean idempotent) {
        try {
            return http.execute(request, idempotent, response -> decode(request, response));
        } catch (IOException e) {
            throw new AlertmanagerApiException(AlertmanagerApiException.Kind.UNAVAILABLE, 0,
                    http.describe(request) + ": " + http.redact(e.getMessage()), e);
        }
    }

    private JsonNode decode(Request request, Response response) throws IOException {
        String body = response.body().string();
        int code = response.code();
        if (code < 200 || code > 299) {
            AlertmanagerApiException.Kind kind = code == 400 ? AlertmanagerApiException.Kind.BAD_REQUEST
                    : code == 404 ? AlertmanagerApiException.Kind.NOT_FOUND
                    : code >= 500 ? AlertmanagerApiException.Kind.SERVER_ERROR
                    : AlertmanagerApiException.Kind.HTTP_STATUS;
            throw new AlertmanagerApiException(kind, code, http.describe(request) + " answered HTTP " + code + ": "
                    + http.excerpt(serverMessage(body), 300), null);
        }
        if (body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AlertmanagerApiException(AlertmanagerApiException.Kind.BAD_RESPONSE, code,
                    http.describe(request) + " answered HTTP " + code + " with a body that is not JSON: "
                            + http.excerpt(body, 200), null);
        }
    }

    /** The API's error bodies are JSON strings ({@code "silence not found"}) or objects with a message. */
    private static String serverMessage(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.isTextual()) {
                return n.asText();
            }
            if (n != null && n.has("message")) {
                return n.path("message").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text itself
        }
        return body;
    }
}
