package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real amtool; skipped with an install hint when it is missing. */
class AmtoolTest {

    @TempDir
    static Path dir;
    static Amtool amtool;
    static Path config;

    @BeforeAll
    static void writeConfig() throws IOException {
        amtool = Amtool.locate();
        config = Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: default
                  routes:
                    - matchers: ['team="db ops"']
                      receiver: db-pager
                    - matchers: ['quote="say \\"hi\\""']
                      receiver: quoted
                receivers:
                  - name: default
                  - name: db-pager
                  - name: quoted
                """);
    }

    @Test
    void reportsItsVersion() {
        assertThat(amtool.version().program()).isEqualTo("amtool");
    }

    @Test
    void checkConfigAcceptsAValidConfiguration() {
        CommandResult result = amtool.checkConfig(config);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("SUCCESS").contains("3 receivers");
    }

    @Test
    void checkConfigRejectsARouteWithoutReceiver() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "route: {}\n");

        CommandResult result = amtool.checkConfig(bad);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).contains("FAILED: root route must specify a default receiver");
    }

    @Test
    void routesTestPrintsTheReceiverAndQuotesLabelValues() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("team", "db ops");
        labels.put("severity", "page");

        CommandResult db = amtool.routesTest(config, labels);
        CommandResult quoted = amtool.routesTest(config, Map.of("quote", "say \"hi\""));
        CommandResult other = amtool.routesTest(config, Map.of("team", "web"));

        assertThat(db.command()).endsWith("team=\"db ops\"", "severity=\"page\"");
        assertThat(db.stdout().strip()).as(db.describe()).isEqualTo("db-pager");
        assertThat(quoted.stdout().strip()).as(quoted.describe()).isEqualTo("quoted");
        assertThat(other.stdout().strip()).as(other.describe()).isEqualTo("default");
    }

    @Test
    void routesTestVerifiesExpectedReceivers() {
        CommandResult right = amtool.routesTest(config, List.of("db-pager"), Map.of("team", "db ops"));
        CommandResult wrong = amtool.routesTest(config, List.of("db-pager"), Map.of("team", "web"));

        assertThat(right.exitCode()).as(right.describe()).isZero();
        assertThat(wrong.exitCode()).as(wrong.describe()).isEqualTo(1);
        assertThat(wrong.stdout()).contains("Expected receivers did not match resolved receivers");
    }
}
