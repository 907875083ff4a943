package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryCommandTest {
    private final MockWebServer server = new MockWebServer();
    private String url;

    @BeforeEach
    void start() throws IOException {
        server.start();
        url = "http://127.0.0.1:" + server.getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void respond(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private static final String VECTOR = """
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"__name__":"up","job":"api"},"value":[1700003600,"3"]},
              {"metric":{"job":"db"},"value":[1700003600.5,"1e+08"]},
              {"metric":{"job":"x<y"},"value":[1700003600,"NaN"]},
              {"metric":{"job":"z"},"value":[1700003600,"+Inf"]}]},
             "warnings":["partial result"]}""";

    @Test
    void instantJsonPrintsPrometheusOwnDataObject() throws Exception {
        respond(200, VECTOR);
        CliRun run = mkit("query", "instant", "--url", url, "--time", "2023-11-14T23:13:20Z", "--header",
                "X-Scope-OrgID=team-a", "--format", "json", "up");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"__name__\":\"up\",\"job\":\"api\"},\"value\":[1700003600,\"3\"]},"
                + "{\"metric\":{\"job\":\"db\"},\"value\":[1700003600.500,\"100000000\"]},"
                + "{\"metric\":{\"job\":\"x\\u003cy\"},\"value\":[1700003600,\"NaN\"]},"
                + "{\"metric\":{\"job\":\"z\"},\"value\":[1700003600,\"+Inf\"]}]}\n");
        assertThat(run.err()).isEqualTo("warning: partial result\n");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
        assertThat(r.getBody().utf8()).isEqualTo("query=up&time=1700003600");
    }

    @Test
    void instantTableIsForPeople() {
        respond(200, VECTOR);
        CliRun run = mkit("query", "instant", "--url", url, "up");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                {__name__="up", job="api"}  3
                {job="db"}                  100000000
                {job="x<y"}                 NaN
                {job="z"}                   +Inf
                """);
    }

    @Test
    void rangeTakesUnixSecondsAndDurations() throws Exception {
        respond(200, """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"job":"api"},"values":[[1700000000,"1"],[1700000060,"0.5"]]}]}}""");
        CliRun run = mkit("query", "range", "--url", url, "--start", "1700000000", "--end", "1700000060.5",
                "--step", "1m", "--format", "json", "rate(x[5m])");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"job\":\"api\"},"
                + "\"values\":[[1700000000,\"1\"],[1700000060,\"0.5\"]]}]}\n");
        assertThat(server.takeRequest().getBody().utf8())
                .isEqualTo("query=rate%28x%5B5m%5D%29&start=1700000000&end=1700000060.5&step=60");
        respond(200, """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"job":"api"},"values":[[1700000000,"1"],[1700000060,"0.5"]]}]}}""");
        assertThat(mkit("query", "range", "--url", url, "--start", "1700000000", "--end", "1700000060",
                "--step", "30", "x").out()).isEqualTo("""
                {job="api"}
                  2023-11-14T22:13:20Z  1
                  2023-11-14T22:14:20Z  0.5
                """);
    }

    @Test
    void seriesLabelsAndLabelValues() throws Exception {
        respond(200, "{\"status\":\"success\",\"data\":[{\"__name__\":\"up\",\"job\":\"api\"}]}");
        respond(200, "{\"status\":\"success\",\"data\":[\"__name__\",\"job\"]}");
        respond(200, "{\"status\":\"success\",\"data\":[\"api\",\"db\"]}");
        assertThat(mkit("query", "series", "--url", url, "--format", "json", "up").out())
                .isEqualTo("[{\"__name__\":\"up\",\"job\":\"api\"}]\n");
        assertThat(mkit("query", "labels", "--url", url, "--match", "up").out()).isEqualTo("__name__\njob\n");
        assertThat(mkit("query", "label-values", "--url", url, "--format", "json", "job").out())
                .isEqualTo("[\"api\",\"db\"]\n");
        server.takeRequest();
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("match%5B%5D=up");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/label/job/values");
    }

    @Test
    void apiErrorsPrintErrorTypeAndMessageAndExit1() {
        respond(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unclosed left "
                + "parenthesis\"}");
        CliRun run = mkit("query", "instant", "--url", url, "sum(");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bad_data: 1:5: parse error: unclosed left parenthesis\n");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        CliRun run = mkit("query", "range", "--url", url, "--start", "yesterday", "--end", "1", "--step", "1m", "up");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--start: 'yesterday' is not a time; expected Unix seconds "
                + "(1700000000 or 1700000000.5) or RFC 3339 (2024-01-01T00:00:00Z)");
        CliRun step = mkit("query", "range", "--url", url, "--start", "1", "--end", "2", "--step", "0", "up");
        assertThat(step.err()).startsWith("--step: '0' is not a positive duration");
        CliRun format = mkit("query", "instant", "--url", url, "--format", "yaml", "up");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("--format must be table or json, not 'yaml'");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void credentialHeadersAreSentButNeverPrinted() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "text/plain")
                .body("bad token Bearer hunter2\n").build());
        CliRun run = mkit("query", "instant", "--url", url, "--header", "Authorization=Bearer hunter2", "up");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("hunter2").startsWith("error: not authenticated");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer hunter2");
    }
}
