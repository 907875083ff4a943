package io.monitoringkit.engine;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.query.QueryResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageTest {

    private static final Labels TARGET = Labels.of("job", "checkout", "instance", "a:8080");

    private static Instant at(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }

    @Test
    void seriesMissingFromTheNextScrapeAreMarkedStale() {
        Storage s = Storage.create();
        s.scrape(TARGET, "orders_total{code=\"200\"} 5\norders_total{code=\"500\"} 1\n",
                ExpositionFormat.PROMETHEUS_TEXT, at(0));
        s.scrape(TARGET, "orders_total{code=\"200\"} 7\n", ExpositionFormat.PROMETHEUS_TEXT, at(15));
        PromEngine e = PromEngine.create(s);
        // without staleness handling the 500 series would linger for the 5m lookback
        QueryResult.Vector v = e.query("orders_total", at(20)).asVector();
        assertThat(v.size()).isEqualTo(1);
        assertThat(v.single().labels()).isEqualTo(Labels.of("__name__", "orders_total", "code", "200",
                "job", "checkout", "instance", "a:8080"));
        assertThat(e.query("orders_total", at(10)).asVector().size()).isEqualTo(2);
        assertThat(e.query("up", at(20)).asVector().single().value()).isEqualTo(1);
        assertThat(e.query("scrape_samples_scraped", at(20)).asVector().single().value()).isEqualTo(1);
    }

    @Test
    void failedScrapeSetsUpToZeroAndStalesEverything() {
        Storage s = Storage.create();
        s.scrape(TARGET, "queue_depth 3\n", ExpositionFormat.PROMETHEUS_TEXT, at(0));
        s.scrapeFailed(TARGET, at(15));
        PromEngine e = PromEngine.create(s);
        assertThat(e.query("queue_depth", at(16)).asVector().isEmpty()).isTrue();
        assertThat(e.query("up", at(16)).asVector().single().value()).isZero();
        s.targetRemoved(TARGET, at(30));
        assertThat(e.query("up", at(31)).asVector().isEmpty()).isTrue();
    }

    @Test
    void clashingExposedLabelsAreRenamedExported() {
        Storage s = Storage.create();
        s.scrape(TARGET, "pushed_total{job=\"batch\"} 1\n", ExpositionFormat.PROMETHEUS_TEXT, at(0));
        assertThat(PromEngine.create(s).query("pushed_total", at(0)).asVector().single().labels())
                .isEqualTo(Labels.of("__name__", "pushed_total", "exported_job", "batch", "job", "checkout",
                        "instance", "a:8080"));
    }

    @Test
    void loadsTimestampedOpenMetricsFiles() {
        Storage s = Storage.create();
        int n = s.loadExposition("""
                # TYPE temperature gauge
                temperature{room="a"} 20.5 0
                temperature{room="a"} 21.5 60
                # EOF
                """, ExpositionFormat.OPENMETRICS);
        assertThat(n).isEqualTo(2);
        assertThat(PromEngine.create(s).query("temperature", at(90)).asVector().single().value()).isEqualTo(21.5);
        assertThatThrownBy(() -> s.loadExposition("# TYPE x gauge\nx 1\n# EOF\n", ExpositionFormat.OPENMETRICS))
                .hasMessage("line 2: sample x has no timestamp; every sample of a file load needs one");
    }

    @Test
    void loadsPromtoolInputSeries() {
        Storage s = Storage.create().loadSeries("jobs_queued{queue=\"mail\"}", "1+1x3 _ stale 9",
                PromDuration.ofMinutes(1));
        assertThat(s.seriesCount()).isEqualTo(1);
        assertThat(s.sampleCount()).isEqualTo(6);
        PromEngine e = PromEngine.create(s);
        assertThat(e.query("jobs_queued", at(270)).asVector().single().value()).isEqualTo(4);
        assertThat(e.query("jobs_queued", at(300)).asVector().isEmpty()).isTrue();
        assertThat(e.query("jobs_queued", at(360)).asVector().single().value()).isEqualTo(9);
    }

    @Test
    void loadErrorsNameTheLine() {
        assertThatThrownBy(() -> Storage.create().load("load 1m\n  ok 1 2\n  bad 1 x\n"))
                .hasMessage("line 3: invalid series value \"x\": expected a number, a+bxn, a-bxn, axn, _, _xn or stale");
        assertThatThrownBy(() -> Storage.create().load("load soon\n"))
                .hasMessageStartingWith("line 1: \"soon\" is not a Prometheus duration");
    }
}
