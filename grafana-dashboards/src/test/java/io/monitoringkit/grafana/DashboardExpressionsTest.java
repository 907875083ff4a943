package io.monitoringkit.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.CrossCheckFinding;
import io.monitoringkit.metrics.CrossCheckReport;
import io.monitoringkit.metrics.ExpressionSource;
import io.monitoringkit.metrics.MetricCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checkout dashboards (src/test/resources/io/monitoringkit/grafana/crosscheck) against the checkout corpus of
 * monitoring-api (its exposition, the exporter's and the recording rules, read from that module's test resources).
 */
class DashboardExpressionsTest {

    private static final Path CORPUS = Path.of("../monitoring-api/src/test/resources/io/monitoringkit/metrics/crosscheck");
    private static final Path DASHBOARDS = Path.of("src/test/resources/io/monitoringkit/grafana/crosscheck");

    private static CrossCheck check() throws IOException {
        MetricCatalog c = MetricCatalog.from(ExpositionParser.parse(Files.readString(CORPUS.resolve("checkout.prom")),
                        ExpositionFormat.PROMETHEUS_TEXT))
                .plus(MetricCatalog.from(ExpositionParser.parse(Files.readString(
                        CORPUS.resolve("payments-exporter.om.txt")), ExpositionFormat.OPENMETRICS)));
        return CrossCheck.against(c).targetLabels("namespace");
    }

    private static List<ExpressionSource> sources(String... dashboards) throws IOException {
        List<ExpressionSource> s = new ArrayList<>(ExpressionSource.fromRules("checkout-rules.yml",
                Files.readString(CORPUS.resolve("checkout-rules.yml"))));
        for (String d : dashboards) {
            s.addAll(DashboardExpressions.of(d, Dashboards.read(Files.readString(DASHBOARDS.resolve(d)))));
        }
        return s;
    }

    @Test
    void everyPrometheusQueryOfTheDashboardBecomesASource() throws IOException {
        List<ExpressionSource> s = DashboardExpressions.of("checkout-clean.json",
                Dashboards.read(Files.readString(DASHBOARDS.resolve("checkout-clean.json"))));
        assertThat(s).extracting(ExpressionSource::location).containsExactly(
                "panel \"Requests by route\" (id 1), target A",
                "panel \"Error ratio\" (id 2), target A",
                "panel \"Error ratio\" (id 2), target B",
                "panel \"Latency\" (id 3), target A",
                "panel \"Latency\" (id 3), target B",
                "panel \"Orders per minute\" (id 5), target A",
                "panel \"Orders per minute\" (id 5), target B",
                "panel \"Gateway latency p99\" (id 6), target A",
                "panel \"Queues\" (id 7), target A",
                "panel \"Queues\" (id 7), target B",
                "panel \"JVM\" (id 8), target A",
                "panel \"JVM\" (id 8), target B",
                "panel \"JVM\" (id 8), target C",
                "panel \"Settlements (exporter)\" (id 9), target A",
                "panel \"Settlements (exporter)\" (id 9), target B",
                "panel \"Settlements (exporter)\" (id 9), target C",
                "annotation \"Restarts\", expr",
                "variable \"job\", query",
                "variable \"route\", query",
                "variable \"version\", query");
        assertThat(s.get(0).parsedText()).isEqualTo("sum by (route, code) (rate(http_server_requests_total"
                + "{job=\"var\", route=~\"var\"}[5m]))");
        assertThat(s.get(18).parsedText()).isEqualTo("group by (route) (http_server_requests_total{job=\"var\"})");
        assertThat(s.get(19).parsedText()).isEqualTo("count by (version) (checkout_build_info{job=~\"var\"})");
    }

    @Test
    void readsDashboardJsonAsExportedOrWrappedByTheApi() {
        String panel = "{\"title\": \"d\", \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"Up\", "
                + "\"targets\": [{\"refId\": \"A\", \"expr\": \"up\"}]}]}";
        assertThat(DashboardExpressions.fromJson("a.json", panel)).extracting(ExpressionSource::location)
                .containsExactly("panel \"Up\" (id 1), target A");
        assertThat(DashboardExpressions.fromJson("b.json", "{\"dashboard\": " + panel + ", \"overwrite\": true}"))
                .extracting(ExpressionSource::text).containsExactly("up");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DashboardExpressions.fromJson("c.json", "{"))
                .isInstanceOf(DashboardReadException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void theCleanDashboardHasNoFindings() throws IOException {
        CrossCheckReport r = check().check(sources("checkout-clean.json"));
        assertThat(r.format()).isEmpty();
        assertThat(r.expressions()).isEqualTo(26 + 20);
    }

    @Test
    void everyMistakeIsFoundAtItsPlaceInTheQueryAsWritten() throws IOException {
        CrossCheckReport r = check().check(sources("checkout-mistakes.json"));
        assertThat(r.format()).isEqualTo("""
                checkout-mistakes.json: panel "Requests" (id 1), target A 1:22: error [unknown-metric]: metric "http_requests_total" is not in the catalog; nearest names: http_server_requests_total
                checkout-mistakes.json: panel "Requests" (id 1), target B 1:61: error [unknown-label]: metric "http_server_requests_total" has no label "handler"; its labels are code, method, route, and the target labels instance, job, namespace
                checkout-mistakes.json: panel "Requests" (id 1), target C 1:54: warning [value-never-matches]: code="5xx" matches no value of label "code" of "http_server_requests" in the catalog; the values seen are "200", "404", "500", "503"
                checkout-mistakes.json: panel "Queue growth" (id 2), target A 2:3: error [rate-over-non-counter]: rate() needs a counter, but "checkout_queue_depth" is a gauge; use deriv() or delta() over a gauge
                checkout-mistakes.json: panel "Latency p99" (id 3), target A 1:1: error [histogram-quantile]: histogram_quantile() needs the "le" label of histogram buckets, but its argument keeps no labels; keep le in every aggregation, e.g. sum by (le, ...)
                checkout-mistakes.json: panel "Latency p99" (id 3), target B 1:31: error [histogram-quantile]: histogram_quantile() needs the _bucket series of a histogram, with their "le" label; "http_server_request_duration_seconds_count" is not the _bucket series of histogram "http_server_request_duration_seconds"
                checkout-mistakes.json: panel "Orders" (id 4), target A 1:14: error [counter-without-total]: counter "checkout_orders" is stored as "checkout_orders_total": Prometheus has no series "checkout_orders"
                checkout-mistakes.json: panel "Orders" (id 4), target B 1:28: error [unknown-label]: recorded series "job:checkout_orders:rate5m" has no label "payment_method"; its labels are job, outcome, slo, team (recorded by group "checkout-orders", record "job:checkout_orders:rate5m" in checkout-rules.yml)
                checkout-mistakes.json: panel "Orders" (id 4), target C 1:63: error [parse-error]: does not parse: unexpected <by> in aggregation
                checkout-mistakes.json: variable "handler", query 1:1: error [unknown-label]: group by (handler): its argument has no label "handler"; its labels are code, instance, job, method, namespace, route
                """);
    }

    /**
     * The dashboards grafana-dashboards' own tests build with the model and the DSL (typed PromQL, variables,
     * {@code $__rate_interval}), against a catalog of kube-state-metrics-like and application metrics they use.
     */
    @Test
    void dashboardsBuiltWithTheModelHaveNoFindings() {
        MetricCatalog catalog = MetricCatalog.of(
                io.monitoringkit.metrics.MetricDescriptor.counter("http_requests_total", "code", "method"),
                io.monitoringkit.metrics.MetricDescriptor.histogram("http_request_duration_seconds", "route"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("response_size_bytes", "route"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("kube_pod_info", "namespace", "pod", "node"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("kube_pod_status_ready", "namespace", "pod",
                        "condition"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("kube_deployment_status_observed_generation",
                        "namespace", "deployment"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("cpu"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("mem"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("x"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("a"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("b"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("c"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("d"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("e"));
        List<ExpressionSource> sources = new ArrayList<>();
        BuiltDashboardsTest.built().forEach(d -> sources.addAll(DashboardExpressions.of(d.title(), d)));
        CrossCheckReport r = CrossCheck.against(catalog).targetLabels("namespace").check(sources);
        assertThat(r.format()).isEmpty();
        assertThat(r.expressions()).isGreaterThan(20);
    }

    /**
     * The 20 real dashboards of the shared reference data (503 Prometheus queries, annotations and variables, with
     * every kind of template syntax): with every metric allowed, all of them parse after substitution and nothing
     * is reported.
     */
    @Test
    void realDashboardsParseAfterSubstitutionAndYieldNoFindings() throws IOException {
        String shared = System.getProperty("monitoringkit.shared");
        Path dir = shared == null ? null : Path.of(shared, "reference", "grafana", "dashboards");
        assumeTrue(dir != null && Files.isDirectory(dir), "reference dashboards absent (system property "
                + "monitoringkit.shared): skipping");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int expressions = 0;
        for (Path f : files) {
            Dashboard d = Dashboards.read(Files.readString(f));
            CrossCheckReport r = CrossCheck.against(MetricCatalog.of()).allow(".*")
                    .check(DashboardExpressions.of(f.getFileName().toString(), d));
            expressions += r.expressions();
            assertThat(r.format()).as(f.getFileName().toString()).isEmpty();
        }
        assertThat(files).hasSize(20);
        assertThat(expressions).isEqualTo(503);
        assertThat(CrossCheckFinding.Severity.ERROR.label()).isEqualTo("error");
    }
}
