package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.RuleFiles;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared fixture tests against the in-process engine, scraping on demand. */
class EmbeddedPrometheusExtensionTest extends AbstractPrometheusFixtureTest {
    static final TestApp APP = TestApp.start();

    @RegisterExtension
    static final EmbeddedPrometheusExtension PROMETHEUS = EmbeddedPrometheusExtension.builder()
            .target("app", APP::url)
            .ruleFile(RuleFiles.read(RULES_YAML, "app.rules.yml"))
            .build();

    @AfterAll
    static void stopApp() {
        APP.close();
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
    void scrapeNowIngestsEverySampleAtOnce() {
        APP.orders.labels("refunded").inc();
        assertThat(PROMETHEUS.scrapeNow()).isPositive();
        assertThat(PROMETHEUS.queryApi().query("orders_total{status=\"refunded\"}"))
                .hasSeriesWithValue(Labels.of("job", "app", "status", "refunded"), 1);
    }

    @Test
    void anUnreachableTargetIsDownWithItsError() {
        PROMETHEUS.addTarget(ScrapeTarget.of("gone", "http://127.0.0.1:1/metrics"));
        try {
            PROMETHEUS.scrapeNow();
            assertThat(PROMETHEUS.queryApi().query("up{job=\"gone\"}"))
                    .hasSeriesWithValue(Labels.of("job", "gone", "instance", "127.0.0.1:1"), 0);
            assertThatThrownBy(() -> PROMETHEUS.awaitTargetHealthy("gone", Duration.ofMillis(200)))
                    .hasMessageStartingWith("Expecting a target of job \"gone\" to be up within PT0.2S\n"
                            + "but its last scrape failed: http://127.0.0.1:1/metrics: ");
        } finally {
            PROMETHEUS.removeTarget("gone");
        }
    }

    @Test
    void anExtensionOutsideItsTestsIsNotRunning() {
        EmbeddedPrometheusExtension idle = EmbeddedPrometheusExtension.builder().target("app", APP::url).build();
        assertThatThrownBy(idle::queryApi).isInstanceOf(IllegalStateException.class)
                .hasMessage("the embedded Prometheus is not running: use this extension inside tests of a class "
                        + "that registers it with @RegisterExtension");
    }
}
