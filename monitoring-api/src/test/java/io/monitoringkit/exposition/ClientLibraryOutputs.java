package io.monitoringkit.exposition;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Registries of simpleclient 0.16 and client_java 1.x with every metric type, and their own format writers. */
final class ClientLibraryOutputs {

    static final String NASTY = "quote\" backslash\\ newline\n ünïcødé ✓ 😀";

    private ClientLibraryOutputs() {
    }

    static CollectorRegistry simpleclientRegistry() {
        CollectorRegistry r = new CollectorRegistry();
        io.prometheus.client.Counter c = io.prometheus.client.Counter.build().name("sc_requests")
                .help("Requests \\ with \"quotes\"\nand a newline.").labelNames("path", "code").register(r);
        c.labels("/a", "200").inc(3);
        c.labels(NASTY, "500").incWithExemplar(2, "trace_id", "abc123");
        io.prometheus.client.Gauge g = io.prometheus.client.Gauge.build().name("sc_temperature_celsius")
                .help("Temperature.").register(r);
        g.set(-12.5);
        io.prometheus.client.Gauge nan = io.prometheus.client.Gauge.build().name("sc_specials")
                .help("Special values.").labelNames("kind").register(r);
        nan.labels("nan").set(Double.NaN);
        nan.labels("inf").set(Double.POSITIVE_INFINITY);
        nan.labels("minf").set(Double.NEGATIVE_INFINITY);
        nan.labels("tiny").set(1e-300);
        io.prometheus.client.Histogram h = io.prometheus.client.Histogram.build().name("sc_latency_seconds")
                .help("Latency.").labelNames("op").buckets(0.1, 0.5, 1).register(r);
        h.labels("get").observe(0.3);
        h.labels("get").observeWithExemplar(0.7, "trace_id", "t1");
        h.labels("put").observe(5);
        io.prometheus.client.Summary s = io.prometheus.client.Summary.build().name("sc_size_bytes")
                .help("Sizes.").quantile(0.5, 0.05).quantile(0.99, 0.001).register(r);
        s.observe(10);
        s.observe(20);
        io.prometheus.client.Info i = io.prometheus.client.Info.build().name("sc_build").help("Build info.")
                .register(r);
        i.info("version", "1.2.3", "revision", NASTY);
        io.prometheus.client.Enumeration e = io.prometheus.client.Enumeration.build().name("sc_state")
                .help("State.").states("starting", "running", "stopped").register(r);
        e.state("running");
        new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                List<MetricFamilySamples.Sample> samples = new ArrayList<>();
                samples.add(new MetricFamilySamples.Sample("sc_queue_bytes_bucket", List.of("le"), List.of("10.0"), 1));
                samples.add(new MetricFamilySamples.Sample("sc_queue_bytes_bucket", List.of("le"), List.of("+Inf"), 2));
                samples.add(new MetricFamilySamples.Sample("sc_queue_bytes_gcount", List.of(), List.of(), 2));
                samples.add(new MetricFamilySamples.Sample("sc_queue_bytes_gsum", List.of(), List.of(), 17));
                List<MetricFamilySamples.Sample> untyped = List.of(new MetricFamilySamples.Sample("sc_untyped",
                        List.of("a"), List.of("b"), 42, 1_700_000_000_123L));
                return List.of(
                        new MetricFamilySamples("sc_queue_bytes", "bytes", Type.GAUGE_HISTOGRAM, "Queue sizes.", samples),
                        new MetricFamilySamples("sc_untyped", Type.UNKNOWN, "Untyped.", untyped));
            }
        }.register(r);
        return r;
    }

    static String simpleclient004() {
        StringWriter w = new StringWriter();
        try {
            TextFormat.write004(w, simpleclientRegistry().metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String simpleclientOpenMetrics() {
        StringWriter w = new StringWriter();
        try {
            TextFormat.writeOpenMetrics100(w, simpleclientRegistry().metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static PrometheusRegistry clientJavaRegistry() {
        PrometheusRegistry r = new PrometheusRegistry();
        Counter c = Counter.builder().name("cj_requests_total").help("Requests \\ with \"quotes\"\nand a newline.")
                .labelNames("path", "code").register(r);
        c.labelValues("/a", "200").inc(3);
        c.labelValues(NASTY, "500").incWithExemplar(2, io.prometheus.metrics.model.snapshots.Labels.of(
                "trace_id", "abc123", "span_id", "def"));
        Gauge g = Gauge.builder().name("cj_temperature_celsius").help("Temperature.").unit(
                io.prometheus.metrics.model.snapshots.Unit.CELSIUS).register(r);
        g.set(-12.5);
        Gauge sp = Gauge.builder().name("cj_specials").help("Special values.").labelNames("kind").register(r);
        sp.labelValues("nan").set(Double.NaN);
        sp.labelValues("inf").set(Double.POSITIVE_INFINITY);
        sp.labelValues("minf").set(Double.NEGATIVE_INFINITY);
        sp.labelValues("tiny").set(1e-300);
        Histogram h = Histogram.builder().name("cj_latency_seconds").help("Latency.").labelNames("op")
                .classicOnly().classicUpperBounds(0.1, 0.5, 1).register(r);
        h.labelValues("get").observe(0.3);
        h.labelValues("get").observeWithExemplar(0.7, io.prometheus.metrics.model.snapshots.Labels.of(
                "trace_id", "t1"));
        h.labelValues("put").observe(5);
        Summary s = Summary.builder().name("cj_size_bytes").help("Sizes.").quantile(0.5, 0.05)
                .quantile(0.99, 0.001).register(r);
        s.observe(10);
        s.observe(20);
        Info i = Info.builder().name("cj_build_info").help("Build info.").labelNames("version", "revision")
                .register(r);
        i.setLabelValues("1.2.3", NASTY);
        StateSet st = StateSet.builder().name("cj_state").help("State.").states("starting", "running", "stopped")
                .register(r);
        st.setTrue("running");
        return r;
    }

    static String clientJava004() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(true).build()
                    .write(out, clientJavaRegistry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String clientJavaOpenMetrics() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new OpenMetricsTextFormatWriter(true, false).write(out, clientJavaRegistry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
