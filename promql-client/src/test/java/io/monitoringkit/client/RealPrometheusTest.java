package io.monitoringkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.http.RetryPolicy;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.ErrorType;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.query.SeriesOptions;
import io.monitoringkit.testkit.PrometheusServer;
import io.monitoringkit.testkit.Promtool;
import io.monitoringkit.testkit.ToolServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every endpoint Prometheus 2.42 has, against the real binary with data loaded through promtool, and its real
 * errors. One server for the class.
 */
class RealPrometheusTest {
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = 1704067200L;
    static final Instant START = Instant.ofEpochSecond(T0);

    static final String OPENMETRICS = openMetrics();

    static final String CONFIG = """
            global:
              scrape_interval: 1h
              evaluation_interval: 1s
            rule_files: [rules.yml]
            alerting:
              alertmanagers:
                - static_configs:
                    - targets: ['127.0.0.1:2']
            scrape_configs:
              - job_name: unreachable
                static_configs:
                  - targets: ['127.0.0.1:1']
            """;

    static final String RULES = """
            groups:
              - name: demo
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)
                  - alert: AlwaysFiring
                    expr: vector(1) > 0
                    labels:
                      severity: none
                    annotations:
                      summary: always
            """;

    static Path blocks = makeBlocks();

    @RegisterExtension
    static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(PrometheusServer.builder()
            .config(CONFIG).file("rules.yml", RULES).blocks(blocks)
            .flag("--storage.tsdb.retention.time=100y"));

    static PrometheusClient client;

    @BeforeAll
    static void connect() {
        client = PrometheusClient.builder("http://127.0.0.1:" + PROMETHEUS.server().port())
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    /** up: two targets; http_requests_total: +60 per minute (1/s); special values; 11 minutes of data. */
    private static String openMetrics() {
        StringBuilder sb = new StringBuilder();
        sb.append("# TYPE up gauge\n");
        for (String inst : List.of("a:1", "b:1")) {
            for (int m = 0; m <= 10; m++) {
                sb.append("up{job=\"api\",instance=\"").append(inst).append("\"} ")
                        .append(inst.equals("b:1") && m >= 5 ? 0 : 1).append(' ').append(T0 + 60L * m).append('\n');
            }
        }
        sb.append("# TYPE http_requests counter\n");
        for (String code : List.of("200", "500")) {
            for (int m = 0; m <= 10; m++) {
                long v = code.equals("200") ? 60L * m : 6L * m;
                sb.append("http_requests_total{job=\"api\",code=\"").append(code).append("\"} ").append(v)
                        .append(' ').append(T0 + 60L * m).append('\n');
            }
        }
        sb.append("# TYPE special gauge\n");
        String[][] specials = {{"nan", "NaN"}, {"inf", "+Inf"}, {"neginf", "-Inf"}, {"big", "100000000"},
            {"small", "1.5e-07"}};
        for (String[] s : specials) {
            for (int m = 0; m <= 10; m++) {
                sb.append("special{kind=\"").append(s[0]).append("\"} ").append(s[1]).append(' ')
                        .append(T0 + 60L * m).append('\n');
            }
        }
        return sb.append("# EOF\n").toString();
    }

    private static Path makeBlocks() {
        try {
            Path dir = Files.createTempDirectory("mkit-client-blocks");
            Path input = Files.writeString(dir.resolve("data.om"), OPENMETRICS);
            Path out = Files.createDirectories(dir.resolve("blocks"));
            try {
                Promtool.locate().createBlocksFromOpenMetrics(input, out).requireSuccess();
            } catch (RuntimeException e) {
                // promtool absent: the extension skips the class with the install hint
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant at(long secondsAfterT0) {
        return Instant.ofEpochSecond(T0 + secondsAfterT0);
    }

    @Test
    void instantQueryOfAGauge() {
        QueryResult.Vector v = client.query("up", at(600)).asVector();
        assertThat(v.asMap()).containsOnlyKeys(Labels.of("__name__", "up", "job", "api", "instance", "a:1"),
                Labels.of("__name__", "up", "job", "api", "instance", "b:1"));
        assertThat(v.valueOf(Labels.of("__name__", "up", "job", "api", "instance", "b:1"))).hasValue(0);
        assertThat(v.timestamp(0)).isEqualTo((T0 + 600) * 1000);
    }

    @Test
    void rangeQueryOfARate() {
        QueryResult.Matrix m = client.queryRange("rate(http_requests_total{code=\"200\"}[2m])", at(120), at(600),
                Duration.ofMinutes(2));
        Series s = m.single();
        assertThat(s.labels()).isEqualTo(Labels.of("job", "api", "code", "200"));
        assertThat(s.timestamps()).containsExactly((T0 + 120) * 1000, (T0 + 240) * 1000, (T0 + 360) * 1000,
                (T0 + 480) * 1000, (T0 + 600) * 1000);
        assertThat(s.values()).containsOnly(1.0);
    }

    @Test
    void rangeQueryWithMillisecondTimestamps() {
        Instant start = Instant.ofEpochMilli((T0 + 60) * 1000 + 250);
        Series s = client.queryRange("http_requests_total{code=\"500\"}", start, start.plusMillis(90_500),
                Duration.ofMillis(45_250)).single();
        assertThat(s.timestamps()).containsExactly((T0 + 60) * 1000 + 250, (T0 + 60) * 1000 + 45_500,
                (T0 + 60) * 1000 + 90_750);
        assertThat(s.values()).containsExactly(6, 6, 12);
    }

    @Test
    void specialValuesComeBackAsTheyAre() {
        QueryResult.Vector v = client.query("special", at(300)).asVector();
        assertThat(v.valueOf(Labels.of("__name__", "special", "kind", "nan")).getAsDouble()).isNaN();
        assertThat(v.valueOf(Labels.of("__name__", "special", "kind", "inf"))).hasValue(Double.POSITIVE_INFINITY);
        assertThat(v.valueOf(Labels.of("__name__", "special", "kind", "neginf"))).hasValue(Double.NEGATIVE_INFINITY);
        assertThat(v.valueOf(Labels.of("__name__", "special", "kind", "big"))).hasValue(1e8);
        assertThat(v.valueOf(Labels.of("__name__", "special", "kind", "small"))).hasValue(1.5e-7);
    }

    @Test
    void scalarAndStringResults() {
        assertThat(client.query("1 + 1.5", at(0)).asScalar().value()).isEqualTo(2.5);
        assertThat(client.query("\"hello\"", at(0))).isEqualTo(QueryResult.StringValue.of(T0 * 1000, "hello"));
        QueryResult.Matrix m = client.queryRange("scalar(up{instance=\"b:1\"})", at(240), at(300),
                Duration.ofMinutes(1));
        assertThat(m.single().values()).containsExactly(1, 0);
    }

    @Test
    void statsWhenAsked() {
        QueryResult r = client.query("http_requests_total", QueryOptions.defaults().time(at(600)).stats(true));
        assertThat(r.stats()).hasValueSatisfying(s -> assertThat(s.totalQueryableSamples()).isEqualTo(2));
    }

    @Test
    void seriesLabelNamesAndValues() {
        SeriesOptions window = SeriesOptions.defaults().start(at(0)).end(at(600));
        assertThat(client.series(List.of("up", "http_requests_total{code=\"500\"}"), window).series())
                .containsExactlyInAnyOrder(Labels.of("__name__", "up", "job", "api", "instance", "a:1"),
                        Labels.of("__name__", "up", "job", "api", "instance", "b:1"),
                        Labels.of("__name__", "http_requests_total", "job", "api", "code", "500"));
        assertThat(client.labelNames(List.of("special"), window).values()).containsExactly("__name__", "kind");
        assertThat(client.labelValues("kind", List.of(), window).values())
                .containsExactly("big", "inf", "nan", "neginf", "small");
        assertThat(client.labelValues("__name__", List.of(), window).values())
                .contains("http_requests_total", "special", "up");
    }

    @Test
    void asyncQuery() throws Exception {
        assertThat(client.queryAsync("sum(up)", QueryOptions.defaults().time(at(600))).get(10, TimeUnit.SECONDS)
                .asVector().single().value()).isEqualTo(1);
    }

    @Test
    void parseErrorIs400BadData() {
        assertThatThrownBy(() -> client.query("sum(up", at(0)))
                .isInstanceOf(PrometheusApiException.BadDataException.class)
                .satisfies(e -> {
                    PrometheusApiException p = (PrometheusApiException) e;
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errorType()).contains(ErrorType.BAD_DATA);
                    assertThat(p.serverMessage()).startsWith("invalid parameter \"query\": 1:7: parse error:");
                });
    }

    @Test
    void manyToManyIs422Execution() {
        assertThatThrownBy(() -> client.query("up * on(job) up", at(600)))
                .isInstanceOf(PrometheusApiException.QueryExecutionException.class)
                .satisfies(e -> {
                    PrometheusApiException p = (PrometheusApiException) e;
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.serverMessage()).contains("many-to-many matching not allowed");
                });
    }

    @Test
    void endpointsMissingIn242AreClearNotFoundErrors() {
        assertThatThrownBy(client::notifications)
                .isInstanceOf(PrometheusApiException.UnexpectedResponseException.class)
                .satisfies(e -> assertThat(((PrometheusApiException) e).status()).isEqualTo(404))
                .hasMessageStartingWith("no such endpoint or resource (check the base URL and path prefix);");
    }

    @Test
    void adminApiDisabled() {
        assertThatThrownBy(() -> client.snapshot(false))
                .isInstanceOf(PrometheusApiException.UnavailableException.class)
                .satisfies(e -> assertThat(((PrometheusApiException) e).serverMessage())
                        .isEqualTo("admin APIs disabled"));
    }

    @Test
    void featureDetectionKnowsThisIs242() {
        assertThat(client.features().version().map(Object::toString)).contains("2.42.0");
        assertThatThrownBy(() -> client.query("up", QueryOptions.defaults().lookbackDelta(Duration.ofMinutes(1))))
                .isInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void statusEndpoints() throws Exception {
        BuildInfo b = client.buildInfo();
        assertThat(b.version()).startsWith("2.42.0");
        assertThat(client.config()).contains("job_name: unreachable");
        assertThat(client.flags()).containsEntry("storage.tsdb.retention.time", "100y");
        assertThat(client.runtimeInfo().storageRetention()).isEqualTo("100y");
        long deadline = System.currentTimeMillis() + 10_000; // the alerting rule writes ALERTS into the head
        while (client.tsdbStatus(0).seriesCountByMetricName().stream().noneMatch(e -> e.name().equals("ALERTS"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        TsdbStatus tsdb = client.tsdbStatus(0);
        assertThat(tsdb.seriesCountByMetricName()).contains(new TsdbStatus.Entry("ALERTS", 1));
        assertThat(tsdb.headStats().numSeries()).isPositive();
        assertThat(client.walReplay().max()).isGreaterThanOrEqualTo(0);
        assertThat(client.formatQuery("sum  by(job)(up)")).isEqualTo("sum by (job) (up)");
    }

    @Test
    void targetsPoolsAndAlertmanagers() throws Exception {
        long deadline = System.currentTimeMillis() + 15_000; // discovery syncs every few seconds
        while (client.targets(Targets.State.ACTIVE).active().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Targets t = client.targets(Targets.State.ACTIVE);
        assertThat(t.active()).singleElement().satisfies(target -> {
            assertThat(target.scrapePool()).isEqualTo("unreachable");
            assertThat(target.scrapeUrl()).isEqualTo("http://127.0.0.1:1/metrics");
            assertThat(target.labels().get("job")).contains("unreachable");
        });
        assertThat(client.targets(Targets.State.DROPPED).active()).isEmpty();
        assertThat(client.scrapePools()).containsExactly("unreachable");
        assertThat(client.targetsMetadata("{job=\"unreachable\"}", "", 0)).isEmpty();
        assertThat(client.metadata("", 0)).isEmpty(); // nothing was scraped successfully
        while (client.alertmanagers().active().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(client.alertmanagers().active()).containsExactly("http://127.0.0.1:2/api/v2/alerts");
        assertThat(client.queryExemplars("up", at(0), at(600))).isEmpty();
    }

    @Test
    void rulesAndAlerts() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (client.alerts().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<Alert> alerts = client.alerts();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.labels().get("alertname")).contains("AlwaysFiring");
            assertThat(a.state()).isEqualTo("firing");
            assertThat(a.annotations().get("summary")).contains("always");
        });
        RuleGroup g = client.rules(RulesFilter.all()).groups().get(0);
        assertThat(g.name()).isEqualTo("demo");
        assertThat(g.interval()).isEqualTo(1);
        assertThat(g.rules()).extracting(RuleGroup.Rule::type).containsExactly("recording", "alerting");
        assertThat(g.rules().get(1).alerts()).hasSize(1);
        assertThat(client.rules(RulesFilter.all().type(RulesFilter.Type.RECORD)).groups().get(0).rules())
                .extracting(RuleGroup.Rule::name).containsExactly("job:up:sum");
    }
}
