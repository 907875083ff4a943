package io.monitoringkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.ToolServerExtension;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin endpoints against a real Prometheus with {@code --web.enable-admin-api}. */
class RealPrometheusAdminTest {

    @RegisterExtension
    static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(PrometheusServer.builder()
            .blocks(RealPrometheusTest.blocks).flag("--storage.tsdb.retention.time=100y").enableAdminApi());

    @Test
    void snapshotDeleteSeriesAndCleanTombstones() {
        try (PrometheusClient client = PrometheusClient.builder("http://127.0.0.1:" + PROMETHEUS.server().port())
                .build()) {
            String name = client.snapshot(true);
            assertThat(name).matches("\\d{8}T\\d{6}Z-[0-9a-f]{16}");
            assertThat(Files.isDirectory(PROMETHEUS.server().dataDir().resolve("snapshots").resolve(name))).isTrue();

            assertThat(client.query("special{kind=\"big\"}", RealPrometheusTest.START).asVector().size()).isEqualTo(1);
            client.deleteSeries(List.of("special{kind=\"big\"}"));
            assertThat(client.query("special{kind=\"big\"}", RealPrometheusTest.START).asVector().isEmpty()).isTrue();
            assertThat(client.query("special{kind=\"nan\"}", RealPrometheusTest.START).asVector().size()).isEqualTo(1);
            client.cleanTombstones();
            assertThat(client.query("special{kind=\"big\"}", RealPrometheusTest.START).asVector().isEmpty()).isTrue();
        }
    }
}
