package io.monitoringkit.client;

import io.monitoringkit.http.RetryPolicy;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.tck.QueryApiCompatibilityKit;
import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/**
 * The HTTP client against a real Prometheus passes the {@code QueryApi} compatibility kit: the kit's data is
 * backfilled with {@code promtool tsdb create-blocks-from openmetrics} and served by one server for the class.
 * Skipped, with the install hint, where prometheus or promtool is absent.
 */
class ClientCompatibilityTest extends QueryApiCompatibilityKit {

    private PrometheusServer server;
    private PrometheusClient client;

    @Override
    protected QueryApi queryApiOver(String openMetrics) throws Exception {
        Path dir = Files.createTempDirectory("mkit-tck");
        Path input = Files.writeString(dir.resolve("data.om"), openMetrics);
        Path blocks = Files.createDirectories(dir.resolve("blocks"));
        Promtool.locate().createBlocksFromOpenMetrics(input, blocks).requireSuccess();
        server = PrometheusServer.builder()
                .config("global:\n  scrape_interval: 1h\n")
                .blocks(blocks)
                .flag("--storage.tsdb.retention.time=100y")
                .start();
        client = PrometheusClient.builder("http://127.0.0.1:" + server.port()).retryPolicy(RetryPolicy.none()).build();
        return client;
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
