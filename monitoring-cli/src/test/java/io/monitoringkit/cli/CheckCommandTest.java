package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mkit check} over the checkout corpus of monitoring-api and grafana-dashboards (read from their folders). */
class CheckCommandTest {

    private static final String CORPUS = "../monitoring-api/src/test/resources/io/monitoringkit/metrics/crosscheck/";
    private static final String DASHBOARDS = "../grafana-dashboards/src/test/resources/io/monitoringkit/grafana/crosscheck/";

    @Test
    void cleanArtifactsExitZeroWithNothingOnStandardOutput() {
        CliRun r = mkit("check", "--metrics", CORPUS + "checkout.prom", "--metrics", CORPUS + "payments-exporter.om.txt",
                "--target-label", "namespace", CORPUS + "checkout-rules.yml", DASHBOARDS + "checkout-clean.json");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("checked 46 expressions in 2 files: 0 errors, 0 warnings\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void findingsArePrintedOnePerLineSortedAndErrorsExitOne() {
        CliRun r = mkit("check", "--metrics", CORPUS + "checkout.prom", "--metrics", CORPUS + "payments-exporter.om.txt",
                "--target-label", "namespace", DASHBOARDS + "checkout-mistakes.json", CORPUS + "checkout-rules.yml",
                CORPUS + "checkout-prometheusrule.yaml");
        assertThat(r.out()).isEqualTo(DASHBOARDS + """
                checkout-mistakes.json: panel "Requests" (id 1), target A 1:22: error [unknown-metric]: metric "http_requests_total" is not in the catalog; nearest names: http_server_requests_total
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Requests" (id 1), target B 1:61: error [unknown-label]: metric "http_server_requests_total" has no label "handler"; its labels are code, method, route, and the target labels instance, job, namespace
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Requests" (id 1), target C 1:54: warning [value-never-matches]: code="5xx" matches no value of label "code" of "http_server_requests" in the catalog; the values seen are "200", "404", "500", "503"
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Queue growth" (id 2), target A 2:3: error [rate-over-non-counter]: rate() needs a counter, but "checkout_queue_depth" is a gauge; use deriv() or delta() over a gauge
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Latency p99" (id 3), target A 1:1: error [histogram-quantile]: histogram_quantile() needs the "le" label of histogram buckets, but its argument keeps no labels; keep le in every aggregation, e.g. sum by (le, ...)
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Latency p99" (id 3), target B 1:31: error [histogram-quantile]: histogram_quantile() needs the _bucket series of a histogram, with their "le" label; "http_server_request_duration_seconds_count" is not the _bucket series of histogram "http_server_request_duration_seconds"
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Orders" (id 4), target A 1:14: error [counter-without-total]: counter "checkout_orders" is stored as "checkout_orders_total": Prometheus has no series "checkout_orders"
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Orders" (id 4), target B 1:28: error [unknown-label]: recorded series "job:checkout_orders:rate5m" has no label "payment_method"; its labels are job, outcome, slo, team (recorded by group "checkout-orders", record "job:checkout_orders:rate5m" in ../monitoring-api/src/test/resources/io/monitoringkit/metrics/crosscheck/checkout-rules.yml)
                """ + DASHBOARDS + """
                checkout-mistakes.json: panel "Orders" (id 4), target C 1:63: error [parse-error]: does not parse: unexpected <by> in aggregation
                """ + DASHBOARDS + """
                checkout-mistakes.json: variable "handler", query 1:1: error [unknown-label]: group by (handler): its argument has no label "handler"; its labels are code, instance, job, method, namespace, route
                """ + CORPUS + """
                checkout-prometheusrule.yaml: group "checkout-slo-mistakes", alert "AvailabilityByRoute", expr 1:43: error [unknown-label]: recorded series "job:http_server_availability:ratio_rate1h" has no label "route"; its labels are job (recorded by group "checkout-slo", record "job:http_server_availability:ratio_rate1h" in ../monitoring-api/src/test/resources/io/monitoringkit/metrics/crosscheck/checkout-prometheusrule.yaml)
                """ + CORPUS + """
                checkout-prometheusrule.yaml: group "checkout-slo-mistakes", alert "SettlementsRate", expr 1:6: error [counter-without-total]: counter "payments_settlements" is stored as "payments_settlements_total": Prometheus has no series "payments_settlements"
                """ + CORPUS + """
                checkout-prometheusrule.yaml: group "checkout-slo-mistakes", alert "ExporterInfoRate", expr 1:1: error [rate-over-non-counter]: rate() needs a counter, but "payments_exporter_info" is an info metric
                """);
        assertThat(r.err()).isEqualTo("checked 42 expressions in 3 files: 12 errors, 1 warnings\n");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void warningsAloneExitZeroAndSeveritiesAndChecksAreConfigurable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.prom"), "# TYPE jobs_total counter\njobs_total{queue=\"a\"} 1\n");
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: QueueB
                        expr: rate(jobs_total{queue="b"}[5m]) > 0
                """);
        CliRun warn = mkit("check", "--metrics", dir.resolve("app.prom").toString(), rules.toString());
        assertThat(warn.out()).isEqualTo(rules + ": group \"g\", alert \"QueueB\", expr 1:23: warning "
                + "[value-never-matches]: queue=\"b\" matches no value of label \"queue\" of \"jobs\" in the catalog; "
                + "the values seen are \"a\"\n");
        assertThat(warn.exitCode()).isZero();
        Path metrics = Files.createDirectory(dir.resolve("metrics"));
        Files.copy(dir.resolve("app.prom"), metrics.resolve("app.prom"));
        Files.delete(dir.resolve("app.prom"));
        CliRun error = mkit("check", "--metrics", metrics.toString(), "--severity", "value-never-matches=error",
                dir.toString());
        assertThat(error.out()).contains("error [value-never-matches]");
        assertThat(error.err()).isEqualTo("checked 1 expressions in 1 files: 1 errors, 0 warnings\n");
        assertThat(error.exitCode()).isEqualTo(1);
        CliRun off = mkit("check", "--metrics", metrics.resolve("app.prom").toString(), "--disable",
                "value-never-matches", rules.toString());
        assertThat(off.out()).isEmpty();
        assertThat(off.exitCode()).isZero();
    }

    @Test
    void allowedMetricsAndTargetLabelsAreNotReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.prom"), "# TYPE jobs_total counter\njobs_total{queue=\"a\"} 1\n");
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: rate(jobs_total{pod="x"}[5m]) > 0 and on (instance) node_load1 > 4 and kube_pod_info
                """);
        CliRun r = mkit("check", "--metrics", dir.resolve("app.prom").toString(), rules.toString());
        assertThat(r.out()).isEqualTo(rules + ": group \"g\", alert \"A\", expr 1:17: error [unknown-label]: metric "
                + "\"jobs_total\" has no label \"pod\"; its labels are queue, and the target labels instance, job\n"
                + rules + ": group \"g\", alert \"A\", expr 1:53: error [unknown-metric]: metric \"node_load1\" is not "
                + "in the catalog; no similar name among its 1 series names\n"
                + rules + ": group \"g\", alert \"A\", expr 1:72: error [unknown-metric]: metric \"kube_pod_info\" is "
                + "not in the catalog; no similar name among its 1 series names\n");
        CliRun ok = mkit("check", "--metrics", dir.resolve("app.prom").toString(), "--target-label", "pod",
                "--allow", "node_load1", "--allow", "kube_.*", rules.toString());
        assertThat(ok.out()).isEmpty();
        assertThat(ok.exitCode()).isZero();
    }

    @Test
    void unreadableInputAndBadUsageExitTwo(@TempDir Path dir) throws IOException {
        Path prom = Files.writeString(dir.resolve("app.prom"), "# TYPE jobs_total counter\njobs_total 1\n");
        Path bad = Files.writeString(dir.resolve("bad.prom"), "jobs_total{ 1\n");
        Path invalid = Files.writeString(dir.resolve("rules.yml"), "groups:\n  - name: g\n    rules:\n      - alert: A\n");
        Path other = Files.writeString(dir.resolve("sm.yaml"), "kind: ServiceMonitor\n");
        assertThat(mkit("check", "--metrics", prom.toString(), dir.resolve("absent.yml").toString()))
                .satisfies(r -> {
                    assertThat(r.exitCode()).isEqualTo(2);
                    assertThat(r.err()).isEqualTo(dir.resolve("absent.yml") + ": cannot read: no such file\n");
                });
        assertThat(mkit("check", "--metrics", bad.toString(), invalid.toString()).err())
                .startsWith(bad + ": not an exposition (prometheus_text): ");
        CliRun r = mkit("check", "--metrics", prom.toString(), invalid.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(invalid + ": not a valid rule file:\n  " + invalid + ":4:");
        CliRun explicitOther = mkit("check", "--metrics", prom.toString(), other.toString());
        assertThat(explicitOther.exitCode()).isEqualTo(2);
        assertThat(explicitOther.err()).isEqualTo(other + ": neither a rule file nor a PrometheusRule manifest\n");
        Files.delete(invalid);
        CliRun walked = mkit("check", "--metrics", prom.toString(), dir.toString());
        assertThat(walked.exitCode()).isZero();
        assertThat(walked.err()).isEqualTo(other + ": neither a rule file nor a PrometheusRule manifest: skipped\n"
                + "checked 0 expressions in 0 files: 0 errors, 0 warnings\n");
        assertThat(mkit("check", "--metrics", prom.toString(), "--allow", "a(", prom.toString()).exitCode())
                .isEqualTo(2);
        assertThat(mkit("check", "--metrics", prom.toString(), "--severity", "nope=error", prom.toString()).err())
                .contains("\"nope\" is not a check; the checks are [parse-error, unknown-metric");
        assertThat(mkit("check", dir.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void scrapesAnApplicationByUrl(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: rate(jobs_totl[5m]) > 0
                """);
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.start();
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(200)
                    .setHeader("Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                    .body("# TYPE jobs counter\njobs_total 1\n# EOF\n").build());
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(503).body("down").build());
            String url = "http://127.0.0.1:" + server.getPort() + "/metrics";
            CliRun r = mkit("check", "--metrics", url, rules.toString());
            assertThat(r.out()).isEqualTo(rules + ": group \"g\", alert \"A\", expr 1:6: error [unknown-metric]: "
                    + "metric \"jobs_totl\" is not in the catalog; nearest names: jobs_total\n");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(server.takeRequest().getHeaders().get("Accept")).contains("application/openmetrics-text");
            CliRun down = mkit("check", "--metrics", url, rules.toString());
            assertThat(down.err()).isEqualTo(url + ": HTTP 503\n");
            assertThat(down.exitCode()).isEqualTo(2);
        }
    }
}
