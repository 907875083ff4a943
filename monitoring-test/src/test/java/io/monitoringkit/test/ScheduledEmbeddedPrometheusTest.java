package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;

import io.monitoringkit.model.Labels;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a scrape interval the embedded extension scrapes by itself: awaiting never scrapes on demand then. */
class ScheduledEmbeddedPrometheusTest {
    static final TestApp APP = TestApp.start();

    @RegisterExtension
    static final EmbeddedPrometheusExtension PROMETHEUS = EmbeddedPrometheusExtension.builder()
            .target("app", APP::url)
            .scrapeInterval(Duration.ofMillis(50))
            .build();

    @AfterAll
    static void stopApp() {
        APP.close();
    }

    @Test
    void theScheduleBringsNewValuesIn() {
        PROMETHEUS.awaitTargetHealthy("app", Duration.ofSeconds(5));
        APP.queueSize.set(11);
        PROMETHEUS.awaitQuerySatisfies("queue_size",
                r -> assertThat(r).hasSeriesWithValue(Labels.of("job", "app"), 11), Duration.ofSeconds(5));
    }
}
