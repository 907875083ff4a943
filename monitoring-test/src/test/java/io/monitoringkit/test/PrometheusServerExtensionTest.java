package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.ToolLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;

/** The shared fixture tests against the real {@code prometheus} binary (skipped when it is missing). */
class PrometheusServerExtensionTest extends AbstractPrometheusFixtureTest {
    static final TestApp APP = TestApp.start();
    static final TestApp OTHER = TestApp.start();

    static final Path RULES = writeRules();

    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = PrometheusServerExtension.builder()
            .target("app", APP::url)
            .ruleFile(RULES)
            .ruleFile(RuleFile.of(List.of(RuleGroup.builder("orders")
                    .rule(RecordingRule.of("job:orders:sum", "sum by (job) (orders_total)"))
                    .build())))
            .build();

    private static Path writeRules() {
        try {
            Path file = Files.createTempFile("monitoring-test-rules", ".yml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, RULES_YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopApps() {
        APP.close();
        OTHER.close();
    }

    @Override
    PrometheusFixture prometheus() {
        return PROMETHEUS;
    }

    @Override
    TestApp app() {
        return APP;
    }

    @Test
    void writesAConfigurationWithShortIntervalsAndOneJobPerTarget() {
        assertThat(PROMETHEUS.config()).isEqualTo("""
                global:
                  scrape_interval: 1000ms
                  scrape_timeout: 1000ms
                  evaluation_interval: 1000ms
                rule_files:
                  - "%s"
                  - "rules/rules-0.yml"
                scrape_configs:
                  - job_name: "app"
                    scheme: http
                    metrics_path: "/metrics"
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(RULES.toAbsolutePath(), java.net.URI.create(APP.url()).getPort()));
    }

    @Test
    void evaluatesTheRuleFiles() {
        APP.queueSize.set(5);
        PROMETHEUS.awaitQuerySatisfies("job:queue_size:max{job=\"app\"}",
                r -> assertThat(r).hasSeriesCount(1).hasSeriesWithValue(Labels.of("job", "app"), 5), WAIT);
    }

    @Test
    void evaluatesTheRuleFileModel() {
        APP.orders.labels("shipped").inc(2);
        PROMETHEUS.awaitQuery("job:orders:sum{job=\"app\"} >= 2", r -> !r.asVector().isEmpty(), WAIT);
    }

    @Test
    void reloadsTheConfigurationWhenTargetsChange() {
        OTHER.queueSize.set(42);
        PROMETHEUS.addTarget(ScrapeTarget.of("other", OTHER.url()));
        try {
            PROMETHEUS.awaitTargetHealthy("other");
            PROMETHEUS.awaitQuerySatisfies("queue_size{job=\"other\"}",
                    r -> assertThat(r).hasSeriesWithValue(Labels.of("job", "other"), 42), WAIT);
        } finally {
            PROMETHEUS.removeTarget("other");
        }
    }

    @Test
    void aMissingBinarySkipsWithTheInstallHint() {
        PrometheusServerExtension missing = PrometheusServerExtension.builder()
                .server(() -> PrometheusServer.builder().locator(ToolLocator.of(Map.of("PATH", "/nonexistent"))))
                .build();
        assertThatThrownBy(() -> missing.beforeAll(null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("prometheus not found, so this test is skipped. Install it "
                        + "(Debian/Ubuntu: apt-get install prometheus prometheus-alertmanager)");
    }
}
