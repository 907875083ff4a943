package io.monitoringkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.http.RetryPolicy;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.ErrorType;
import io.monitoringkit.query.NativeHistogram;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.query.SeriesOptions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusClientTest {
    private final MockWebServer server = new MockWebServer();
    private PrometheusClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = PrometheusClient.builder("http://127.0.0.1:" + server.getPort())
                .retryPolicy(RetryPolicy.defaults().initialBackoff(Duration.ofMillis(1))).featureCheck(false).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse ok(String data) {
        return json(200, "{\"status\":\"success\",\"data\":" + data + "}");
    }

    private static String form(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    @Test
    void instantQueryIsAFormPostAndDecodesAVector() throws Exception {
        server.enqueue(json(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"up","job":"api","instance":"a:1"},"value":[1700000000.123,"1"]},
                  {"metric":{"job":"db"},"value":[1700000000.123,"NaN"]},
                  {"metric":{"job":"x"},"value":[1700000000.123,"+Inf"]},
                  {"metric":{"job":"y"},"value":[1700000000.123,"-Inf"]},
                  {"metric":{"job":"z"},"value":[1700000000.123,"1e+06"]}
                ]},"warnings":["w1"],"infos":["i1"],"somethingNew":{"x":[1,2]}}
                """));
        QueryResult.Vector v = client.query("up", QueryOptions.defaults().time(Instant.ofEpochMilli(1700000000123L))
                .timeout(Duration.ofMillis(1500)).stats(true)).asVector();
        assertThat(v.size()).isEqualTo(5);
        assertThat((Object) v.labels(0)).isEqualTo(Labels.of("__name__", "up", "job", "api", "instance", "a:1"));
        assertThat(v.timestamp(0)).isEqualTo(1700000000123L);
        assertThat(v.value(0)).isEqualTo(1.0);
        assertThat(v.value(1)).isNaN();
        assertThat(v.value(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(v.value(3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(v.value(4)).isEqualTo(1e6);
        assertThat(v.warnings()).containsExactly("w1");
        assertThat(v.infos()).containsExactly("i1");

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/query");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(form(r)).isEqualTo("query=up&time=1700000000.123&timeout=1.5&stats=all");
    }

    @Test
    void rangeQueryDecodesAMatrixIntoPrimitiveArrays() throws Exception {
        server.enqueue(ok("""
                {"resultType":"matrix","result":[
                  {"metric":{"job":"api"},"values":[[1435781430.781,"1"],[1435781445.781,"0.5"],[1435781460.781,"NaN"]]},
                  {"metric":{},"values":[[1435781430,"3"]]}
                ]}"""));
        QueryResult.Matrix m = client.queryRange("rate(x[5m])", Instant.ofEpochSecond(1435781430),
                Instant.ofEpochSecond(1435781460), Duration.ofSeconds(15));
        Series s = m.get(Labels.of("job", "api")).orElseThrow();
        assertThat(s.timestamps()).containsExactly(1435781430781L, 1435781445781L, 1435781460781L);
        assertThat(s.value(1)).isEqualTo(0.5);
        assertThat(s.value(2)).isNaN();
        assertThat(m.series().get(1).labels().isEmpty()).isTrue();
        assertThat(form(server.takeRequest()))
                .isEqualTo("query=rate%28x%5B5m%5D%29&start=1435781430&end=1435781460&step=15");
    }

    @Test
    void scalarsAndStrings() {
        server.enqueue(ok("{\"resultType\":\"scalar\",\"result\":[1700000000,\"2.5\"]}"));
        server.enqueue(ok("{\"resultType\":\"string\",\"result\":[1700000000.5,\"hello\"]}"));
        QueryResult.Scalar s = client.query("2.5").asScalar();
        assertThat(s.value()).isEqualTo(2.5);
        assertThat(s.timestamp()).isEqualTo(1700000000000L);
        QueryResult str = client.query("\"hello\"");
        assertThat(str).isEqualTo(QueryResult.StringValue.of(1700000000500L, "hello"));
    }

    @Test
    void nativeHistogramsInVectorsAndMatrices() {
        String h = """
                {"count":"10","sum":"32.5","buckets":[[0,"2","4","7"],[3,"-0.001","0.001","3"]]}""";
        server.enqueue(ok("{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"__name__\":\"h\"},\"histogram\":[1700000000,"
                + h + "]}]}"));
        server.enqueue(ok("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"h\"},"
                + "\"values\":[[1700000000,\"1\"]],\"histograms\":[[1700000015," + h + "]]}]}"));
        NativeHistogram expected = new NativeHistogram(10, 32.5, List.of(
                new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.OPEN_LEFT, 2, 4, 7),
                new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.CLOSED_BOTH, -0.001, 0.001, 3)));
        QueryResult.Vector v = client.query("h").asVector();
        assertThat(v.size()).isZero();
        assertThat(v.histogramSamples().get(0).histogram()).isEqualTo(expected);
        Series s = client.queryRange("h", Instant.ofEpochSecond(0), Instant.ofEpochSecond(1), Duration.ofSeconds(1))
                .single();
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.histogramTimestamp(0)).isEqualTo(1700000015000L);
        assertThat(s.histogram(0)).isEqualTo(expected);
    }

    @Test
    void statsAreDecodedWhenAskedFor() {
        server.enqueue(ok("""
                {"resultType":"vector","result":[],"stats":{"timings":{"evalTotalTime":0.5,"execQueueTime":1e-05},
                 "samples":{"totalQueryableSamples":42,"peakSamples":7,"totalQueryableSamplesPerStep":[[1,2]]}}}"""));
        QueryResult r = client.query("up", QueryOptions.defaults().stats(true));
        assertThat(r.stats()).hasValueSatisfying(st -> {
            assertThat(st.totalQueryableSamples()).isEqualTo(42);
            assertThat(st.peakSamples()).isEqualTo(7);
            assertThat(st.timings()).containsEntry("evalTotalTime", 0.5).containsEntry("execQueueTime", 1e-5);
        });
    }

    @Test
    void fallsBackToGetOn405AndRemembers() throws Exception {
        server.enqueue(new MockResponse.Builder().code(405).body("Method Not Allowed").build());
        server.enqueue(ok("{\"resultType\":\"vector\",\"result\":[]}"));
        server.enqueue(ok("[\"a\"]"));
        assertThat(client.query("up{job=\"a b\"}").asVector().isEmpty()).isTrue();
        assertThat(client.labelNames().values()).containsExactly("a");
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        RecordedRequest get = server.takeRequest();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().queryParameter("query")).isEqualTo("up{job=\"a b\"}");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void fallsBackToGetOn501Asynchronously() throws Exception {
        server.enqueue(new MockResponse.Builder().code(501).build());
        server.enqueue(ok("{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}"));
        assertThat(client.queryAsync("1", QueryOptions.defaults()).get(5, TimeUnit.SECONDS).asScalar().value())
                .isEqualTo(1);
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void seriesLabelsAndLabelValues() throws Exception {
        server.enqueue(ok("[{\"__name__\":\"up\",\"job\":\"api\"},{\"__name__\":\"up\",\"job\":\"db\"}]"));
        server.enqueue(ok("[\"__name__\",\"job\"]"));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":[\"api\",\"db\"],\"warnings\":[\"results truncated due to limit\"]}"));
        SeriesOptions window = SeriesOptions.defaults().start(Instant.ofEpochSecond(10)).end(Instant.ofEpochSecond(20));
        assertThat(client.series(List.of("up", "{job=\"api\"}"), window).series())
                .containsExactly(Labels.of("__name__", "up", "job", "api"), Labels.of("__name__", "up", "job", "db"));
        assertThat(client.labelNames(List.of("up"), SeriesOptions.defaults()).values()).containsExactly("__name__", "job");
        var values = client.labelValues("job", List.of(), SeriesOptions.defaults().limit(2));
        assertThat(values.values()).containsExactly("api", "db");
        assertThat(values.warnings()).containsExactly("results truncated due to limit");

        assertThat(form(server.takeRequest())).isEqualTo("match%5B%5D=up&match%5B%5D=%7Bjob%3D%22api%22%7D&start=10&end=20");
        assertThat(form(server.takeRequest())).isEqualTo("match%5B%5D=up");
        RecordedRequest lv = server.takeRequest();
        assertThat(lv.getMethod()).isEqualTo("GET");
        assertThat(lv.getUrl().encodedPath()).isEqualTo("/api/v1/label/job/values");
        assertThat(lv.getUrl().queryParameter("limit")).isEqualTo("2");
    }

    @Test
    void utf8LabelNamesAreEscapedInThePath() throws Exception {
        server.enqueue(ok("[]"));
        client.labelValues("http.status_code");
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v1/label/U__http_2e_status__code/values");
    }

    @Test
    void validatesArgumentsBeforeSending() {
        Instant t = Instant.ofEpochSecond(100);
        assertThatThrownBy(() -> client.queryRange("up", t, t.minusSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end 1970-01-01T00:01:39Z is before start 1970-01-01T00:01:40Z");
        assertThatThrownBy(() -> client.queryRange("up", t, t, Duration.ZERO))
                .hasMessage("PT0S is not a valid step; it must be positive");
        assertThatThrownBy(() -> client.queryRange("up", t, t, Duration.ofSeconds(1), QueryOptions.defaults().time(t)))
                .hasMessage("the time option is for instant queries; a range query takes start, end and step");
        assertThatThrownBy(() -> client.series(List.of()))
                .hasMessage("series needs at least one series selector (match[])");
        assertThatThrownBy(() -> client.series(List.of("up", " ")))
                .hasMessage("matchers[1] is empty; expected a series selector");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void apiErrorsAreTypedAndKeepTheServerMessage() {
        server.enqueue(json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unclosed left parenthesis\"}"));
        server.enqueue(json(422, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query timed out in expression evaluation\"}"));
        server.enqueue(json(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"));
        server.enqueue(json(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"));
        server.enqueue(json(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"));
        String base = "http://127.0.0.1:" + server.getPort();
        assertThatThrownBy(() -> client.query("sum("))
                .isInstanceOf(PrometheusApiException.BadDataException.class)
                .hasMessage("bad_data: 1:5: parse error: unclosed left parenthesis (HTTP 400 from POST " + base
                        + "/api/v1/query)")
                .satisfies(e -> {
                    PrometheusApiException p = (PrometheusApiException) e;
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errorType()).contains(ErrorType.BAD_DATA);
                    assertThat(p.serverMessage()).isEqualTo("1:5: parse error: unclosed left parenthesis");
                });
        assertThatThrownBy(() -> client.query("x"))
                .isInstanceOf(PrometheusApiException.QueryExecutionException.class)
                .satisfies(e -> assertThat(((PrometheusApiException.QueryExecutionException) e).isTimeout()).isTrue());
        assertThatThrownBy(() -> client.query("x"))
                .isInstanceOf(PrometheusApiException.QueryTimeoutException.class)
                .hasMessageStartingWith("timeout: query timed out (HTTP 503 from POST ");
        assertThat(server.getRequestCount()).isEqualTo(5); // the 503 was retried (3 attempts), 400 and 422 not
    }

    @Test
    void featureDetectionRefusesWhatTheServerWouldIgnore() throws Exception {
        try (PrometheusClient checked = PrometheusClient.builder("http://127.0.0.1:" + server.getPort()).build()) {
            server.enqueue(ok("{\"version\":\"2.42.0+ds\",\"revision\":\"r\",\"branch\":\"b\",\"buildUser\":\"u\","
                    + "\"buildDate\":\"d\",\"goVersion\":\"go1.19\"}"));
            assertThatThrownBy(() -> checked.query("up", QueryOptions.defaults().lookbackDelta(Duration.ofMinutes(1))))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("lookback_delta needs Prometheus 2.43.0 or later; the server is 2.42.0 and would "
                            + "silently ignore it (turn the check off with featureCheck(false))");
            assertThatThrownBy(() -> checked.series(List.of("up"), SeriesOptions.defaults().limit(5)))
                    .hasMessageStartingWith("limit on series, labels and label values needs Prometheus 2.51.0");
            assertThat(checked.features().version().map(Object::toString)).contains("2.42.0");
            assertThat(server.getRequestCount()).isEqualTo(1); // buildinfo asked once
        }
        try (PrometheusClient checked = PrometheusClient.builder("http://127.0.0.1:" + server.getPort()).build()) {
            server.enqueue(ok("{\"version\":\"3.5.0\"}"));
            server.enqueue(ok("{\"resultType\":\"vector\",\"result\":[]}"));
            checked.query("up", QueryOptions.defaults().lookbackDelta(Duration.ofSeconds(90)).limit(10));
            server.takeRequest();
            server.takeRequest();
            assertThat(form(server.takeRequest())).isEqualTo("query=up&limit=10&lookback_delta=90");
        }
        try (PrometheusClient mimir = PrometheusClient.builder("http://127.0.0.1:" + server.getPort()).build()) {
            server.enqueue(ok("{\"application\":\"Grafana Mimir\",\"version\":\"2.10.0\"}"));
            server.enqueue(ok("{\"resultType\":\"vector\",\"result\":[]}"));
            mimir.query("up", QueryOptions.defaults().lookbackDelta(Duration.ofSeconds(90)));
            assertThat(mimir.features().version()).isEmpty();
        }
    }

    @Test
    void tenantsPathPrefixesAndExtraParams() throws Exception {
        try (PrometheusClient mimir = PrometheusClient.builder("http://127.0.0.1:" + server.getPort())
                .pathPrefix("/prometheus").tenant("team-a").build();
                PrometheusClient vm = PrometheusClient.builder("http://127.0.0.1:" + server.getPort())
                        .pathPrefix("/select/0/prometheus").extraParams(ExtraParams.none().extraLabel("env", "prod"))
                        .build();
                PrometheusClient thanos = PrometheusClient.builder("http://127.0.0.1:" + server.getPort())
                        .thanosTenant("t1").build()) {
            for (int i = 0; i < 4; i++) {
                server.enqueue(ok("{\"resultType\":\"vector\",\"result\":[]}"));
            }
            mimir.query("up");
            mimir.withHeader("X-Scope-OrgID", "team-b").query("up");
            vm.query("up");
            thanos.withExtraParams(ExtraParams.none().dedup(true).partialResponse(false).maxSourceResolution("5m"))
                    .query("up");
            RecordedRequest a = server.takeRequest();
            assertThat(a.getUrl().encodedPath()).isEqualTo("/prometheus/api/v1/query");
            assertThat(a.getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
            assertThat(server.takeRequest().getHeaders().get("X-Scope-OrgID")).isEqualTo("team-b");
            RecordedRequest v = server.takeRequest();
            assertThat(v.getUrl().encodedPath()).isEqualTo("/select/0/prometheus/api/v1/query");
            assertThat(form(v)).isEqualTo("query=up&extra_label=env%3Dprod");
            RecordedRequest t = server.takeRequest();
            assertThat(t.getHeaders().get("THANOS-TENANT")).isEqualTo("t1");
            assertThat(form(t)).isEqualTo("query=up&dedup=true&partial_response=false&max_source_resolution=5m");
        }
    }

    @Test
    void asyncQueriesCompleteAndCancelTheCall() throws Exception {
        server.enqueue(ok("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"2\"]]}]}"));
        CompletableFuture<QueryResult.Matrix> f = client.queryRangeAsync("x", Instant.ofEpochSecond(1),
                Instant.ofEpochSecond(1), Duration.ofSeconds(1), QueryOptions.defaults());
        assertThat(f.get(5, TimeUnit.SECONDS).single().value(0)).isEqualTo(2);

        server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).build());
        CompletableFuture<QueryResult> slow = client.queryAsync("x", QueryOptions.defaults());
        server.takeRequest(5, TimeUnit.SECONDS);
        slow.cancel(true);
        assertThat(slow).isCancelled();
        long deadline = System.currentTimeMillis() + 5000;
        var dispatcher = client.transport().okHttpClient().dispatcher();
        while (dispatcher.runningCallsCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(dispatcher.runningCallsCount()).isZero();
    }

    @Test
    void asyncErrorsAreTheSameTypedExceptions() {
        server.enqueue(json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"bad\"}"));
        CompletableFuture<QueryResult> f = client.queryAsync("(", QueryOptions.defaults());
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(
                PrometheusApiException.BadDataException.class);
    }

    @Test
    void statusEndpoints() throws Exception {
        server.enqueue(ok("{\"yaml\":\"global:\\n  scrape_interval: 15s\\n\"}"));
        server.enqueue(ok("{\"web.enable-admin-api\":\"false\",\"query.lookback-delta\":\"5m\"}"));
        server.enqueue(ok("{\"startTime\":\"2024-01-01T00:00:00Z\",\"CWD\":\"/\",\"reloadConfigSuccess\":true,"
                + "\"lastConfigTime\":\"2024-01-01T00:00:00Z\",\"corruptionCount\":0,\"goroutineCount\":42,"
                + "\"GOMAXPROCS\":2,\"GOGC\":\"\",\"GODEBUG\":\"\",\"storageRetention\":\"15d\"}"));
        server.enqueue(ok("{\"headStats\":{\"numSeries\":3,\"numLabelPairs\":5,\"chunkCount\":4,\"minTime\":1000,"
                + "\"maxTime\":2000},\"seriesCountByMetricName\":[{\"name\":\"up\",\"value\":3}],"
                + "\"labelValueCountByLabelName\":[],\"memoryInBytesByLabelName\":[],\"seriesCountByLabelValuePair\":[]}"));
        server.enqueue(ok("{\"min\":0,\"max\":3,\"current\":3,\"state\":\"done\"}"));
        server.enqueue(ok("[{\"text\":\"Configuration reload has failed.\",\"date\":\"2024-10-07T12:33:08Z\",\"active\":true}]"));
        server.enqueue(ok("\"sum by (job) (\\n  up\\n)\""));
        server.enqueue(ok("{\"type\":\"vectorSelector\",\"name\":\"up\",\"matchers\":[{\"type\":\"=\",\"name\":\"__name__\",\"value\":\"up\"}],\"offset\":0}"));
        assertThat(client.config()).isEqualTo("global:\n  scrape_interval: 15s\n");
        assertThat(client.flags()).containsEntry("query.lookback-delta", "5m");
        RuntimeInfo ri = client.runtimeInfo();
        assertThat(ri.storageRetention()).isEqualTo("15d");
        assertThat(ri.goroutineCount()).isEqualTo(42);
        assertThat(ri.fields()).containsEntry("GOMAXPROCS", 2L);
        TsdbStatus ts = client.tsdbStatus(5);
        assertThat(ts.headStats()).isEqualTo(new TsdbStatus.HeadStats(3, 5, 4, 1000, 2000));
        assertThat(ts.seriesCountByMetricName()).containsExactly(new TsdbStatus.Entry("up", 3));
        assertThat(client.walReplay()).isEqualTo(new WalReplayStatus(0, 3, 3, "done"));
        assertThat(client.notifications()).containsExactly(
                new Notification("Configuration reload has failed.", "2024-10-07T12:33:08Z", true));
        assertThat(client.formatQuery("sum by(job)(up)")).isEqualTo("sum by (job) (\n  up\n)");
        assertThat(client.parseQuery("up")).isEqualTo("{\"type\":\"vectorSelector\",\"name\":\"up\",\"matchers\":"
                + "[{\"type\":\"=\",\"name\":\"__name__\",\"value\":\"up\"}],\"offset\":0}");
        for (int i = 0; i < 3; i++) {
            server.takeRequest();
        }
        assertThat(server.takeRequest().getUrl().queryParameter("limit")).isEqualTo("5");
    }

    @Test
    void rulesWithTheNewerFiltersAndPagination() throws Exception {
        server.enqueue(ok("""
                {"groups":[{"name":"node","file":"/etc/rules.yml","interval":30,"limit":0,"evaluationTime":0.001,
                  "lastEvaluation":"2024-01-01T00:00:00Z","rules":[
                  {"state":"firing","name":"Down","query":"up == 0","duration":300,"keepFiringFor":60,
                   "labels":{"severity":"page"},"annotations":{"summary":"down"},"alerts":[
                     {"labels":{"alertname":"Down"},"annotations":{"summary":"down"},"state":"firing",
                      "activeAt":"2024-01-01T00:00:00Z","value":"0e+00"}],
                   "health":"ok","evaluationTime":0.0005,"lastEvaluation":"2024-01-01T00:00:00Z","type":"alerting"},
                  {"name":"job:up:sum","query":"sum by (job) (up)","health":"ok","type":"recording"}]}],
                 "groupNextToken":"abc"}"""));
        RulesResult r = client.rules(RulesFilter.all().type(RulesFilter.Type.ALERT).ruleNames("Down")
                .ruleGroups("node").files("/etc/rules.yml").matchers("{severity=\"page\"}").excludeAlerts(false)
                .groupLimit(1));
        RuleGroup g = r.groups().get(0);
        assertThat(g.interval()).isEqualTo(30);
        RuleGroup.Rule alerting = g.rules().get(0);
        assertThat(alerting.duration()).isEqualTo(300);
        assertThat(alerting.keepFiringFor()).isEqualTo(60);
        assertThat(alerting.alerts()).hasSize(1);
        assertThat(alerting.alerts().get(0).value()).isEqualTo("0e+00");
        assertThat(g.rules().get(1).type()).isEqualTo("recording");
        assertThat(r.groupNextToken()).contains("abc");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().query()).isEqualTo("type=alert&rule_name[]=Down&rule_group[]=node"
                + "&file[]=/etc/rules.yml&match[]={severity=\"page\"}&group_limit=1");
    }

    @Test
    void targetsMetadataAlertsAndExemplars() throws Exception {
        server.enqueue(ok("""
                {"activeTargets":[{"discoveredLabels":{"__address__":"a:1"},"labels":{"job":"api"},
                  "scrapePool":"api","scrapeUrl":"http://a:1/metrics","globalUrl":"http://a:1/metrics",
                  "lastError":"","lastScrape":"2024-01-01T00:00:00Z","lastScrapeDuration":0.05,"health":"up",
                  "scrapeInterval":"15s","scrapeTimeout":"10s"}],
                 "droppedTargets":[{"discoveredLabels":{"__address__":"b:1"}}],"droppedTargetCounts":{"api":1}}"""));
        server.enqueue(ok("[{\"target\":{\"job\":\"api\"},\"metric\":\"up\",\"type\":\"gauge\",\"help\":\"h\",\"unit\":\"\"}]"));
        server.enqueue(ok("{\"http_requests_total\":[{\"type\":\"counter\",\"help\":\"Requests.\",\"unit\":\"\"}]}"));
        server.enqueue(ok("{\"alerts\":[{\"labels\":{\"alertname\":\"A\"},\"annotations\":{},\"state\":\"pending\","
                + "\"activeAt\":\"2024-01-01T00:00:00Z\",\"value\":\"1e+00\"}]}"));
        server.enqueue(ok("{\"activeAlertmanagers\":[{\"url\":\"http://am:9093/api/v2/alerts\"}],\"droppedAlertmanagers\":[]}"));
        server.enqueue(ok("{\"scrapePools\":[\"api\",\"db\"]}"));
        server.enqueue(ok("[{\"seriesLabels\":{\"__name__\":\"m\"},\"exemplars\":[{\"labels\":{\"trace_id\":\"abc\"},"
                + "\"value\":\"6\",\"timestamp\":1600096945.479}]}]"));
        Targets t = client.targets(Targets.State.ANY, "api");
        assertThat((Object) t.active().get(0).labels()).isEqualTo(Labels.of("job", "api"));
        assertThat(t.active().get(0).lastScrapeDuration()).isEqualTo(0.05);
        assertThat(t.dropped().get(0).discoveredLabels().get("__address__")).contains("b:1");
        assertThat(t.droppedTargetCounts()).isEqualTo(Map.of("api", 1L));
        assertThat((Object) client.targetsMetadata("{job=\"api\"}", "up", 1).get(0).target()).isEqualTo(Labels.of("job", "api"));
        assertThat(client.metadata("", 0).get("http_requests_total").get(0).type()).isEqualTo("counter");
        assertThat(client.alerts().get(0).state()).isEqualTo("pending");
        assertThat(client.alertmanagers().active()).containsExactly("http://am:9093/api/v2/alerts");
        assertThat(client.scrapePools()).containsExactly("api", "db");
        Exemplars ex = client.queryExemplars("m", Instant.ofEpochSecond(0), Instant.ofEpochSecond(1)).get(0);
        assertThat(ex.exemplars().get(0)).isEqualTo(new Exemplars.Exemplar(Labels.of("trace_id", "abc"), 6,
                1600096945479L));
        assertThat(server.takeRequest().getUrl().encodedQuery()).isEqualTo("state=any&scrapePool=api");
        assertThat(server.takeRequest().getUrl().query()).isEqualTo("match_target={job=\"api\"}&metric=up&limit=1");
    }

    @Test
    void adminEndpoints() throws Exception {
        server.enqueue(ok("{\"name\":\"20171210T211224Z-2be650b6d019eb54\"}"));
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(json(503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"admin APIs disabled\"}"));
        assertThat(client.snapshot(true)).isEqualTo("20171210T211224Z-2be650b6d019eb54");
        client.deleteSeries(List.of("up{job=\"x\"}"), Instant.ofEpochSecond(1), Instant.ofEpochSecond(2));
        client.cleanTombstones();
        assertThatThrownBy(client::cleanTombstones).isInstanceOf(PrometheusApiException.UnavailableException.class)
                .hasMessageStartingWith("unavailable: admin APIs disabled (HTTP 503 from POST");
        RecordedRequest snap = server.takeRequest();
        assertThat(snap.getMethod()).isEqualTo("POST");
        assertThat(form(snap)).isEqualTo("skip_head=true");
        assertThat(form(server.takeRequest())).isEqualTo("match%5B%5D=up%7Bjob%3D%22x%22%7D&start=1&end=2");
        assertThat(server.getRequestCount()).isEqualTo(4); // admin POSTs are not retried
    }

    @Test
    void toStringNeverShowsTheToken() {
        try (PrometheusClient c = PrometheusClient.builder("http://127.0.0.1:1")
                .bearerToken(io.monitoringkit.http.Secret.of("very-secret-token")).tenant("t").build()) {
            assertThat(c.toString()).doesNotContain("very-secret-token").contains("X-Scope-OrgID=t");
        }
    }
}
