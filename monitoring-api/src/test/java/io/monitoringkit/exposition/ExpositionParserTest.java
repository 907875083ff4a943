package io.monitoringkit.exposition;

import static io.monitoringkit.exposition.ExpositionFormat.OPENMETRICS;
import static io.monitoringkit.exposition.ExpositionFormat.PROMETHEUS_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.model.Labels;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionParserTest {

    private static Sample s(String name, Labels labels, double v) {
        return Sample.of(name, labels, v);
    }

    @Test
    void textFormatAcceptsWhatExpfmtAccepts() {
        Exposition e = ExpositionParser.parse("""
                   # a free comment
                # HELP
                \t# HELP up Whether the target is up:\\n 1 = yes \\\\ 0 = no.
                # TYPE up GAUGE

                up{job="api" , instance = "a:1",} 1 -1000
                up {job="db"}\t0\t 1700000000000
                up{} .5
                up{empty=""} 5.
                # TYPE c_total counter
                c_total 1E3
                c_total{x="y"} -0
                """ + "c_total{x=\"z\"} Inf\nc_total{x=\"w\"} -inf\nlast nan\n", PROMETHEUS_TEXT);
        MetricFamily up = e.family("up").orElseThrow();
        assertThat(up.type()).isEqualTo(MetricType.GAUGE);
        assertThat(up.help()).isEqualTo("Whether the target is up:\n 1 = yes \\ 0 = no.");
        assertThat(up.samples()).containsExactly(
                s("up", Labels.of("job", "api", "instance", "a:1"), 1).withTimestampMillis(-1000),
                s("up", Labels.of("job", "db"), 0).withTimestampMillis(1_700_000_000_000L),
                s("up", Labels.empty(), 0.5),
                s("up", Labels.empty(), 5));
        assertThat(e.family("c_total").orElseThrow().samples()).extracting(Sample::value)
                .containsExactly(1000.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(e.family("c_total").orElseThrow().samples().get(1).value()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(e.family("last").orElseThrow().samples().get(0).value()).isNaN();
        assertThat(e.family("last").orElseThrow().type()).isEqualTo(MetricType.UNKNOWN);
    }

    @Test
    void textFormatGroupsHistogramAndSummarySamplesAndAllowsInterleaving() {
        Exposition e = ExpositionParser.parse("""
                # TYPE h histogram
                h_bucket{le="1"} 1
                other 7
                h_bucket{le="+Inf"} 2
                h_count 2
                h_sum 3
                # TYPE s summary
                s{quantile="0.5"} 1
                s_count 1
                s_sum 1
                s_bucket 9
                g_count 4
                # HELP other Help after the samples is fine in 0.0.4.
                """, PROMETHEUS_TEXT);
        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("h", "other", "s", "s_bucket",
                "g_count");
        assertThat(e.family("h").orElseThrow().samples()).extracting(Sample::name)
                .containsExactly("h_bucket", "h_bucket", "h_count", "h_sum");
        assertThat(e.family("s_bucket").orElseThrow().type()).isEqualTo(MetricType.UNKNOWN);
        assertThat(e.family("other").orElseThrow().help()).isEqualTo("Help after the samples is fine in 0.0.4.");
    }

    @Test
    void textFormatKeepsFamiliesWithoutSamples() {
        Exposition e = ExpositionParser.parse("# HELP a Only help.\n# TYPE b counter\n", PROMETHEUS_TEXT);
        assertThat(e.families()).containsExactly(
                new MetricFamily("a", MetricType.UNKNOWN, "Only help.", "", List.of()),
                MetricFamily.of("b", MetricType.COUNTER));
    }

    @Test
    void openMetricsReadsEveryTypeWithExemplarsTimestampsAndUnits() {
        Exposition e = ExpositionParser.parse("""
                # TYPE rpc counter
                # HELP rpc RPCs with \\"quotes\\".
                rpc_total{m="get"} 10 1700000000.5 # {trace_id="x"} 1 1700000000.25
                rpc_created{m="get"} 1600000000
                rpc_total{m="put"} 3 # {} 0.5
                # TYPE lat_seconds histogram
                # UNIT lat_seconds seconds
                lat_seconds_bucket{le="0.1"} 1 # {trace_id="y"} 0.05
                lat_seconds_bucket{le="+Inf"} 2
                lat_seconds_count 2
                lat_seconds_sum 1.5
                # TYPE q gaugehistogram
                q_bucket{le="+Inf"} 4
                q_gcount 4
                q_gsum 8
                # TYPE sz summary
                sz{quantile="0.9"} 3
                sz_count 5
                sz_sum 9
                # TYPE build info
                build_info{v="1"} 1
                # TYPE st stateset
                st{st="a"} 1
                st{st="b"} 0
                # TYPE empty gauge
                # HELP empty
                implicit 3
                # EOF""", OPENMETRICS);
        assertThat(e.families()).extracting(MetricFamily::name, MetricFamily::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rpc", MetricType.COUNTER),
                org.assertj.core.groups.Tuple.tuple("lat_seconds", MetricType.HISTOGRAM),
                org.assertj.core.groups.Tuple.tuple("q", MetricType.GAUGE_HISTOGRAM),
                org.assertj.core.groups.Tuple.tuple("sz", MetricType.SUMMARY),
                org.assertj.core.groups.Tuple.tuple("build", MetricType.INFO),
                org.assertj.core.groups.Tuple.tuple("st", MetricType.STATESET),
                org.assertj.core.groups.Tuple.tuple("empty", MetricType.GAUGE),
                org.assertj.core.groups.Tuple.tuple("implicit", MetricType.UNKNOWN));
        MetricFamily rpc = e.family("rpc").orElseThrow();
        assertThat(rpc.help()).isEqualTo("RPCs with \"quotes\".");
        assertThat(rpc.samples()).containsExactly(
                s("rpc_total", Labels.of("m", "get"), 10).withTimestampMillis(1_700_000_000_500L)
                        .withExemplar(Exemplar.of(Labels.of("trace_id", "x"), 1)
                                .withTimestampMillis(1_700_000_000_250L)),
                s("rpc_created", Labels.of("m", "get"), 1.6e9),
                s("rpc_total", Labels.of("m", "put"), 3).withExemplar(Exemplar.of(Labels.empty(), 0.5)));
        assertThat(e.family("lat_seconds").orElseThrow().unit()).isEqualTo("seconds");
        assertThat(e.family("empty").orElseThrow().samples()).isEmpty();
        assertThat(e.family("empty").orElseThrow().help()).isEmpty();
    }

    @Test
    void streamingHandsOverEverySampleAndThenTheFamilies() throws IOException {
        String text = "# TYPE a counter\na_total 1\na_total{x=\"1\"} 2\n# TYPE b gauge\nb 3\n# EOF\n";
        List<String> events = new ArrayList<>();
        ExpositionHandler h = new ExpositionHandler() {
            @Override
            public void sample(SampleView v) {
                events.add(v.line() + " " + v.familyName() + "/" + v.familyType() + " " + v.toSample());
            }

            @Override
            public void family(MetricFamily f) {
                events.add("family " + f.name() + " " + f.type());
            }
        };
        // one byte at a time, to exercise the refill of the line buffer
        InputStream slow = new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        ExpositionParser.stream(slow, OPENMETRICS, h);
        assertThat(events).containsExactly(
                "2 a/COUNTER a_total{} 1.0",
                "3 a/COUNTER a_total{x=\"1\"} 2.0",
                "5 b/GAUGE b{} 3.0",
                "family a COUNTER",
                "family b GAUGE");
    }

    @Test
    void streamReadsLinesLongerThanItsBuffer() throws IOException {
        String value = "v".repeat(200_000);
        String text = "big{a=\"" + value + "\"} 1\n";
        List<Sample> got = new ArrayList<>();
        ExpositionParser.stream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), PROMETHEUS_TEXT,
                v -> got.add(v.toSample()));
        assertThat(got).containsExactly(s("big", Labels.of("a", value), 1));
    }

    @Test
    void manyDigitsAndExponentsParseLikeJava() {
        String[] numbers = {"0.1", "123456789012345678901234567890", "1.7976931348623157e308", "4.9e-324",
                "2.2250738585072014E-308", "0.000000000000000000000000001", "9007199254740993", "1e22", "1e23",
                "-12345.678901234567", "+3", "00012", "1.e5"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.length; i++) {
            sb.append("n{i=\"").append(i).append("\"} ").append(numbers[i]).append('\n');
        }
        List<Sample> samples = ExpositionParser.parse(sb.toString(), PROMETHEUS_TEXT).families().get(0).samples();
        for (int i = 0; i < numbers.length; i++) {
            assertThat(samples.get(i).value()).as(numbers[i]).isEqualTo(Double.parseDouble(numbers[i]));
        }
    }
}
