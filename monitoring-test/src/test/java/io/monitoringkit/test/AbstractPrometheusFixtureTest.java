package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same monitoring assertions against a real Prometheus and the in-process engine, both scraping a
 * simpleclient HTTP server started by the test.
 */
abstract class AbstractPrometheusFixtureTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    /** The rules both fixtures load: a recording rule and an alert on what it records. */
    static final String RULES_YAML = """
            groups:
              - name: app
                rules:
                  - record: job:queue_size:max
                    expr: max by (job) (queue_size)
                  - alert: QueueTooLong
                    expr: job:queue_size:max > 100
                    labels:
                      severity: page
            """;

    abstract PrometheusFixture prometheus();

    abstract TestApp app();

    @Test
    void scrapesTheAppAndReportsItUp() {
        prometheus().awaitTargetHealthy("app");
        assertThat(prometheus().queryApi().query("up{job=\"app\"}"))
                .hasSeriesCount(1)
                .hasSeriesWithValue(Labels.of("job", "app"), 1);
    }

    @Test
    void seesCounterIncrements() {
        app().orders.labels("paid").inc(3);
        prometheus().awaitQuerySatisfies("orders_total{job=\"app\",status=\"paid\"}",
                r -> assertThat(r).hasSeriesCount(1).hasSeriesWithValue(Labels.of("job", "app", "status", "paid"), 3),
                WAIT);
    }

    @Test
    void seesGaugeValues() {
        app().queueSize.set(7);
        prometheus().awaitQuerySatisfies("queue_size{job=\"app\"}",
                r -> assertThat(r).hasSeriesWithValue(Labels.of("job", "app"), 7), WAIT);
    }

    @Test
    void estimatesAQuantileFromTheScrapedHistogram() {
        for (double v : new double[] {0.05, 0.3, 0.3, 0.7}) {
            app().latency.observe(v);
        }
        prometheus().awaitQuerySatisfies(
                "histogram_quantile(0.5, sum by (le) (latency_seconds_bucket{job=\"app\"}))",
                r -> assertThat(r).hasSeriesCount(1).usingTolerance(1e-9).hasSeriesWithValue(Labels.empty(), 0.3),
                WAIT);
    }

    @Test
    void evaluatesRecordingRulesAndAlertsOnWhatItScrapes() {
        app().queueSize.set(150);
        prometheus().awaitQuerySatisfies("job:queue_size:max",
                r -> assertThat(r).hasSeriesWithValue(Labels.of("job", "app"), 150), WAIT);
        prometheus().awaitQuerySatisfies("ALERTS{alertname=\"QueueTooLong\"}",
                r -> assertThat(r).hasSeriesCount(1)
                        .hasSeriesWithValue(Labels.of("alertstate", "firing", "job", "app", "severity", "page"), 1),
                WAIT);
        app().queueSize.set(0);
        prometheus().awaitQuery("ALERTS{alertname=\"QueueTooLong\"}", r -> r.asVector().isEmpty(), WAIT);
    }

    @Test
    void absentMetricGivesAnEmptyResult() {
        prometheus().awaitTargetHealthy("app");
        assertThat(prometheus().queryApi().query("no_such_metric{job=\"app\"}")).isEmpty();
    }

    @Test
    void awaitFailsWithTheLastAssertionFailure() {
        prometheus().awaitTargetHealthy("app");
        assertThatThrownBy(() -> prometheus().awaitQuerySatisfies("up{job=\"app\"}",
                r -> assertThat(r).hasSeriesCount(2), Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("""
                        Expecting query up{job="app"} to pass the assertion within PT0.3S
                        but its last result failed with:
                        Expecting query result to have 2 series
                        but it has 1:
                          {__name__="up", instance="127.0.0.1:""");
    }

    @Test
    void awaitingAnUnknownJobFailsNamingTheJobs() {
        assertThatThrownBy(() -> prometheus().awaitTargetHealthy("billing", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting a target of job \"billing\" to be up within PT0.3S\n"
                        + "but there is no target of that job; jobs: [app]");
    }
}
