package io.monitoringkit.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.http.RetryPolicy;
import io.monitoringkit.http.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request and response shapes as in Grafana's HTTP API documentation (dashboards, folders, data sources). */
class GrafanaClientTest {
    private static final String TOKEN = "glsa_secretTokenValue_1234";
    private final MockWebServer server = new MockWebServer();
    private GrafanaClient grafana;

    @BeforeEach
    void start() throws IOException {
        server.start();
        grafana = GrafanaClient.builder("http://127.0.0.1:" + server.getPort() + "/grafana")
                .serviceAccountToken(Secret.of(TOKEN))
                .retryPolicy(RetryPolicy.defaults().initialBackoff(Duration.ofMillis(1))).build();
    }

    @AfterEach
    void stop() {
        grafana.close();
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static JsonNode body(RecordedRequest r) throws IOException {
        return Json.MAPPER.readTree(r.getBody().utf8());
    }

    @Test
    void healthSendsTheServiceAccountToken() throws Exception {
        server.enqueue(json(200, "{\"commit\":\"abc1234\",\"database\":\"ok\",\"version\":\"12.3.3\"}"));
        assertThat(grafana.health()).isEqualTo(new GrafanaClient.Health("ok", "12.3.3", "abc1234"));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/grafana/api/health");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void searchPassesQueryTagsTypeFoldersAndLimit() throws Exception {
        server.enqueue(json(200, """
                [{"id":163,"uid":"000000163","orgId":1,"title":"Folder","url":"/d/000000163/folder","type":"dash-db",
                  "tags":["k8s","prod"],"isStarred":false,"folderId":1,"folderUid":"nErXDvCkzz","folderTitle":"Dept",
                  "folderUrl":"/dashboards/f/nErXDvCkzz/dept","uri":"db/folder","slug":"","sortMeta":0}]"""));
        List<GrafanaClient.SearchHit> hits = grafana.search(GrafanaClient.SearchQuery.dashboards().query("fold")
                .tag("k8s").tag("prod").inFolder("nErXDvCkzz").limit(10));
        assertThat(hits).containsExactly(new GrafanaClient.SearchHit(163, "000000163", "Folder", "dash-db",
                "/d/000000163/folder", List.of("k8s", "prod"), "nErXDvCkzz"));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/grafana/api/search");
        assertThat(r.getUrl().query()).isEqualTo("query=fold&tag=k8s&tag=prod&type=dash-db&folderUIDs=nErXDvCkzz&limit=10");
    }

    @Test
    void getByUidReadsTheDashboardLosslesslyAndItsMeta() throws Exception {
        server.enqueue(json(200, """
                {"dashboard":{"id":1,"uid":"cIBgcSjkk","title":"Production Overview","tags":["templated"],
                  "timezone":"browser","schemaVersion":16,"version":3,"somethingNew":{"a":1}},
                 "meta":{"isStarred":false,"url":"/d/cIBgcSjkk/production-overview","folderId":2,
                  "folderUid":"l3KqBxCMz","slug":"production-overview","version":3,"provisioned":false}}"""));
        GrafanaClient.StoredDashboard s = grafana.dashboard("cIBgcSjkk").orElseThrow();
        assertThat(s.dashboard().title()).isEqualTo("Production Overview");
        assertThat(s.dashboard().extraFields().get("somethingNew").get("a").asInt()).isEqualTo(1);
        assertThat(s.folderUid()).isEqualTo("l3KqBxCMz");
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.url()).isEqualTo("/d/cIBgcSjkk/production-overview");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/grafana/api/dashboards/uid/cIBgcSjkk");
    }

    @Test
    void getByUidIsEmptyOn404() throws Exception {
        server.enqueue(json(404, "{\"message\":\"Dashboard not found\"}"));
        assertThat(grafana.dashboard("missing")).isEmpty();
    }

    @Test
    void savePostsDashboardFolderUidOverwriteAndMessage() throws Exception {
        server.enqueue(json(200, """
                {"id":1,"uid":"prod-overview","url":"/d/prod-overview/production-overview","status":"success",
                 "version":1,"slug":"production-overview"}"""));
        Dashboard d = Dashboard.builder("Production Overview").uid("prod-overview").build();
        GrafanaClient.SaveResult r = grafana.save(d, GrafanaClient.SaveOptions.inFolder("l3KqBxCMz").overwrite(true)
                .message("Made changes to xyz"));
        assertThat(r).isEqualTo(new GrafanaClient.SaveResult(1, "prod-overview", "/d/prod-overview/production-overview",
                "success", 1, "production-overview"));
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/grafana/api/dashboards/db");
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = body(req);
        assertThat(body.get("folderUid").asText()).isEqualTo("l3KqBxCMz");
        assertThat(body.get("overwrite").asBoolean()).isTrue();
        assertThat(body.get("message").asText()).isEqualTo("Made changes to xyz");
        assertThat(body.get("dashboard").get("id").isNull()).isTrue();
        assertThat(body.get("dashboard").get("uid").asText()).isEqualTo("prod-overview");
        assertThat(body.get("dashboard").get("title").asText()).isEqualTo("Production Overview");
    }

    @Test
    void saveFailsTypedOnVersionMismatchAndNameExists() {
        server.enqueue(json(412, "{\"message\":\"The dashboard has been changed by someone else\","
                + "\"status\":\"version-mismatch\"}"));
        server.enqueue(json(412, "{\"message\":\"A dashboard with the same name in the folder already exists\","
                + "\"status\":\"name-exists\"}"));
        Dashboard d = Dashboard.builder("X").uid("x").version(2).build();
        assertThatThrownBy(() -> grafana.save(d, GrafanaClient.SaveOptions.general()))
                .isInstanceOfSatisfying(GrafanaApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GrafanaApiException.Kind.VERSION_MISMATCH);
                    assertThat(e.httpStatus()).isEqualTo(412);
                    assertThat(e.grafanaStatus()).isEqualTo("version-mismatch");
                })
                .hasMessage("POST http://127.0.0.1:" + server.getPort() + "/grafana/api/dashboards/db: HTTP 412"
                        + " version-mismatch: The dashboard has been changed by someone else (status version-mismatch)");
        assertThatThrownBy(() -> grafana.save(d, GrafanaClient.SaveOptions.general()))
                .isInstanceOfSatisfying(GrafanaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(GrafanaApiException.Kind.NAME_EXISTS));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void unauthorizedAndForbiddenAreTypedAndNeverLeakTheToken() {
        server.enqueue(json(401, "{\"message\":\"invalid API key: " + TOKEN + "\"}"));
        server.enqueue(json(403, "{\"accessErrorId\":\"ACE0577385389\",\"message\":\"You'll need additional"
                + " permissions to perform this action. Permissions needed: dashboards:create\","
                + "\"title\":\"Access denied\"}"));
        assertThatThrownBy(() -> grafana.folders())
                .isInstanceOfSatisfying(GrafanaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(GrafanaApiException.Kind.UNAUTHORIZED))
                .hasMessageEndingWith("HTTP 401 unauthorized: invalid API key: [REDACTED]")
                .message().doesNotContain(TOKEN);
        assertThatThrownBy(() -> grafana.save(Dashboard.builder("Y").build(), GrafanaClient.SaveOptions.general()))
                .isInstanceOfSatisfying(GrafanaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(GrafanaApiException.Kind.FORBIDDEN))
                .hasMessageContaining("Permissions needed: dashboards:create");
        assertThat(grafana.toString()).doesNotContain(TOKEN);
    }

    @Test
    void deleteDashboardAndNotFound() throws Exception {
        server.enqueue(json(200, "{\"title\":\"Production Overview\",\"message\":\"Dashboard Production Overview"
                + " deleted\",\"id\":2}"));
        server.enqueue(json(404, "{\"message\":\"Dashboard not found\",\"status\":\"not-found\"}"));
        grafana.deleteDashboard("cIBgcSjkk");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/grafana/api/dashboards/uid/cIBgcSjkk");
        assertThatThrownBy(() -> grafana.deleteDashboard("gone")).isInstanceOfSatisfying(GrafanaApiException.class,
                e -> assertThat(e.kind()).isEqualTo(GrafanaApiException.Kind.NOT_FOUND));
    }

    @Test
    void foldersCrud() throws Exception {
        server.enqueue(json(200, "[{\"id\":1,\"uid\":\"nErXDvCkzz\",\"title\":\"Department ABC\"}]"));
        server.enqueue(json(200, """
                {"id":1,"uid":"nErXDvCkzz","title":"Department ABC","url":"/dashboards/f/nErXDvCkzz/department-abc",
                 "hasAcl":false,"canSave":true,"canEdit":true,"canAdmin":true,"createdBy":"admin",
                 "created":"2018-01-31T17:43:12+01:00","updatedBy":"admin","updated":"2018-01-31T17:43:12+01:00",
                 "version":1}"""));
        server.enqueue(json(200, """
                {"id":1,"uid":"nErXDvCkzz","title":"Department DEF","url":"/dashboards/f/nErXDvCkzz/department-def",
                 "version":2}"""));
        server.enqueue(json(412, "{\"message\":\"the folder has been changed by someone else\","
                + "\"status\":\"version-mismatch\"}"));
        server.enqueue(json(200, "{\"message\":\"Folder deleted\",\"id\":1,\"title\":\"Department DEF\"}"));
        server.enqueue(json(404, "{\"message\":\"folder not found\",\"status\":\"not-found\"}"));

        assertThat(grafana.folders()).containsExactly(new GrafanaClient.Folder(1, "nErXDvCkzz", "Department ABC", "", 0));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/grafana/api/folders");

        assertThat(grafana.createFolder("nErXDvCkzz", "Department ABC")).isEqualTo(new GrafanaClient.Folder(1,
                "nErXDvCkzz", "Department ABC", "/dashboards/f/nErXDvCkzz/department-abc", 1));
        RecordedRequest create = server.takeRequest();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(body(create)).isEqualTo(Json.MAPPER.readTree("{\"uid\":\"nErXDvCkzz\",\"title\":\"Department ABC\"}"));

        assertThat(grafana.updateFolder("nErXDvCkzz", "Department DEF", 1, false).version()).isEqualTo(2);
        RecordedRequest update = server.takeRequest();
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(update.getUrl().encodedPath()).isEqualTo("/grafana/api/folders/nErXDvCkzz");
        assertThat(body(update)).isEqualTo(Json.MAPPER.readTree(
                "{\"title\":\"Department DEF\",\"version\":1,\"overwrite\":false}"));
        assertThatThrownBy(() -> grafana.updateFolder("nErXDvCkzz", "X", 1, false))
                .isInstanceOfSatisfying(GrafanaApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(GrafanaApiException.Kind.VERSION_MISMATCH));
        server.takeRequest();

        grafana.deleteFolder("nErXDvCkzz");
        assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
        assertThat(grafana.folder("nErXDvCkzz")).isEmpty();
    }

    @Test
    void datasourcesListAndGet() throws Exception {
        server.enqueue(json(200, """
                [{"id":1,"uid":"P1809F7CD0C75ACF3","orgId":1,"name":"Prometheus","type":"prometheus",
                  "typeName":"Prometheus","typeLogoUrl":"public/app/plugins/datasource/prometheus/img/logo.svg",
                  "access":"proxy","url":"http://prometheus:9090","user":"","database":"","basicAuth":false,
                  "isDefault":true,"jsonData":{"httpMethod":"POST"},"readOnly":false}]"""));
        server.enqueue(json(404, "{\"message\":\"Data source not found\"}"));
        GrafanaClient.Datasource ds = grafana.datasources().get(0);
        assertThat(ds).isEqualTo(new GrafanaClient.Datasource(1, "P1809F7CD0C75ACF3", "Prometheus", "prometheus",
                "http://prometheus:9090", true));
        assertThat(ds.ref()).isEqualTo(DatasourceRef.prometheus("P1809F7CD0C75ACF3"));
        assertThat(grafana.datasource("nope")).isEmpty();
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/grafana/api/datasources/uid/nope");
    }

    @Test
    void basicAuthIsSupported() throws Exception {
        try (GrafanaClient basic = GrafanaClient.builder("http://127.0.0.1:" + server.getPort())
                .basicAuth("admin", Secret.of("s3cret")).build()) {
            server.enqueue(json(200, "{\"database\":\"ok\",\"version\":\"11.0.0\",\"commit\":\"x\"}"));
            basic.health();
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Basic YWRtaW46czNjcmV0");
        }
    }

    @Test
    void serverErrorsOnReadsAreRetriedThenTyped() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(503, "{\"message\":\"unavailable\"}"));
        }
        assertThatThrownBy(() -> grafana.health()).isInstanceOf(IOException.class);
        assertThat(server.getRequestCount()).isGreaterThan(1);
    }

    @Test
    void rejectsInvalidUidsBeforeSending() {
        assertThatThrownBy(() -> grafana.dashboard("../admin")).hasMessage(
                "uid \"../admin\" may only contain letters, digits, '-' and '_'");
        assertThat(server.getRequestCount()).isZero();
    }
}
