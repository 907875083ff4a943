package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.ToolServerExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mkit query ... --format json} prints byte for byte the {@code data} object the real Prometheus sends. */
class QueryCommandRealPrometheusTest {

    @RegisterExtension
    static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(PrometheusServer.builder());

    private static String url() {
        return "http://127.0.0.1:" + PROMETHEUS.server().port();
    }

    /** The data object of Prometheus' own response. */
    private static String prometheusData(String pathAndQuery) {
        String body = PROMETHEUS.server().get(pathAndQuery).body();
        String prefix = "{\"status\":\"success\",\"data\":";
        assertThat(body).startsWith(prefix).endsWith("}");
        return body.substring(prefix.length(), body.length() - 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vector(1)", "1e8", "-1/0", "0/0", "1/3", "\"a string\"",
        "label_replace(vector(0.1), \"a\", \"<b> & \\\"c\\\"\", \"\", \"\")", "time()",
        "vector(1) + on() group_left vector(2)", "sum(vector(123456789.123))"})
    void instantJsonIsPrometheusOwn(String expr) {
        CliRun run = mkit("query", "instant", "--url", url(), "--time", "1700000000.5", "--format", "json", "--",
                expr);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(prometheusData("/api/v1/query?time=1700000000.5&query=" + enc(expr)) + "\n");
    }

    @Test
    void rangeJsonIsPrometheusOwn() {
        String expr = "vector(time() / 7)";
        CliRun run = mkit("query", "range", "--url", url(), "--start", "2023-11-14T22:13:20Z", "--end",
                "1700000100", "--step", "15s", "--format", "json", expr);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(prometheusData("/api/v1/query_range?start=1700000000&end=1700000100"
                + "&step=15&query=" + enc(expr)) + "\n");
    }

    @Test
    void realErrorsGoToStandardError() {
        CliRun run = mkit("query", "instant", "--url", url(), "sum(");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("bad_data: invalid parameter \"query\": 1:5: parse error:");
        CliRun labels = mkit("query", "labels", "--url", url(), "--format", "json");
        assertThat(labels.exitCode()).isZero();
        assertThat(labels.out()).isEqualTo(prometheusData("/api/v1/labels") + "\n");
    }
}
