package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.exposition.ClientLibraryFixtures;
import io.monitoringkit.exposition.ExpositionParseException;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle test: on every exposition of the corpus our linter's verdict, exit code and problem lines equal
 * those of the real {@code promtool check metrics} (skipped, loudly, when promtool is absent). For unparsable
 * input both must fail, and at the same line.
 */
class MetricsLinterPromtoolTest {

    private static final Pattern PROMTOOL_LINE = Pattern.compile("parsing error in line (\\d+):");

    private static Promtool promtool;

    record Case(String name, String exposition) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void locatePromtool() {
        promtool = Promtool.locate();
    }

    static Stream<Case> corpus() throws Exception {
        List<Case> c = new ArrayList<>();
        c.add(new Case("clean counter", "# HELP jobs_total Jobs.\n# TYPE jobs_total counter\njobs_total{q=\"a\"} 1\n"));
        c.add(new Case("counter without _total", "# HELP jobs Jobs.\n# TYPE jobs counter\njobs 1\n"));
        c.add(new Case("gauge with _total", "# HELP t_total T.\n# TYPE t_total gauge\nt_total 1\n"));
        c.add(new Case("no help", "# TYPE up gauge\nup 1\n"));
        c.add(new Case("empty help", "# HELP up \n# TYPE up gauge\nup 1\n"));
        c.add(new Case("milliseconds", "# HELP lat_milliseconds L.\n# TYPE lat_milliseconds gauge\nlat_milliseconds 1\n"));
        c.add(new Case("kilobytes and bits", "# HELP a_kilobytes A.\n# TYPE a_kilobytes gauge\na_kilobytes 1\n"
                + "# HELP b_megabits_total B.\n# TYPE b_megabits_total counter\nb_megabits_total 1\n"));
        c.add(new Case("abbreviations", "# HELP a_ms_s_total A.\n# TYPE a_ms_s_total counter\na_ms_s_total 1\n"
                + "# HELP disk_gb D.\n# TYPE disk_gb gauge\ndisk_gb 1\n"));
        c.add(new Case("type in name", "# HELP q_gauge Q.\n# TYPE q_gauge gauge\nq_gauge 1\n"
                + "# HELP r_counter_total R.\n# TYPE r_counter_total counter\nr_counter_total 1\n"
                + "# HELP s_summary_x S.\n# TYPE s_summary_x summary\ns_summary_x_sum 1\ns_summary_x_count 1\n"));
        c.add(new Case("colon", "# HELP job:rate5m R.\n# TYPE job:rate5m gauge\njob:rate5m 1\n"));
        c.add(new Case("camel case repeated per series", "# HELP httpRequests_total H.\n"
                + "# TYPE httpRequests_total counter\nhttpRequests_total{statusCode=\"200\"} 1\n"
                + "httpRequests_total{statusCode=\"500\",fooBar=\"x\"} 1\n"));
        c.add(new Case("le and quantile on the wrong types", "# HELP g G.\n# TYPE g gauge\ng{le=\"1\"} 1\ng{le=\"2\"} 2\n"
                + "# HELP c_total C.\n# TYPE c_total counter\nc_total{quantile=\"0.5\"} 1\n"));
        c.add(new Case("histogram groups its samples", "# HELP lat_seconds L.\n# TYPE lat_seconds histogram\n"
                + "lat_seconds_bucket{routeName=\"a\",le=\"1\"} 1\nlat_seconds_bucket{routeName=\"a\",le=\"+Inf\"} 2\n"
                + "lat_seconds_count{routeName=\"a\"} 2\nlat_seconds_sum{routeName=\"a\"} 3\n"
                + "lat_seconds_bucket{routeName=\"b\",le=\"+Inf\"} 1\nlat_seconds_count{routeName=\"b\"} 1\n"
                + "lat_seconds_sum{routeName=\"b\"} 1\n"));
        c.add(new Case("summary groups its samples", "# HELP rpc_seconds R.\n# TYPE rpc_seconds summary\n"
                + "rpc_seconds{opName=\"get\",quantile=\"0.5\"} 1\nrpc_seconds{opName=\"get\",quantile=\"0.9\"} 2\n"
                + "rpc_seconds_sum{opName=\"get\"} 9\nrpc_seconds_count{opName=\"get\"} 3\n"));
        c.add(new Case("untyped is exempt from type rules", "u_total{le=\"1\",quantile=\"1\"} 1\nv_count 2\nw_bucket 3\n"));
        c.add(new Case("reserved suffixes", "# HELP x_bucket X.\n# TYPE x_bucket gauge\nx_bucket 1\n"
                + "# HELP y_count Y.\n# TYPE y_count counter\ny_count 1\n# HELP z_sum Z.\n# TYPE z_sum gauge\nz_sum 1\n"
                + "# HELP h_bucket H.\n# TYPE h_bucket histogram\nh_bucket_bucket{le=\"+Inf\"} 1\n"));
        c.add(new Case("empty input", ""));
        c.add(new Case("comments only", "# just a comment\n#\n# HELP\n# TYPE\n\n"));
        c.add(new Case("families without samples are not linted", "# HELP a A.\n# TYPE a counter\n# TYPE b gauge\n"
                + "# HELP c_total C.\n# TYPE c_total counter\nc_total 1\n"));
        c.add(new Case("interleaved families", "# HELP a A.\n# TYPE a gauge\na{x=\"1\"} 1\n# HELP b B.\n# TYPE b gauge\n"
                + "b 1\na{x=\"2\"} 2\n"));
        c.add(new Case("help after samples", "a 1\n# HELP a A.\n"));
        c.add(new Case("timestamps, NaN and infinities", "# HELP a A.\n# TYPE a gauge\na{k=\"1\"} NaN 1700000000000\n"
                + "a{k=\"2\"} +Inf -5\na{k=\"3\"} -Inf\na{k=\"4\"} 1.5e-3\n"));
        c.add(new Case("blanks, tabs and a trailing comma", "  # HELP a A.\n# TYPE a gauge\n\ta { k = \"v\" , }\t1  \n"));
        c.add(new Case("blanks and tabs", "# HELP a A.\n# TYPE a gauge\n\ta { k = \"v\" , }\t1\t 7\n"));
        c.add(new Case("blank after the timestamp", "# HELP a A.\n# TYPE a gauge\na 1 7\t\n"));
        c.add(new Case("type names anywhere in the name", "# HELP x_gauge_histogram X.\nx_gauge_histogram 1\n"
                + "# HELP y_counter_summary_histogram Y.\n# TYPE y_counter_summary_histogram histogram\n"
                + "y_counter_summary_histogram_count 1\n"));
        c.add(new Case("type names ignore case", "# HELP a_total A.\n# TYPE a_total COUNTER\na_total 1\n"));
        c.add(new Case("summary without quantile label", "# HELP s S.\n# TYPE s summary\ns 1\n"));
        c.add(new Case("many problems at once", "# TYPE fooBar:latency_milliseconds_gauge counter\n"
                + "fooBar:latency_milliseconds_gauge{le=\"1\",someLabel=\"x\"} 1\n"));
        c.add(new Case("kelvins", "# HELP t_kelvins T.\n# TYPE t_kelvins gauge\nt_kelvins 1\n"));
        c.add(new Case("escapes", "# HELP e Help with \\\\ and \\n.\n# TYPE e gauge\ne{v=\"q\\\"b\\\\n\\n ü ✓\"} 1\n"));
        c.add(new Case("no trailing newline", "# HELP a A.\n# TYPE a gauge\na 1"));
        // unparsable
        c.add(new Case("TYPE after samples", "a 1\n# TYPE a gauge\n"));
        c.add(new Case("second HELP", "# HELP a x\n# HELP a y\na 1\n"));
        c.add(new Case("second TYPE", "# TYPE a gauge\n# TYPE a counter\n"));
        c.add(new Case("invalid escape", "a{v=\"\\t\"} 1\n"));
        c.add(new Case("duplicate label", "a{v=\"1\",v=\"2\"} 1\n"));
        c.add(new Case("reserved __name__", "a{__name__=\"b\"} 1\n"));
        c.add(new Case("bad value", "ok 1\na one\n"));
        c.add(new Case("hex value", "a 0x10\n"));
        c.add(new Case("bad timestamp", "a 1 1.5\n"));
        c.add(new Case("spurious after timestamp", "# HELP a A.\na 1 2 3\n"));
        c.add(new Case("unknown type", "# TYPE a gaugee\na 1\n"));
        c.add(new Case("le not a float", "# TYPE h histogram\nh_bucket{le=\"big\"} 1\n"));
        c.add(new Case("quantile not a float", "# TYPE s summary\ns{quantile=\"p99\"} 1\n"));
        c.add(new Case("unclosed label set", "a{v=\"1\" 1\n"));
        c.add(new Case("metric name starts with a digit", "ok 1\n\n9a 1\n"));
        c.add(new Case("missing value", "a{v=\"1\"}\n"));
        c.add(new Case("carriage return", "a 1\r\n"));
        c.add(new Case("unterminated label value", "# HELP a A.\n# TYPE a gauge\na{v=\"1} 1\n"));
        // what the client libraries write
        StringWriter sc = new StringWriter();
        TextFormat.write004(sc, ClientLibraryFixtures.simpleclientRegistry().metricFamilySamples());
        c.add(new Case("simpleclient 0.16 output", sc.toString()));
        ByteArrayOutputStream cj = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(true).build()
                .write(cj, ClientLibraryFixtures.clientJavaRegistry().scrape());
        c.add(new Case("client_java 1.x output", cj.toString(StandardCharsets.UTF_8)));
        assertThat(c).hasSizeGreaterThanOrEqualTo(40);
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void verdictEqualsPromtools(Case c) {
        CommandResult real = promtool.checkMetrics(c.exposition());
        List<String> realLines = real.stderr().isEmpty() ? List.of() : Arrays.asList(real.stderr().split("\n"));
        MetricsLinter linter = MetricsLinter.promtool();
        if (real.exitCode() == 1) {
            ExpositionParseException e = null;
            try {
                linter.lint(c.exposition());
            } catch (ExpositionParseException x) {
                e = x;
            }
            assertThat(e).as("promtool rejects it (%s); so must we", real.stderr()).isNotNull();
            Matcher m = PROMTOOL_LINE.matcher(real.stderr());
            assertThat(m.find()).as(real.describe()).isTrue();
            assertThat(e.line()).as("line of %s vs promtool's %s", e.getMessage(), real.stderr())
                    .isEqualTo(Integer.parseInt(m.group(1)));
            return;
        }
        List<LintProblem> problems = linter.lint(c.exposition());
        assertThat(problems.stream().map(LintProblem::toString).toList()).as(real.describe())
                .containsExactlyElementsOf(realLines);
        assertThat(MetricsLinter.exitCode(problems)).isEqualTo(real.exitCode());
    }
}
