package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mkit query ... --data FILE}: the same commands and output formats, evaluated in-process. */
class QueryDataCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void instantQueryOverALoadBlockInInputSeriesNotation() throws IOException {
        Path data = file("series.txt", """
                load 1m
                  http_requests_total{job="api",code="500"} 0+6x10
                  http_requests_total{job="api",code="200"} 0+60x10
                """);
        CliRun run = mkit("query", "instant", "--data", data.toString(), "--time", "600",
                "sum by (code) (rate(http_requests_total[5m]))");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                {code="200"}  1
                {code="500"}  0.1
                """);
    }

    @Test
    void rangeQueryOverOpenMetricsPrintsPrometheusJson() throws IOException {
        Path data = file("data.om", """
                # TYPE temperature gauge
                temperature{room="a"} 1 0
                temperature{room="a"} 2 60
                temperature{room="a"} 3 120
                # EOF
                """);
        CliRun run = mkit("query", "range", "--data", data.toString(), "--start", "0", "--end", "120", "--step", "1m",
                "--format", "json", "temperature * 2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"room\":\"a\"},"
                + "\"values\":[[0,\"2\"],[60,\"4\"],[120,\"6\"]]}]}\n");
    }

    @Test
    void errorsReadErrorTypeColonMessage() throws IOException {
        Path data = file("series.txt", "load 1m\n  up 1x5\n");
        CliRun run = mkit("query", "instant", "--data", data.toString(), "--time", "60", "rate(up)");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("bad_data: ").contains("expected type range vector in call to function \"rate\"");
    }

    @Test
    void anInstantQueryOverAFileNeedsATime() throws IOException {
        Path data = file("series.txt", "load 1m\n  up 1x5\n");
        CliRun run = mkit("query", "instant", "--data", data.toString(), "up");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--time is required with --data");
    }

    @Test
    void urlAndDataAreExclusive() throws IOException {
        Path data = file("series.txt", "load 1m\n  up 1x5\n");
        CliRun run = mkit("query", "labels", "--data", data.toString(), "--url", "http://127.0.0.1:9");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give exactly one of --url URL (a server) or --data FILE");
    }

    @Test
    void aBrokenFileIsAUsageErrorNamingIt() throws IOException {
        Path data = file("series.txt", "load 1m\n  up{ 1x5\n");
        CliRun run = mkit("query", "labels", "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--data " + data);
    }
}
