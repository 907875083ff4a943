package io.monitoringkit.benchmarks.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.Promtool;
import io.monitoringkit.testkit.Tool;
import io.monitoringkit.testkit.ToolLocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * promql-engine against the real Prometheus on the data set: 10,000 counter series and 200 classic
 * histograms (12 buckets) at 15 s resolution over 2 h. JMH measures the engine; the same queries on Prometheus
 * (backfilled with promtool, {@code stats=all}, {@code execTotalTime}, median of 10 after 3 warm-ups) are
 * printed side by side at the end of the run. The data set is generated once and cached under
 * {@code target/engine-bench/}.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class EngineBenchmark {

    static final long T0 = 1_700_000_000_000L;
    static final long STEP = 15_000;
    static final int POINTS = 481;
    static final int COUNTERS = 10_000;
    static final int HISTOGRAMS = 200;
    static final String[] LES = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10",
            "+Inf"};

    static final String RATE = "sum by (job) (rate(x_total[5m]))";
    static final String QUANTILE = "histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))";
    static final String TOPK = "topk(10, x_total)";

    static final Instant START = Instant.ofEpochMilli(T0 + 3_600_000);
    static final Instant END = Instant.ofEpochMilli(T0 + 7_200_000);

    Storage storage;
    PromEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
        storage = Storage.create();
        generate((labels, t, v) -> storage.append(labels, t, v));
        storage.compact();
        engine = PromEngine.create(storage);
        System.out.printf(Locale.ROOT, "%nengine storage: %d series, %d samples, %.1f bytes/sample (excl. labels)%n",
                storage.seriesCount(), storage.sampleCount(),
                storage.sampleBytes() / (double) storage.sampleCount());
    }

    @TearDown(Level.Trial)
    public void prometheusSideBySide() throws Exception {
        ToolLocator locator = ToolLocator.system();
        if (!locator.isAvailable(Tool.PROMETHEUS) || !locator.isAvailable(Tool.PROMTOOL)) {
            System.out.println("prometheus/promtool not installed: no side-by-side numbers");
            return;
        }
        Path dir = Path.of("target", "engine-bench");
        Path blocks = dir.resolve("blocks");
        if (!Files.isDirectory(blocks)) {
            Files.createDirectories(dir);
            Path om = dir.resolve("data.om");
            try (BufferedWriter w = Files.newBufferedWriter(om)) {
                w.write("# TYPE x counter\n");
                generate((labels, t, v) -> {
                    try {
                        w.write(line(labels, t, v));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                w.write("# EOF\n");
            }
            Path tmp = dir.resolve("blocks.tmp");
            Files.createDirectories(tmp);
            Promtool.locate().withTimeout(Duration.ofMinutes(20)).createBlocksFromOpenMetrics(om, tmp).requireSuccess();
            Files.move(tmp, blocks);
            Files.delete(om);
        }
        try (PrometheusServer p = PrometheusServer.builder().blocks(blocks)
                .flag("--storage.tsdb.retention.time=100y").start()) {
            String range = "&start=" + START.getEpochSecond() + "&end=" + END.getEpochSecond() + "&step=15";
            double rate = median(p, "/api/v1/query_range?stats=all&query=" + enc(RATE) + range);
            double quantile = median(p, "/api/v1/query_range?stats=all&query=" + enc(QUANTILE) + range);
            double topk = median(p, "/api/v1/query?stats=all&query=" + enc(TOPK) + "&time=" + END.getEpochSecond());
            System.out.printf(Locale.ROOT, "%nPrometheus %s execTotalTime (median of 10): rate %.1f ms, "
                    + "histogram_quantile %.1f ms, topk %.1f ms%n", p.version(), rate, quantile, topk);
        }
    }

    private static double median(PrometheusServer p, String path) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            JsonNode n = json.readTree(p.get(path).body());
            if (!"success".equals(n.path("status").asText())) {
                throw new IllegalStateException(n.toString());
            }
            if (i >= 3) {
                times.add(n.path("data").path("stats").path("timings").path("execTotalTime").asDouble() * 1000);
            }
        }
        Collections.sort(times);
        return (times.get(4) + times.get(5)) / 2;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String line(Labels l, long t, double v) {
        StringBuilder sb = new StringBuilder(l.getOrEmpty("__name__")).append('{');
        boolean first = true;
        for (int i = 0; i < l.size(); i++) {
            if (l.name(i).equals("__name__")) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(l.name(i)).append("=\"").append(l.value(i)).append('"');
        }
        return sb.append("} ").append((long) v).append(' ').append(t / 1000).append('\n').toString();
    }

    interface Sink {
        void accept(Labels labels, long t, double v);
    }

    /** The data set: deterministic, series by series, samples in time order. */
    static void generate(Sink sink) {
        Random r = new Random(7);
        for (int c = 0; c < COUNTERS; c++) {
            Labels l = Labels.of("__name__", "x_total", "job", "job-" + (c % 20), "instance", "i-" + c);
            double v = r.nextInt(1000);
            for (int i = 0; i < POINTS; i++) {
                v += r.nextInt(100);
                sink.accept(l, T0 + i * STEP, v);
            }
        }
        for (int h = 0; h < HISTOGRAMS; h++) {
            Labels[] ls = new Labels[LES.length];
            for (int b = 0; b < LES.length; b++) {
                ls[b] = Labels.of("__name__", "h_bucket", "job", "job-" + (h % 20), "instance", "i-" + h, "le", LES[b]);
            }
            double[][] values = new double[LES.length][POINTS];
            double[] cum = new double[LES.length];
            for (int i = 0; i < POINTS; i++) {
                for (int b = 0; b < LES.length; b++) {
                    cum[b] += r.nextInt(10);
                }
                double run = 0;
                for (int b = 0; b < LES.length; b++) {
                    run += cum[b];
                    values[b][i] = run;
                }
            }
            for (int b = 0; b < LES.length; b++) {
                for (int i = 0; i < POINTS; i++) {
                    sink.accept(ls[b], T0 + i * STEP, values[b][i]);
                }
            }
        }
    }

    @Benchmark
    public QueryResult.Matrix rateSumByJobRange() {
        return engine.queryRange(RATE, START, END, Duration.ofSeconds(15));
    }

    @Benchmark
    public QueryResult.Matrix histogramQuantileRange() {
        return engine.queryRange(QUANTILE, START, END, Duration.ofSeconds(15));
    }

    @Benchmark
    public QueryResult topkInstant() {
        return engine.query(TOPK, END);
    }
}
