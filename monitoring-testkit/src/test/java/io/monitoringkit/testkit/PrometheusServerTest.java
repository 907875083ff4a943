package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Starts the real Prometheus; skipped with an install hint when it is missing. */
class PrometheusServerTest {

    private static final String CONFIG = """
            global:
              evaluation_interval: 1s
            rule_files: [rules/*.yml]
            """;
    private static final String RULES = """
            groups:
              - name: first
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)
            """;

    @RegisterExtension
    static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(PrometheusServer.builder()
            .config(CONFIG)
            .file("rules/first.yml", RULES)
            .enableAdminApi()
            .enableFeature("promql-per-step-stats"));

    @Test
    void listensOnLoopbackOnThePortItLogged() {
        PrometheusServer prometheus = PROMETHEUS.server();

        assertThat(prometheus.host()).isEqualTo("127.0.0.1");
        assertThat(prometheus.port()).isPositive();
        assertThat(prometheus.baseUri()).hasToString("http://127.0.0.1:" + prometheus.port() + "/");
        assertThat(prometheus.logs()).contains("msg=\"Listening on\" address=" + prometheus.address());
        assertThat(prometheus.get("/-/healthy").statusCode()).isEqualTo(200);
        assertThat(prometheus.isRunning()).isTrue();
    }

    @Test
    void reportsTheVersionOfTheRunningBinary() {
        PrometheusServer prometheus = PROMETHEUS.server();

        HttpResponse<String> buildInfo = prometheus.get("/api/v1/status/buildinfo");

        assertThat(prometheus.version().program()).isEqualTo("prometheus");
        assertThat(buildInfo.body()).contains("\"version\":\"" + prometheus.version().version() + "\"");
    }

    @Test
    void runsWithTheManagedAndExtraFlags() {
        PrometheusServer prometheus = PROMETHEUS.server();

        assertThat(prometheus.command()).contains(
                "--config.file=" + prometheus.configFile(),
                "--storage.tsdb.path=" + prometheus.dataDir(),
                "--web.listen-address=127.0.0.1:0",
                "--web.enable-lifecycle",
                "--enable-feature=promql-per-step-stats",
                "--web.enable-admin-api");
        assertThat(prometheus.configFile()).hasParent(prometheus.workDir()).content().isEqualTo(CONFIG);
        // the admin API answers 204 only when --web.enable-admin-api was passed
        assertThat(prometheus.postForm("/api/v1/admin/tsdb/clean_tombstones", Map.of()).statusCode())
                .isEqualTo(204);
    }

    @Test
    void answersQueries() {
        HttpResponse<String> response = PROMETHEUS.server().postForm("/api/v1/query", Map.of("query", "1 + 1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resultType\":\"scalar\"").contains("\"2\"");
    }

    @Test
    void reloadPicksUpNewRuleFiles() {
        PrometheusServer prometheus = PROMETHEUS.server();

        prometheus.writeFile("rules/second.yml", RULES.replace("first", "second").replace("job:up:sum",
                "instance:up:count"));
        prometheus.reload();

        String rules = prometheus.get("/api/v1/rules").body();
        assertThat(rules).contains("\"name\":\"second\"").contains("instance:up:count");
        assertThat(prometheus.awaitLog("Completed loading of configuration file", Duration.ofSeconds(5)))
                .contains("prometheus.yml");
    }

    @Test
    void rejectedReloadReportsTheServersAnswerAndKeepsRunning() {
        PrometheusServer prometheus = PROMETHEUS.server();
        try {
            assertThatThrownBy(() -> prometheus.reload("global: {scrape_interval: x}\n"))
                    .isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("prometheus rejected the reload with HTTP 500: failed to reload config: ")
                    .hasMessageContaining("not a valid duration string: \"x\"")
                    .hasMessageContaining("--- prometheus log (last 60 lines) ---");
            assertThat(prometheus.isRunning()).isTrue();
        } finally {
            prometheus.reload(CONFIG);
        }
    }

    @Test
    void awaitLogFailsWithTheLogTailWhenNothingMatches() {
        assertThatThrownBy(() -> PROMETHEUS.server().awaitLog("no such line", Duration.ofMillis(50)))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("prometheus logged no line matching /no such line/ within 50 ms\n$ ")
                .hasMessageContaining("Server is ready to receive web requests");
    }

    @Test
    void writeFileStaysInsideTheServersDirectory() {
        assertThatThrownBy(() -> PROMETHEUS.server().writeFile("../escape.yml", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'../escape.yml' is not a relative file name inside the server's directory");
    }

    @Test
    void closeStopsTheProcessAndDeletesItsDirectory() {
        PrometheusServer prometheus = PrometheusServer.start();
        Path workDir = prometheus.workDir();
        long pid = prometheus.pid();
        assertThat(workDir).isDirectory();

        prometheus.close();
        prometheus.close();

        assertThat(prometheus.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(workDir).doesNotExist();
        assertThat(prometheus.logs()).contains("Received SIGTERM, exiting gracefully");
    }

    @Test
    void aServerThatCannotStartReportsItsLog() {
        PrometheusServer.Builder builder = PrometheusServer.builder().config("global: {scrape_interval: x}\n");

        assertThatThrownBy(builder::start)
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("prometheus exited with code 2 before listening\n$ ")
                .hasMessageContaining("not a valid duration string");
    }

    @Test
    void servesBlocksMadeByPromtool(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("input.om"), """
                # TYPE http_requests counter
                http_requests_total{code="200"} 1 1700000000
                http_requests_total{code="200"} 5 1700000060
                # EOF
                """);
        Promtool.locate().createBlocksFromOpenMetrics(input, dir.resolve("blocks")).requireSuccess();

        try (PrometheusServer prometheus = PrometheusServer.builder()
                .blocks(dir.resolve("blocks"))
                .flag("--storage.tsdb.retention.time=100y")
                .start()) {
            String body = prometheus.postForm("/api/v1/query",
                    Map.of("query", "http_requests_total", "time", "1700000060")).body();

            assertThat(body).contains("\"code\":\"200\"").contains("[1700000060,\"5\"]");
        }
    }

    @Test
    void flagsThatTheTestkitManagesAreRejected() {
        assertThatThrownBy(() -> PrometheusServer.builder().flag("--web.listen-address=0.0.0.0:9090"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'--web.listen-address=0.0.0.0:9090' is set by the testkit; use config(), file() or "
                        + "the server's accessors instead");
        assertThatThrownBy(() -> PrometheusServer.builder().enableFeature("a,b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'a,b' is not a single feature name");
    }

    @Test
    void missingBinarySkipsWithTheInstallHint() {
        PrometheusServer.Builder builder = PrometheusServer.builder().locator(ToolLocator.of(Map.of("PATH", "/none")));

        assertThatThrownBy(builder::start)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("prometheus not found, so this test is skipped. Install it (Debian/Ubuntu: "
                        + "apt-get install prometheus prometheus-alertmanager) or set PROMETHEUS_BIN");
    }
}
