package io.monitoringkit.exposition;

import static io.monitoringkit.exposition.ClientLibraryOutputs.NASTY;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.model.Labels;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parser reads what simpleclient 0.16 and client_java 1.x write, in both formats, for every metric type. */
class ClientLibraryExpositionsTest {

    private static Exposition parse(String text, ExpositionFormat format) {
        Exposition e = ExpositionParser.parse(text, format);
        // and the writer reproduces the same model
        assertThat(ExpositionParser.parse(ExpositionWriter.write(e, format), format)).isEqualTo(e);
        return e;
    }

    private static Sample sample(Exposition e, String family, String name, Labels labels) {
        MetricFamily f = e.family(family).orElseThrow(() -> new AssertionError("no family " + family + " in "
                + e.families().stream().map(MetricFamily::name).toList()));
        return f.samples().stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + labels + " in " + f.samples()));
    }

    private static java.util.Map<String, MetricType> types(Exposition e) {
        return e.families().stream().collect(Collectors.toMap(MetricFamily::name, MetricFamily::type,
                (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void readsSimpleclientTextFormat() {
        Exposition e = parse(ClientLibraryOutputs.simpleclient004(), ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(types(e)).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.ofEntries(
                java.util.Map.entry("sc_build_info", MetricType.GAUGE),
                java.util.Map.entry("sc_latency_seconds", MetricType.HISTOGRAM),
                java.util.Map.entry("sc_latency_seconds_created", MetricType.GAUGE),
                java.util.Map.entry("sc_queue_bytes", MetricType.HISTOGRAM),
                java.util.Map.entry("sc_queue_bytes_gcount", MetricType.GAUGE),
                java.util.Map.entry("sc_queue_bytes_gsum", MetricType.GAUGE),
                java.util.Map.entry("sc_requests_created", MetricType.GAUGE),
                java.util.Map.entry("sc_requests_total", MetricType.COUNTER),
                java.util.Map.entry("sc_size_bytes", MetricType.SUMMARY),
                java.util.Map.entry("sc_size_bytes_created", MetricType.GAUGE),
                java.util.Map.entry("sc_specials", MetricType.GAUGE),
                java.util.Map.entry("sc_state", MetricType.GAUGE),
                java.util.Map.entry("sc_temperature_celsius", MetricType.GAUGE),
                java.util.Map.entry("sc_untyped", MetricType.UNKNOWN))));
        assertThat(e.family("sc_requests_total").orElseThrow().help())
                .isEqualTo("Requests \\ with \"quotes\"\nand a newline.");
        assertThat(sample(e, "sc_requests_total", "sc_requests_total", Labels.of("path", NASTY, "code", "500"))
                .value()).isEqualTo(2.0);
        assertThat(sample(e, "sc_build_info", "sc_build_info", Labels.of("version", "1.2.3", "revision", NASTY))
                .value()).isEqualTo(1.0);
        assertThat(e.family("sc_latency_seconds").orElseThrow().samples()).extracting(Sample::name)
                .containsOnly("sc_latency_seconds_bucket", "sc_latency_seconds_count", "sc_latency_seconds_sum")
                .hasSize(12);
        assertThat(sample(e, "sc_latency_seconds", "sc_latency_seconds_bucket", Labels.of("op", "get", "le", "1.0"))
                .value()).isEqualTo(2.0);
        assertThat(sample(e, "sc_size_bytes", "sc_size_bytes", Labels.of("quantile", "0.99")).value()).isEqualTo(20);
        assertSpecials(e, "sc_specials");
        Sample untyped = sample(e, "sc_untyped", "sc_untyped", Labels.of("a", "b"));
        assertThat(untyped.timestampMillis()).hasValue(1_700_000_000_123L);
        assertThat(e.samples()).allSatisfy(s -> assertThat(s.exemplar()).isEmpty());
    }

    @Test
    void readsSimpleclientOpenMetrics() {
        Exposition e = parse(ClientLibraryOutputs.simpleclientOpenMetrics(), ExpositionFormat.OPENMETRICS);
        assertThat(types(e)).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of(
                "sc_build", MetricType.INFO,
                "sc_latency_seconds", MetricType.HISTOGRAM,
                "sc_queue_bytes", MetricType.GAUGE_HISTOGRAM,
                "sc_requests", MetricType.COUNTER,
                "sc_size_bytes", MetricType.SUMMARY,
                "sc_specials", MetricType.GAUGE,
                "sc_state", MetricType.STATESET,
                "sc_temperature_celsius", MetricType.GAUGE,
                "sc_untyped", MetricType.UNKNOWN)));
        MetricFamily requests = e.family("sc_requests").orElseThrow();
        assertThat(requests.help()).isEqualTo("Requests \\ with \"quotes\"\nand a newline.");
        assertThat(requests.samples()).extracting(Sample::name).containsExactly("sc_requests_total",
                "sc_requests_created", "sc_requests_total", "sc_requests_created");
        Sample withExemplar = sample(e, "sc_requests", "sc_requests_total", Labels.of("path", NASTY, "code", "500"));
        assertThat(withExemplar.exemplar()).hasValueSatisfying(x -> {
            assertThat((Object) x.labels()).isEqualTo(Labels.of("trace_id", "abc123"));
            assertThat(x.value()).isEqualTo(2.0);
            assertThat(x.timestampMillis()).isPresent();
        });
        Sample bucket = sample(e, "sc_latency_seconds", "sc_latency_seconds_bucket", Labels.of("op", "get", "le", "1.0"));
        assertThat(bucket.exemplar().map(Exemplar::value)).hasValue(0.7);
        assertThat(e.family("sc_queue_bytes").orElseThrow().unit()).isEqualTo("bytes");
        assertThat(e.family("sc_queue_bytes").orElseThrow().samples()).extracting(Sample::name).containsExactly(
                "sc_queue_bytes_bucket", "sc_queue_bytes_bucket", "sc_queue_bytes_gcount", "sc_queue_bytes_gsum");
        assertThat(sample(e, "sc_state", "sc_state", Labels.of("sc_state", "running")).value()).isEqualTo(1);
        assertThat(sample(e, "sc_build", "sc_build_info", Labels.of("version", "1.2.3", "revision", NASTY)).value())
                .isEqualTo(1);
        assertThat(sample(e, "sc_untyped", "sc_untyped", Labels.of("a", "b")).timestampMillis())
                .hasValue(1_700_000_000_123L);
        assertSpecials(e, "sc_specials");
    }

    @Test
    void readsClientJavaTextFormat() {
        Exposition e = parse(ClientLibraryOutputs.clientJava004(), ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(types(e)).containsEntry("cj_requests_total", MetricType.COUNTER)
                .containsEntry("cj_requests_created", MetricType.GAUGE)
                .containsEntry("cj_latency_seconds", MetricType.HISTOGRAM)
                .containsEntry("cj_size_bytes", MetricType.SUMMARY)
                .containsEntry("cj_build_info", MetricType.GAUGE)
                .containsEntry("cj_state", MetricType.GAUGE)
                .hasSize(10);
        assertThat(sample(e, "cj_requests_total", "cj_requests_total", Labels.of("path", NASTY, "code", "500"))
                .value()).isEqualTo(2.0);
        assertThat(sample(e, "cj_latency_seconds", "cj_latency_seconds_count", Labels.of("op", "get")).value())
                .isEqualTo(2);
        assertSpecials(e, "cj_specials");
    }

    @Test
    void readsClientJavaOpenMetrics() {
        Exposition e = parse(ClientLibraryOutputs.clientJavaOpenMetrics(), ExpositionFormat.OPENMETRICS);
        assertThat(types(e)).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of(
                "cj_build", MetricType.INFO,
                "cj_latency_seconds", MetricType.HISTOGRAM,
                "cj_requests", MetricType.COUNTER,
                "cj_size_bytes", MetricType.SUMMARY,
                "cj_specials", MetricType.GAUGE,
                "cj_state", MetricType.STATESET,
                "cj_temperature_celsius", MetricType.GAUGE)));
        assertThat(e.family("cj_temperature_celsius").orElseThrow().unit()).isEqualTo("celsius");
        Sample withExemplar = sample(e, "cj_requests", "cj_requests_total", Labels.of("path", NASTY, "code", "500"));
        assertThat(withExemplar.exemplar().map(Exemplar::labels))
                .hasValue(Labels.of("trace_id", "abc123", "span_id", "def"));
        Function<String, Double> bucket = le -> sample(e, "cj_latency_seconds", "cj_latency_seconds_bucket",
                Labels.of("op", "get", "le", le)).value();
        assertThat(List.of("0.1", "0.5", "1.0", "+Inf")).extracting(bucket).containsExactly(0.0, 1.0, 2.0, 2.0);
        assertThat(sample(e, "cj_requests", "cj_requests_created", Labels.of("path", "/a", "code", "200"))
                .value()).isGreaterThan(1.7e9);
        assertSpecials(e, "cj_specials");
    }

    private static void assertSpecials(Exposition e, String family) {
        assertThat(sample(e, family, family, Labels.of("kind", "nan")).value()).isNaN();
        assertThat(sample(e, family, family, Labels.of("kind", "inf")).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(sample(e, family, family, Labels.of("kind", "minf")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(sample(e, family, family, Labels.of("kind", "tiny")).value()).isEqualTo(1e-300);
    }
}
