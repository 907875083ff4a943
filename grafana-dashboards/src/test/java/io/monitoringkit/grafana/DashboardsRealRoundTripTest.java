package io.monitoringkit.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.monitoringkit.grafana.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DashboardsRealRoundTripTest {

    static Path dir() {
        String shared = System.getProperty("monitoringkit.shared");
        return shared == null ? null : Path.of(shared, "reference", "grafana", "dashboards");
    }

    static Stream<Path> realDashboards() throws IOException {
        Path d = dir();
        if (d == null || !Files.isDirectory(d)) {
            return Stream.of(Path.of("<absent>"));
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realDashboards")
    void writeOfReadEqualsTheOriginalAsJsonValues(Path file) throws IOException {
        assumeTrue(Files.isRegularFile(file), "reference dashboards absent (system property monitoringkit.shared):"
                + " skipping the real round trip");
        String text = Files.readString(file);
        JsonNode original = Json.MAPPER.readTree(text);
        Dashboard d = Dashboards.read(text);
        String written = Dashboards.write(d);
        JsonNode back = Json.MAPPER.readTree(written);
        assertThat(Dashboards.jsonEquals(original, back)).as("round trip of %s", file.getFileName()).isTrue();
        assertThat(Dashboards.write(Dashboards.read(written))).isEqualTo(written);
    }

    @Test
    void allTwentyReferenceDashboardsAreTypedNotJustCarried() throws IOException {
        Path d = dir();
        assumeTrue(d != null && Files.isDirectory(d), "reference dashboards absent: skipping");
        List<Path> files = realDashboards().toList();
        assertThat(files).hasSize(20);
        int panels = 0;
        int prometheus = 0;
        int loki = 0;
        for (Path f : files) {
            Dashboard db = Dashboards.read(Files.readString(f));
            for (Panel p : db.allPanels()) {
                panels++;
                for (Target t : p.targets()) {
                    if (t instanceof PrometheusTarget) {
                        prometheus++;
                    } else if (t instanceof LokiTarget) {
                        loki++;
                    }
                }
            }
        }
        assertThat(panels).isGreaterThan(400);
        assertThat(prometheus).isGreaterThan(300);
        assertThat(loki).isGreaterThan(5);
    }
}
