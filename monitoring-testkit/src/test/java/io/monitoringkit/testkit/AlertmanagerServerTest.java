package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Starts the real Alertmanager; skipped with an install hint when it is missing. */
class AlertmanagerServerTest {

    @RegisterExtension
    static final ToolServerExtension<AlertmanagerServer> ALERTMANAGER =
            ToolServerExtension.of(AlertmanagerServer.builder());

    @Test
    void listensOnLoopbackWithoutClusterPort() {
        AlertmanagerServer alertmanager = ALERTMANAGER.server();

        assertThat(alertmanager.host()).isEqualTo("127.0.0.1");
        assertThat(alertmanager.logs()).contains("msg=\"Listening on\" address=" + alertmanager.address());
        assertThat(alertmanager.command()).contains("--cluster.listen-address=", "--web.listen-address=127.0.0.1:0");
        assertThat(alertmanager.version().program()).isEqualTo("alertmanager");
        assertThat(alertmanager.get("/api/v2/status").body()).contains("\"cluster\":{\"peers\":[],\"status\":\"disabled\"}");
    }

    @Test
    void acceptsAlertsOverItsApi() {
        AlertmanagerServer alertmanager = ALERTMANAGER.server();

        HttpResponse<String> posted = alertmanager.postJson("/api/v2/alerts", """
                [{"labels": {"alertname": "TestkitAlert", "severity": "page"}}]
                """);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(alertmanager.get("/api/v2/alerts").body()).contains("\"alertname\":\"TestkitAlert\"");
    }

    @Test
    void reloadsANewConfiguration() {
        AlertmanagerServer alertmanager = ALERTMANAGER.server();
        try {
            alertmanager.reload("""
                    route:
                      receiver: team-db
                    receivers:
                      - name: team-db
                    """);

            assertThat(alertmanager.get("/api/v2/status").body()).contains("team-db");
            assertThatThrownBy(() -> alertmanager.reload("route: {}\n"))
                    .isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("alertmanager rejected the reload with HTTP 500: ")
                    .hasMessageContaining("root route must specify a default receiver");
        } finally {
            alertmanager.reload(AlertmanagerServer.DEFAULT_CONFIG);
        }
    }

    @Test
    void closeStopsTheProcessAndDeletesItsDirectory() {
        AlertmanagerServer alertmanager = AlertmanagerServer.start();
        Path workDir = alertmanager.workDir();

        alertmanager.close();

        assertThat(alertmanager.isRunning()).isFalse();
        assertThat(workDir).doesNotExist();
    }
}
