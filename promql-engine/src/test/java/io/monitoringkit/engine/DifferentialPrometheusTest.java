package io.monitoringkit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.Promtool;
import io.monitoringkit.testkit.Tool;
import io.monitoringkit.testkit.ToolLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential test against the real Prometheus (2.42 on this machine): the same generated series are backfilled
 * into Prometheus (promtool tsdb create-blocks-from openmetrics) and loaded into the engine, then a few hundred
 * instant and range queries are compared value by value.
 *
 * <p>The data and evaluation times keep off the places where Prometheus 2.x and 3.x differ: sample timestamps are
 * at odd milliseconds and evaluation times at whole seconds off the subquery grid, so no sample or subquery step sits
 * exactly on a range or lookback boundary; counters start far from zero, so the rate extrapolation's zero-point
 * clamping (reordered in 2.51) never applies; classic histogram buckets are strictly monotonic (2.49 changed the
 * monotonicity fix); no experimental functions, {@code holt_winters}, regexes with {@code .} over newlines or
 * {@code __name__} rewriting (3.x' delayed name removal); no ties in {@code topk}/{@code bottomk} (Prometheus'
 * range evaluation feeds aggregations in map order, so ties resolve at random there).
 */
class DifferentialPrometheusTest {

    private static final long T0 = 1_600_000_000_000L + 217;
    private static final int SAMPLES = 480;
    private static final long INTERVAL = 15_000;
    private static final double TOLERANCE = 1e-6;

    private static PrometheusServer prometheus;
    private static PromEngine engine;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        ToolLocator locator = ToolLocator.system();
        assumeTrue(locator.isAvailable(Tool.PROMETHEUS) && locator.isAvailable(Tool.PROMTOOL),
                "prometheus/promtool not installed: differential test skipped (" + locator.missingMessage(Tool.PROMETHEUS)
                        + ")");
        String om = openMetrics();
        Path file = dir.resolve("data.om");
        Files.writeString(file, om);
        Path blocks = dir.resolve("blocks");
        Files.createDirectories(blocks);
        Promtool.locate().withTimeout(Duration.ofSeconds(120)).createBlocksFromOpenMetrics(file, blocks)
                .requireSuccess();
        prometheus = PrometheusServer.builder().blocks(blocks).flag("--storage.tsdb.retention.time=100y").start();
        Storage storage = Storage.create();
        storage.loadExposition(om, ExpositionFormat.OPENMETRICS);
        engine = PromEngine.create(storage);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    /** Deterministic data: counters with resets, gauges with gaps, classic histograms. */
    static String openMetrics() {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        sb.append("# TYPE diff_requests counter\n");
        for (String job : List.of("api", "web")) {
            for (String inst : List.of("a", "b", "c")) {
                for (String code : List.of("200", "500")) {
                    double v = 1000 + r.nextInt(5000);
                    int reset = r.nextInt(3) == 0 ? 100 + r.nextInt(300) : -1;
                    for (int i = 0; i < SAMPLES; i++) {
                        if (i == reset) {
                            v = 500 + r.nextInt(100);
                        }
                        v += code.equals("200") ? r.nextInt(50) : r.nextInt(5);
                        sample(sb, "diff_requests_total", "job=\"" + job + "\",instance=\"" + inst + "\",code=\"" + code
                                + "\"", v, i);
                    }
                }
            }
        }
        sb.append("# TYPE diff_temperature gauge\n");
        for (String room : List.of("kitchen", "hall", "attic", "cellar", "garage")) {
            double v = 10 + r.nextDouble() * 10;
            int gapStart = room.equals("attic") ? 200 : -1;
            for (int i = 0; i < SAMPLES; i++) {
                v += r.nextGaussian();
                if (gapStart >= 0 && i >= gapStart && i < gapStart + 40) {
                    continue;
                }
                sample(sb, "diff_temperature", "room=\"" + room + "\",floor=\"" + (room.length() % 3) + "\"", v, i);
            }
        }
        sb.append("# TYPE diff_latency_seconds histogram\n");
        String[] les = {"0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};
        for (String job : List.of("api", "web")) {
            double[] buckets = new double[les.length];
            double sum = 0;
            for (int i = 0; i < SAMPLES; i++) {
                int n = 1 + r.nextInt(30);
                for (int k = 0; k < n; k++) {
                    double obs = Math.abs(r.nextGaussian() * 0.4);
                    sum += obs;
                    for (int b = 0; b < les.length; b++) {
                        if (b == les.length - 1 || obs <= Double.parseDouble(les[b])) {
                            buckets[b]++;
                        }
                    }
                }
                for (int b = 0; b < les.length; b++) {
                    // strictly monotonic: each bucket gets an offset so no two are equal
                    sample(sb, "diff_latency_seconds_bucket", "job=\"" + job + "\",le=\"" + les[b] + "\"",
                            buckets[b] + 1000 + b, i);
                }
                sample(sb, "diff_latency_seconds_count", "job=\"" + job + "\"", buckets[les.length - 1] + 1006, i);
                sample(sb, "diff_latency_seconds_sum", "job=\"" + job + "\"", sum + 500, i);
            }
        }
        sb.append("# EOF\n");
        return sb.toString();
    }

    private static void sample(StringBuilder sb, String name, String labels, double v, int i) {
        long t = T0 + i * INTERVAL;
        sb.append(name).append('{').append(labels).append("} ")
                .append(String.format(Locale.ROOT, "%.6f", v)).append(' ')
                .append(t / 1000).append('.').append(String.format(Locale.ROOT, "%03d", t % 1000)).append('\n');
    }

    static final List<String> QUERIES = List.of(
            "diff_requests_total",
            "diff_requests_total offset 10m",
            "rate(diff_requests_total[5m])",
            "irate(diff_requests_total[5m])",
            "increase(diff_requests_total[10m])",
            "resets(diff_requests_total[30m])",
            "changes(diff_temperature[30m])",
            "delta(diff_temperature[10m])",
            "idelta(diff_temperature[10m])",
            "deriv(diff_temperature[15m])",
            "predict_linear(diff_temperature[15m], 600)",
            "sum by (job) (rate(diff_requests_total[5m]))",
            "sum without (instance) (rate(diff_requests_total[5m]))",
            "avg by (code) (diff_requests_total)",
            "max by (job) (diff_requests_total)",
            "min(diff_temperature)",
            "count by (job) (diff_requests_total)",
            "group by (code) (diff_requests_total)",
            "stddev(diff_temperature)",
            "stdvar by (floor) (diff_temperature)",
            "quantile(0.9, diff_temperature)",
            "quantile by (job) (0.25, rate(diff_requests_total[5m]))",
            "topk(3, diff_temperature)",
            "bottomk(2, diff_temperature * 3)",
            "topk by (job) (1, diff_requests_total)",
            "count_values(\"bucket\", floor(diff_temperature))",
            "histogram_quantile(0.9, rate(diff_latency_seconds_bucket[5m]))",
            "histogram_quantile(0.5, sum by (le) (rate(diff_latency_seconds_bucket[10m])))",
            "histogram_quantile(0.99, sum by (job, le) (increase(diff_latency_seconds_bucket[5m])))",
            "rate(diff_latency_seconds_sum[5m]) / rate(diff_latency_seconds_count[5m])",
            "diff_requests_total / on (job, instance) group_left sum by (job, instance) (diff_requests_total)",
            "sum by (job, instance) (diff_requests_total) / ignoring (code) group_right diff_requests_total",
            "rate(diff_requests_total{code=\"500\"}[5m]) / ignoring (code) rate(diff_requests_total{code=\"200\"}[5m])",
            "diff_temperature > 15",
            "diff_temperature > bool 15",
            "15 < diff_temperature",
            "diff_temperature == bool on (room, floor) diff_temperature",
            "diff_requests_total{code=\"500\"} and on (job) diff_requests_total{instance=\"a\", code=\"200\"}",
            "diff_temperature or vector(1)",
            "diff_requests_total unless on (instance) diff_requests_total{instance=\"b\"}",
            "-diff_temperature + 2 * diff_temperature ^ 2 % 7",
            "abs(diff_temperature - 15)",
            "ceil(diff_temperature) - floor(diff_temperature)",
            "round(diff_temperature, 0.5)",
            "clamp(diff_temperature, 12, 18)",
            "clamp_min(diff_temperature, 14)",
            "sqrt(diff_temperature) + ln(diff_temperature) + log2(diff_temperature) + log10(diff_temperature)",
            "exp(diff_temperature / 10)",
            "sgn(diff_temperature - 15)",
            "sin(diff_temperature) + cos(diff_temperature) + atan(diff_temperature)",
            "avg_over_time(diff_temperature[10m])",
            "sum_over_time(diff_temperature[10m])",
            "min_over_time(diff_temperature[10m])",
            "max_over_time(diff_temperature[10m])",
            "count_over_time(diff_temperature[10m])",
            "last_over_time(diff_temperature[10m])",
            "present_over_time(diff_temperature[10m])",
            "stddev_over_time(diff_temperature[10m])",
            "stdvar_over_time(diff_temperature[10m])",
            "quantile_over_time(0.75, diff_temperature[10m])",
            "absent(diff_temperature{room=\"nowhere\"})",
            "absent_over_time(diff_temperature{room=\"attic\"}[3m])",
            "timestamp(diff_temperature)",
            "label_replace(diff_temperature, \"where\", \"$1-x\", \"room\", \"(.*)a(.*)\")",
            "label_join(diff_requests_total, \"id\", \"/\", \"job\", \"instance\", \"code\")",
            "sort_desc(sum by (instance) (rate(diff_requests_total[5m])))",
            "scalar(sum(diff_temperature)) * 2",
            "vector(time())",
            "max_over_time(rate(diff_requests_total[5m])[30m:1m])",
            "avg_over_time(sum by (job) (diff_requests_total)[20m:2m] offset 5m)",
            "rate(diff_requests_total[10m] @ 1600001800)",
            "diff_temperature @ 1600003000",
            "sum(rate(diff_requests_total[5m] offset 30m))",
            "day_of_week(diff_temperature * 0 + 1600003000) + hour() + minute()",
            "days_in_month(vector(1600003000))",
            "year(vector(1600003000)) + month() + day_of_month() + day_of_year()",
            "deg(diff_temperature atan2 10) + rad(diff_temperature)");

    /** Evaluation times: whole seconds, never on a subquery grid point, spread over the data. */
    static final List<Long> TIMES = List.of(T0 - 217 + 1_800_007, T0 - 217 + 3_333_000 + 11_000,
            T0 - 217 + 5_000_000 + 30_000, T0 - 217 + 6_543_000, T0 - 217 + 7_190_000);

    @Test
    void instantQueriesAgreeWithPrometheus() throws Exception {
        List<String> diffs = new ArrayList<>();
        int compared = 0;
        int series = 0;
        for (String q : QUERIES) {
            for (long t : TIMES) {
                Map<Labels, Double> theirs = prometheusInstant(q, t);
                Map<Labels, Double> ours = engineInstant(q, t);
                compared++;
                series += theirs.size();
                String d = diff(theirs, ours);
                if (d != null) {
                    diffs.add(q + " @ " + t + ": " + d);
                }
            }
        }
        System.out.println("differential: " + compared + " instant queries, " + series + " result series compared");
        assertThat(diffs).as("differences to Prometheus").isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(300);
    }

    @Test
    void rangeQueriesAgreeWithPrometheus() throws Exception {
        List<String> diffs = new ArrayList<>();
        long start = T0 - 217 + 1_200_003;
        long end = start + 5_400_000;
        for (String q : QUERIES.subList(0, 40)) {
            Map<Labels, Series> theirs = prometheusRange(q, start, end, 60_000);
            QueryResult.Matrix ours = engine.queryRange(q, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                    Duration.ofMinutes(1));
            Map<Labels, Series> mine = new HashMap<>();
            for (Series s : ours.series()) {
                mine.put(s.labels(), s);
            }
            if (!theirs.keySet().equals(mine.keySet())) {
                diffs.add(q + ": series differ: prometheus " + theirs.keySet() + " engine " + mine.keySet());
                continue;
            }
            for (Map.Entry<Labels, Series> e : theirs.entrySet()) {
                Series a = e.getValue();
                Series b = mine.get(e.getKey());
                if (a.size() != b.size()) {
                    diffs.add(q + " " + e.getKey() + ": " + a.size() + " points vs " + b.size());
                    continue;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (a.timestamp(i) != b.timestamp(i) || !close(a.value(i), b.value(i))) {
                        diffs.add(q + " " + e.getKey() + " at " + a.timestamp(i) + ": prometheus " + a.value(i)
                                + " engine " + b.timestamp(i) + "=" + b.value(i));
                        break;
                    }
                }
            }
        }
        assertThat(diffs).as("differences to Prometheus").isEmpty();
    }

    private static String diff(Map<Labels, Double> theirs, Map<Labels, Double> ours) {
        if (!theirs.keySet().equals(ours.keySet())) {
            return "labels differ: prometheus " + theirs.keySet() + " engine " + ours.keySet();
        }
        for (Map.Entry<Labels, Double> e : theirs.entrySet()) {
            if (!close(e.getValue(), ours.get(e.getKey()))) {
                return e.getKey() + ": prometheus " + e.getValue() + " engine " + ours.get(e.getKey());
            }
        }
        return null;
    }

    static boolean close(double a, double b) {
        return PromqlTestConformanceTest.almostEqual(a, b) || Math.abs(a - b) <= TOLERANCE * Math.abs(a);
    }

    private static Map<Labels, Double> engineInstant(String q, long t) {
        QueryResult r = engine.query(q, Instant.ofEpochMilli(t));
        Map<Labels, Double> out = new LinkedHashMap<>();
        if (r instanceof QueryResult.Scalar s) {
            out.put(Labels.empty(), s.value());
        } else {
            QueryResult.Vector v = r.asVector();
            for (int i = 0; i < v.size(); i++) {
                out.put(v.labels(i), v.value(i));
            }
        }
        return out;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> resp = prometheus.get(path);
        JsonNode n = JSON.readTree(resp.body());
        if (!"success".equals(n.path("status").asText())) {
            throw new AssertionError("prometheus failed " + path + ": " + resp.body());
        }
        return n.path("data");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String secs(long ms) {
        return (ms / 1000) + "." + String.format(Locale.ROOT, "%03d", ms % 1000);
    }

    private static Map<Labels, Double> prometheusInstant(String q, long t) throws Exception {
        JsonNode data = get("/api/v1/query?query=" + enc(q) + "&time=" + secs(t));
        Map<Labels, Double> out = new LinkedHashMap<>();
        if (data.path("resultType").asText().equals("scalar")) {
            out.put(Labels.empty(), value(data.path("result").get(1)));
            return out;
        }
        for (JsonNode s : data.path("result")) {
            out.put(labels(s.path("metric")), value(s.path("value").get(1)));
        }
        return out;
    }

    private static Map<Labels, Series> prometheusRange(String q, long start, long end, long step) throws Exception {
        JsonNode data = get("/api/v1/query_range?query=" + enc(q) + "&start=" + secs(start) + "&end=" + secs(end)
                + "&step=" + (step / 1000));
        Map<Labels, Series> out = new HashMap<>();
        for (JsonNode s : data.path("result")) {
            Series.Builder b = Series.builder().labels(labels(s.path("metric")));
            for (JsonNode p : s.path("values")) {
                b.add(Math.round(p.get(0).asDouble() * 1000), value(p.get(1)));
            }
            Series built = b.build();
            out.put(built.labels(), built);
        }
        return out;
    }

    private static Labels labels(JsonNode metric) {
        Map<String, String> m = new LinkedHashMap<>();
        metric.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return Labels.from(m);
    }

    private static double value(JsonNode v) {
        String s = v.asText();
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
