package io.monitoringkit.exposition;

import static io.monitoringkit.exposition.ExpositionFormat.OPENMETRICS;
import static io.monitoringkit.exposition.ExpositionFormat.PROMETHEUS_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionWriterTest {

    private static final Exposition EXAMPLE = Exposition.of(
            new MetricFamily("jobs", MetricType.COUNTER, "Jobs \"run\"\\done\nso far.", "", List.of(
                    Sample.of("jobs_total", Labels.of("queue", "a\"b\\c\nd"), 3)
                            .withExemplar(Exemplar.of(Labels.of("trace_id", "abc"), 1).withTimestampMillis(1_500)),
                    Sample.of("jobs_created", Labels.of("queue", "a\"b\\c\nd"), 1.7e9))),
            new MetricFamily("lat_seconds", MetricType.GAUGE_HISTOGRAM, "", "seconds", List.of(
                    Sample.of("lat_seconds_bucket", Labels.of("le", "+Inf"), 2).withTimestampMillis(-1),
                    Sample.of("lat_seconds_gcount", Labels.empty(), 2),
                    Sample.of("lat_seconds_gsum", Labels.empty(), 0.25))),
            new MetricFamily("temp", MetricType.GAUGE, "ü ✓", "", List.of(
                    Sample.of("temp", Labels.empty(), Double.NaN),
                    Sample.of("temp", Labels.of("k", "v"), Double.NEGATIVE_INFINITY),
                    Sample.of("temp", Labels.of("k", "w"), -0.0),
                    Sample.of("temp", Labels.of("k", "x"), 1e-7))));

    @Test
    void writesOpenMetrics() {
        assertThat(ExpositionWriter.write(EXAMPLE, OPENMETRICS)).isEqualTo("""
                # TYPE jobs counter
                # HELP jobs Jobs \\"run\\"\\\\done\\nso far.
                jobs_total{queue="a\\"b\\\\c\\nd"} 3 # {trace_id="abc"} 1 1.5
                jobs_created{queue="a\\"b\\\\c\\nd"} 1700000000
                # TYPE lat_seconds gaugehistogram
                # UNIT lat_seconds seconds
                lat_seconds_bucket{le="+Inf"} 2 -0.001
                lat_seconds_gcount 2
                lat_seconds_gsum 0.25
                # TYPE temp gauge
                # HELP temp ü ✓
                temp NaN
                temp{k="v"} -Inf
                temp{k="w"} -0.0
                temp{k="x"} 1.0E-7
                # EOF
                """);
    }

    @Test
    void writesTheTextFormatWithoutWhatItCannotCarry() {
        assertThat(ExpositionWriter.write(EXAMPLE, PROMETHEUS_TEXT)).isEqualTo("""
                # HELP jobs Jobs "run"\\\\done\\nso far.
                # TYPE jobs counter
                jobs_total{queue="a\\"b\\\\c\\nd"} 3
                jobs_created{queue="a\\"b\\\\c\\nd"} 1700000000
                # TYPE lat_seconds histogram
                lat_seconds_bucket{le="+Inf"} 2 -1
                lat_seconds_gcount 2
                lat_seconds_gsum 0.25
                # HELP temp ü ✓
                # TYPE temp gauge
                temp NaN
                temp{k="v"} -Inf
                temp{k="w"} -0.0
                temp{k="x"} 1.0E-7
                """);
    }

    @Test
    void openMetricsOutputParsesBackToTheSameModel() {
        assertThat(ExpositionParser.parse(ExpositionWriter.write(EXAMPLE, OPENMETRICS), OPENMETRICS))
                .isEqualTo(EXAMPLE);
    }

    @Test
    void rejectsExemplarsOpenMetricsCannotCarry() {
        Exposition tooLong = Exposition.of(new MetricFamily("c", MetricType.COUNTER, "", "", List.of(
                Sample.of("c_total", Labels.empty(), 1).withExemplar(Exemplar.of(Labels.of("t", "x".repeat(128)), 1)))));
        assertThatThrownBy(() -> ExpositionWriter.write(tooLong, OPENMETRICS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exemplar of \"c_total\" has 129 characters of labels; OpenMetrics allows at most 128");
    }

    @Test
    void familiesRejectSamplesOfAnotherName() {
        assertThatThrownBy(() -> new MetricFamily("a", MetricType.GAUGE, "", "", List.of(
                Sample.of("b", Labels.empty(), 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample \"b\" does not belong to family \"a\": its name must be the family name or the "
                        + "family name plus one of [_total, _created, _bucket, _count, _sum, _gcount, _gsum, _info]");
        assertThatThrownBy(() -> Sample.of("a-b", Labels.empty(), 1))
                .hasMessage("\"a-b\" is not a valid metric name (it must match [a-zA-Z_:][a-zA-Z0-9_:]*)");
        assertThatThrownBy(() -> Sample.of("a", Labels.of("x.y", "1"), 1))
                .hasMessage("\"x.y\" is not a valid label name (it must match [a-zA-Z_][a-zA-Z0-9_]*)");
    }
}
