package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.model.Labels;
import org.junit.jupiter.api.Test;

class ExpositionAssertTest {
    private static final Exposition METRICS = ExpositionParser.parse("""
            # TYPE http_requests_total counter
            http_requests_total{method="GET",code="200"} 3
            http_requests_total{method="POST",code="500"} 1
            # TYPE queue_depth gauge
            queue_depth 7.5
            # TYPE latency_seconds histogram
            latency_seconds_bucket{path="/",le="0.1"} 1
            latency_seconds_bucket{path="/",le="0.5"} 3
            latency_seconds_bucket{path="/",le="+Inf"} 4
            latency_seconds_sum{path="/"} 1.7
            latency_seconds_count{path="/"} 4
            # TYPE rpc_seconds summary
            rpc_seconds{quantile="0.5"} 0.2
            rpc_seconds{quantile="0.9"} 0.8
            rpc_seconds_sum 3.5
            rpc_seconds_count 10
            """, ExpositionFormat.PROMETHEUS_TEXT);

    private static final Exposition OPEN_METRICS = ExpositionParser.parse("""
            # TYPE jobs counter
            jobs_total{queue="mail"} 5
            # EOF
            """, ExpositionFormat.OPENMETRICS);

    @Test
    void findsMetricsOfEachType() {
        assertThat(METRICS)
                .hasMetric("queue_depth")
                .hasCounter("http_requests_total")
                .hasGauge("queue_depth")
                .hasHistogram("latency_seconds")
                .hasSummary("rpc_seconds");
    }

    @Test
    void findsAnOpenMetricsCounterByFamilyOrSampleName() {
        assertThat(OPEN_METRICS).hasCounter("jobs").hasCounter("jobs_total")
                .hasValue("jobs", Labels.of("queue", "mail"), 5)
                .hasValue("jobs_total", Labels.of("queue", "mail"), 5);
    }

    @Test
    void missingMetricListsNearestMatchesAndAvailableNames() {
        assertThatThrownBy(() -> assertThat(METRICS).hasCounter("http_request_total"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting exposition to have a counter named "http_request_total"
                        but there is no metric of that name.
                        Nearest matches: [http_requests_total]
                        Available metric names: [http_requests_total, latency_seconds, queue_depth, rpc_seconds]""");
    }

    @Test
    void metricOfAnotherTypeFailsNamingItsType() {
        assertThatThrownBy(() -> assertThat(METRICS).hasCounter("queue_depth"))
                .hasMessage("Expecting \"queue_depth\" to be a counter\nbut was a gauge");
        assertThatThrownBy(() -> assertThat(METRICS).hasGauge("http_requests_total"))
                .hasMessage("Expecting \"http_requests_total\" to be a gauge\nbut was a counter");
        assertThatThrownBy(() -> assertThat(METRICS).hasHistogram("rpc_seconds"))
                .hasMessage("Expecting \"rpc_seconds\" to be a histogram\nbut was a summary");
        assertThatThrownBy(() -> assertThat(METRICS).hasSummary("latency_seconds"))
                .hasMessage("Expecting \"latency_seconds\" to be a summary\nbut was a histogram");
    }

    @Test
    void missingMetricOfAnyTypeFails() {
        assertThatThrownBy(() -> assertThat(METRICS).hasMetric("up"))
                .hasMessage("""
                        Expecting exposition to have a metric named "up"
                        but there is no metric of that name.
                        Nearest matches: []
                        Available metric names: [http_requests_total, latency_seconds, queue_depth, rpc_seconds]""");
    }

    @Test
    void doesNotHaveMetricPassesForAbsentNamesAndFailsWithTheSeriesFound() {
        assertThat(METRICS).doesNotHaveMetric("http_requests_failed_total");
        assertThatThrownBy(() -> assertThat(METRICS).doesNotHaveMetric("http_requests_total"))
                .hasMessage("Expecting exposition not to have a metric named \"http_requests_total\"\n"
                        + "but found a counter with 2 series: "
                        + "[{code=\"200\", method=\"GET\"}, {code=\"500\", method=\"POST\"}]");
    }

    @Test
    void hasSeriesMatchesByLabelInclusionAndListsLabelSets() {
        assertThat(METRICS).hasSeries("http_requests_total", Labels.of("method", "GET"))
                .hasSeries("http_requests_total", Labels.empty());
        assertThatThrownBy(() -> assertThat(METRICS).hasSeries("http_requests_total", Labels.of("method", "PUT")))
                .hasMessage("""
                        Expecting "http_requests_total" to have a series with labels {method="PUT"}
                        but it has none.
                        Label sets of "http_requests_total": [{code="200", method="GET"}, {code="500", method="POST"}]""");
    }

    @Test
    void doesNotHaveSeriesFailsWithTheMatchingSamples() {
        assertThat(METRICS).doesNotHaveSeries("http_requests_total", Labels.of("code", "404"))
                .doesNotHaveSeries("absent_total", Labels.empty());
        assertThatThrownBy(() -> assertThat(METRICS).doesNotHaveSeries("http_requests_total", Labels.of("code", "500")))
                .hasMessage("Expecting \"http_requests_total\" not to have a series with labels {code=\"500\"}\n"
                        + "but found [http_requests_total{code=\"500\", method=\"POST\"} 1.0]");
    }

    @Test
    void hasSeriesCountCountsLabelSetsWithoutLeAndQuantile() {
        assertThat(METRICS).hasSeriesCount("http_requests_total", 2).hasSeriesCount("latency_seconds", 1)
                .hasSeriesCount("rpc_seconds", 1);
        assertThatThrownBy(() -> assertThat(METRICS).hasSeriesCount("http_requests_total", 3))
                .hasMessage("Expecting \"http_requests_total\" to have 3 series\nbut was 2: "
                        + "[{code=\"200\", method=\"GET\"}, {code=\"500\", method=\"POST\"}]");
    }

    @Test
    void hasValueComparesTheSelectedSeries() {
        assertThat(METRICS).hasValue("http_requests_total", Labels.of("method", "GET"), 3)
                .hasValue("queue_depth", Labels.empty(), 7.4, 0.2);
        assertThatThrownBy(() -> assertThat(METRICS).hasValue("http_requests_total", Labels.of("method", "GET"), 4))
                .hasMessage("Expecting \"http_requests_total\"{code=\"200\", method=\"GET\"} to have value 4\n"
                        + "but was 3");
        assertThatThrownBy(() -> assertThat(METRICS).hasValue("queue_depth", Labels.empty(), 7, 0.25))
                .hasMessage("Expecting \"queue_depth\"{} to have value 7 (within 0.25)\nbut was 7.5");
    }

    @Test
    void hasValueNeedsLabelsSelectingOneSeries() {
        assertThatThrownBy(() -> assertThat(METRICS).hasValue("http_requests_total", Labels.empty(), 3))
                .hasMessage("Expecting labels {} to select one series of \"http_requests_total\"\n"
                        + "but they select 2: [{code=\"200\", method=\"GET\"}, {code=\"500\", method=\"POST\"}]");
        assertThatThrownBy(() -> assertThat(METRICS).hasValue("http_requests_total", Labels.of("code", "404"), 3))
                .hasMessage("""
                        Expecting "http_requests_total" to have a series with labels {code="404"}
                        but it has none.
                        Label sets of "http_requests_total": [{code="200", method="GET"}, {code="500", method="POST"}]""");
    }

    @Test
    void hasIncreasedByComparesWithAnEarlierSnapshot() {
        Exposition before = ExpositionParser.parse("""
                # TYPE http_requests_total counter
                http_requests_total{method="GET",code="200"} 1
                """, ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(METRICS).hasIncreasedBy(before, "http_requests_total", Labels.of("method", "GET"), 2)
                .hasIncreasedBy(before, "http_requests_total", Labels.of("method", "POST"), 1);
        assertThatThrownBy(() -> assertThat(METRICS)
                .hasIncreasedBy(before, "http_requests_total", Labels.of("method", "GET"), 1))
                .hasMessage("Expecting \"http_requests_total\"{code=\"200\", method=\"GET\"} to have increased by 1\n"
                        + "but it increased by 2 (from 1 to 3)");
    }

    @Test
    void histogramCountSumAndBucket() {
        assertThat(METRICS).hasHistogramCount("latency_seconds", Labels.of("path", "/"), 4)
                .hasHistogramSum("latency_seconds", Labels.empty(), 1.7, 1e-9)
                .hasHistogramBucket("latency_seconds", Labels.empty(), 0.5, 3)
                .hasHistogramBucket("latency_seconds", Labels.empty(), Double.POSITIVE_INFINITY, 4)
                .hasHistogramCount("rpc_seconds", Labels.empty(), 10);
        assertThatThrownBy(() -> assertThat(METRICS).hasHistogramCount("latency_seconds", Labels.empty(), 5))
                .hasMessage("Expecting \"latency_seconds_count\"{path=\"/\"} to have count 5\nbut was 4");
        assertThatThrownBy(() -> assertThat(METRICS).hasHistogramSum("latency_seconds", Labels.empty(), 2, 0.1))
                .hasMessage("Expecting \"latency_seconds_sum\"{path=\"/\"} to have sum 2 (within 0.1)\nbut was 1.7");
        assertThatThrownBy(() -> assertThat(METRICS).hasHistogramBucket("latency_seconds", Labels.empty(), 0.5, 2))
                .hasMessage("Expecting \"latency_seconds_bucket\"{le=\"0.5\", path=\"/\"} to have count 2\nbut was 3");
        assertThatThrownBy(() -> assertThat(METRICS).hasHistogramBucket("latency_seconds", Labels.empty(), 0.25, 2))
                .hasMessage("Expecting \"latency_seconds\"{path=\"/\"} to have a bucket le=\"0.25\"\n"
                        + "but it has none.\nBuckets: [0.1, 0.5, +Inf]");
        assertThatThrownBy(() -> assertThat(METRICS).hasHistogramCount("queue_depth", Labels.empty(), 1))
                .hasMessage("Expecting \"queue_depth\" to be a histogram or a summary\nbut was a gauge");
    }

    @Test
    void quantileEstimateInterpolatesHistogramBucketsAndReadsSummaryQuantiles() {
        assertThat(METRICS).hasQuantileEstimate("latency_seconds", Labels.empty(), 0.5, 0.3, 1e-9)
                .hasQuantileEstimate("latency_seconds", Labels.empty(), 0.99, 0.5, 1e-9)
                .hasQuantileEstimate("rpc_seconds", Labels.empty(), 0.9, 0.8, 0);
        assertThatThrownBy(() -> assertThat(METRICS)
                .hasQuantileEstimate("latency_seconds", Labels.empty(), 0.5, 0.1, 0.05))
                .hasMessage("Expecting \"latency_seconds\"{path=\"/\"} to have 0.5-quantile estimate 0.1 "
                        + "(within 0.05)\nbut was 0.30000000000000004");
        assertThatThrownBy(() -> assertThat(METRICS).hasQuantileEstimate("rpc_seconds", Labels.empty(), 0.99, 1, 0))
                .hasMessage("Expecting \"rpc_seconds\"{} to have quantile 0.99\nbut it has none.\nQuantiles: [0.5, 0.9]");
    }

    @Test
    void describedAssertionsPrefixTheDescription() {
        assertThatThrownBy(() -> assertThat(METRICS).as("checkout").hasValue("queue_depth", Labels.empty(), 1))
                .hasMessage("[checkout] Expecting \"queue_depth\"{} to have value 1\nbut was 7.5");
    }

    @Test
    void nullExpositionFailsAsAssertJDoes() {
        assertThatThrownBy(() -> assertThat((Exposition) null).hasMetric("up"))
                .hasMessageContaining("Expecting actual not to be null");
    }
}
