package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.AlertState;
import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The embedded extension evaluates rule files after every scrape, on a clock the test moves. */
class EmbeddedPrometheusRulesTest {
    static final TestApp APP = TestApp.start();
    static final Path RULES = Path.of("src/test/resources/embedded/checkout.rules.yml");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(T0);

    @RegisterExtension
    final EmbeddedPrometheusExtension prometheus = EmbeddedPrometheusExtension.builder()
            .target("app", APP::url)
            .ruleFile(RULES)
            .ruleFile(RuleFile.of(List.of(RuleGroup.builder("more")
                    .rule(AlertingRule.builder("AppDown").expr("up{job=\"app\"} == 0").build())
                    .build())))
            .externalLabels(Map.of("cluster", "eu1"))
            .externalUrl("http://prometheus.example")
            .clock(clock)
            .build();

    @AfterAll
    static void stopApp() {
        APP.close();
    }

    @Test
    void recordingRulesAndAlertsFollowTheScrapesAndTheClock() {
        APP.queueSize.set(12);
        prometheus.scrapeNow();
        assertThat(prometheus.queryApi().query("job:queue_size:max"))
                .hasSeriesWithValue(Labels.of("__name__", "job:queue_size:max", "job", "app"), 12);
        assertThat(prometheus.alerts("QueueBacklog")).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.PENDING));

        clock.advance(Duration.ofMinutes(1));
        prometheus.scrapeNow();
        assertThat(prometheus.alerts("QueueBacklog")).extracting(Alert::state).containsExactly(AlertState.PENDING);

        clock.advance(Duration.ofMinutes(1));
        prometheus.scrapeNow();
        Alert firing = prometheus.alerts("QueueBacklog").get(0);
        assertThat(firing.state()).isEqualTo(AlertState.FIRING);
        assertThat(firing.activeAt()).isEqualTo(T0);
        assertThat(firing.labels()).isEqualTo(Labels.of("alertname", "QueueBacklog", "job", "app",
                "severity", "page"));
        assertThat(firing.annotations()).containsEntry("summary",
                "app has 12 orders waiting in eu1, see http://prometheus.example");
        assertThat(prometheus.queryApi().query("ALERTS{alertstate=\"firing\"}"))
                .hasSeriesCount(1)
                .hasSeriesWithValue(Labels.of("alertname", "QueueBacklog"), 1);

        APP.queueSize.set(0);
        clock.advance(Duration.ofSeconds(30));
        prometheus.scrapeNow();
        assertThat(prometheus.alerts("QueueBacklog")).extracting(Alert::state).containsExactly(AlertState.INACTIVE);
        assertThat(prometheus.queryApi().query("ALERTS")).isEmpty();
        assertThat(prometheus.ruleErrors()).isEmpty();
    }

    @Test
    void aTargetThatGoesAwayFiresTheAlertOfTheRuleFileModel() {
        prometheus.scrapeNow();
        assertThat(prometheus.alerts("AppDown")).isEmpty();
        prometheus.addTarget(ScrapeTarget.of("app", "http://127.0.0.1:1/metrics"));
        clock.advance(Duration.ofSeconds(15));
        prometheus.scrapeNow();
        assertThat(prometheus.alerts("AppDown")).extracting(Alert::state).containsExactly(AlertState.FIRING);
    }

    @Test
    void ruleErrorsAreKeptWithTheRuleThatFailed() {
        APP.orders.labels("paid").inc();
        APP.orders.labels("refunded").inc();
        prometheus.scrapeNow();
        assertThat(prometheus.ruleErrors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("orders_per_queued_order");
            assertThat(e.message())
                    .isEqualTo("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        });
    }

    @Test
    void aBrokenRuleFileFailsTheTestsWithEveryProblem() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenRules.class)).execute()
                .allEvents();
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessage("""
                1 problem:
                src/test/resources/embedded/broken.rules.yml:5:15: group "g", rule 1, "Broken": could not parse \
                expression: 1:6: expected type range vector in call to function "rate", got instant vector""");
        assertThat(events.started().stream().filter(e -> e.getTestDescriptor().isTest())).isEmpty();
    }

    static class BrokenRules {
        static final Path FILE = Path.of("src/test/resources/embedded/broken.rules.yml");

        @RegisterExtension
        static final EmbeddedPrometheusExtension PROMETHEUS = EmbeddedPrometheusExtension.builder()
                .ruleFile(FILE)
                .build();

        @Test
        void neverRuns() {
            PROMETHEUS.scrapeNow();
        }
    }

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
