package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsLinterTest {

    private static List<String> lint(MetricsLinter linter, String text) {
        return linter.lint(text).stream().map(LintProblem::toString).toList();
    }

    @Test
    void reportsPromtoolsProblemsSortedByMetricThenText() {
        assertThat(lint(MetricsLinter.promtool(), """
                # TYPE jobs counter
                jobs{queueName="a"} 1
                # HELP lat_milliseconds Latency.
                # TYPE lat_milliseconds gauge
                lat_milliseconds 1
                """)).containsExactly(
                "jobs counter metrics should have \"_total\" suffix",
                "jobs label names should be written in 'snake_case' not 'camelCase'",
                "jobs no help text",
                "lat_milliseconds use base unit \"seconds\" instead of \"milliseconds\"");
        assertThat(MetricsLinter.exitCode(List.of())).isZero();
        assertThat(MetricsLinter.exitCode(MetricsLinter.promtool().lint("x 1\n"))).isEqualTo(3);
    }

    @Test
    void unparsableInputThrowsWithItsPosition() {
        assertThatThrownBy(() -> MetricsLinter.promtool().lint("a 1\n# TYPE a gauge\n"))
                .isInstanceOf(ExpositionParseException.class)
                .hasMessage("line 2, column 8: second TYPE line for metric \"a\", or TYPE after its samples");
    }

    @Test
    void ourExtraChecksAreMarkedAndOffByDefault() {
        String text = """
                # HELP h_seconds H.
                # TYPE h_seconds histogram
                h_seconds_bucket{le="1"} 5
                h_seconds_bucket{le="2"} 3
                h_seconds_count 4
                h_seconds_sum 1
                # HELP s_seconds S.
                # TYPE s_seconds summary
                s_seconds{quantile="1.5"} 1
                # HELP c_total C.
                # TYPE c_total counter
                c_total -1
                c_total -1
                """;
        assertThat(lint(MetricsLinter.promtool(), text)).isEmpty();
        assertThat(lint(MetricsLinter.promtool().withMkitChecks(), text)).containsExactly(
                "c_total counter series c_total{} is negative (-1.0) (mkit)",
                "c_total counter series c_total{} is negative (-1.0) (mkit)",
                "c_total has duplicate series c_total{}; Prometheus rejects the scrape (mkit)",
                "h_seconds histogram series {} has decreasing buckets: le=\"2\" counts 3.0 < 5.0 (mkit)",
                "h_seconds histogram series {} has no le=\"+Inf\" bucket (mkit)",
                "s_seconds quantile \"1.5\" of {quantile=\"1.5\"} is outside [0, 1] (mkit)");
    }

    @Test
    void lintsOpenMetricsUnderPrometheusSeriesNames() {
        assertThat(lint(MetricsLinter.promtool().reading(ExpositionFormat.OPENMETRICS), """
                # TYPE jobs counter
                # HELP jobs Jobs.
                jobs_total 1
                jobs_created 1700000000
                # TYPE build info
                build_info{version="1"} 1
                # EOF
                """)).containsExactly("build_info no help text");
    }
}
