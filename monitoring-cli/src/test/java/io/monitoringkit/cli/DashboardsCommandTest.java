package io.monitoringkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardsCommandTest {

    private static final String GOOD = """
            {"title": "T", "uid": "t", "schemaVersion": 41,
             "templating": {"list": [{"type": "datasource", "name": "datasource", "query": "prometheus"}]},
             "panels": [{"id": 1, "type": "timeseries", "title": "P", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
               "datasource": {"type": "prometheus", "uid": "${datasource}"},
               "fieldConfig": {"defaults": {"unit": "s"}, "overrides": []},
               "targets": [{"refId": "A", "expr": "sum(rate(x[$__rate_interval]))", "somethingNew": 1.0}]}]}
            """;

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        DashboardsCommand.environment = System::getenv;
    }

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    @Test
    void lintPassesAGoodDashboard() throws IOException {
        CliRun r = CliRun.mkit("dashboards", "lint", file("good.json", GOOD));
        assertThat(r.out()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void lintFailsOnErrorsAndPrintsFindingsWithPaths() throws IOException {
        String bad = file("bad.json", GOOD.replace("sum(rate(x[$__rate_interval]))", "sum(rate(x[5m])"));
        CliRun r = CliRun.mkit("dashboards", "lint", bad);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith(bad + ": ERROR promql-parses $.panels[0].targets[0].expr: \"sum(rate(x[5m])\": ");
    }

    @Test
    void lintWarningsPassUnlessStrictAndRulesCanBeDisabled() throws IOException {
        String warn = file("warn.json", GOOD.replace("$__rate_interval", "5m"));
        CliRun r = CliRun.mkit("dashboards", "lint", warn);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("WARNING rate-interval");
        assertThat(CliRun.mkit("dashboards", "lint", "--strict", warn).exitCode()).isEqualTo(1);
        assertThat(CliRun.mkit("dashboards", "lint", "--strict", "--disable", "rate-interval", warn).exitCode()).isZero();
        assertThat(CliRun.mkit("dashboards", "lint", "--disable", "nope", warn).exitCode()).isEqualTo(2);
    }

    @Test
    void lintFindsDuplicateUidsAcrossFiles() throws IOException {
        CliRun r = CliRun.mkit("dashboards", "lint", file("a.json", GOOD), file("b.json", GOOD));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("ERROR duplicate-uid $.uid: uid \"t\" of \"T\" is also the uid of \"T\"\n");
    }

    @Test
    void lintReportsUnreadableInputWithPaths() throws IOException {
        CliRun r = CliRun.mkit("dashboards", "lint", file("x.json", "{\"panels\": [1]}"), dir.resolve("none.json").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("x.json: $.panels[0]: expected an object, got a number")
                .contains("none.json: no such file");
    }

    @Test
    void normalizePrintsTheSameJsonValuesWithSortedKeys() throws Exception {
        CliRun r = CliRun.mkit("dashboards", "normalize", file("good.json", GOOD));
        assertThat(r.exitCode()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(io.monitoringkit.grafana.Dashboards.jsonEquals(m.readTree(r.out()), m.readTree(GOOD))).isTrue();
        assertThat(r.out()).startsWith("{\n  \"panels\": [\n");
        assertThat(CliRun.mkitWithStdin(GOOD, "dashboards", "normalize", "-").out()).isEqualTo(r.out());
    }

    @Test
    void pushSavesEachFileWithTheTokenFromTheEnvironment() throws Exception {
        DashboardsCommand.environment = name -> name.equals("GRAFANA_TOKEN") ? "glsa_token" : null;
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":1,\"uid\":\"t\",\"url\":\"/d/t/t\","
                    + "\"status\":\"success\",\"version\":4,\"slug\":\"t\"}").build());
            server.enqueue(new MockResponse.Builder().code(412).body("{\"message\":\"The dashboard has been changed by"
                    + " someone else\",\"status\":\"version-mismatch\"}").build());
            String f = file("good.json", GOOD);
            CliRun r = CliRun.mkit("dashboards", "push", "--url", "http://127.0.0.1:" + server.getPort(),
                    "--folder", "team-a", "--message", "ci", f, f);
            assertThat(r.out()).isEqualTo(f + ": success /d/t/t (version 4)\n");
            assertThat(r.err()).contains(f + ": POST http://127.0.0.1:" + server.getPort()
                    + "/api/dashboards/db: HTTP 412 version-mismatch");
            assertThat(r.exitCode()).isEqualTo(1);
            RecordedRequest req = server.takeRequest();
            assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer glsa_token");
            assertThat(req.getBody().utf8()).contains("\"folderUid\":\"team-a\"").contains("\"message\":\"ci\"")
                    .contains("\"overwrite\":false");
        }
    }

    @Test
    void pushWithoutATokenIsAUsageError() throws IOException {
        DashboardsCommand.environment = name -> null;
        CliRun r = CliRun.mkit("dashboards", "push", "--url", "http://127.0.0.1:1", file("good.json", GOOD));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("environment variable GRAFANA_TOKEN is not set");
    }
}
