package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checkout corpus (src/test/resources/io/monitoringkit/metrics/crosscheck): the service's exposition and an
 * exporter's, clean rules (recording-rule chains, group labels, label_replace, group_left) and the same kinds of
 * rules with one mistake each. Every finding is pinned; the clean files have none.
 */
class CrossCheckCorpusTest {

    static String resource(String name) {
        try (InputStream in = CrossCheckCorpusTest.class.getResourceAsStream("crosscheck/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource crosscheck/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checkout service's scrape plus the payments exporter's, as one catalog. */
    static MetricCatalog checkoutCatalog() {
        return MetricCatalog.from(ExpositionParser.parse(resource("checkout.prom"), ExpositionFormat.PROMETHEUS_TEXT))
                .plus(MetricCatalog.from(ExpositionParser.parse(resource("payments-exporter.om.txt"),
                        ExpositionFormat.OPENMETRICS)));
    }

    static CrossCheck check() {
        return CrossCheck.against(checkoutCatalog()).targetLabels("namespace");
    }

    static List<ExpressionSource> rules(String... files) {
        List<ExpressionSource> out = new ArrayList<>();
        for (String f : files) {
            out.addAll(ExpressionSource.fromRules(f, resource(f)));
        }
        return out;
    }

    @Test
    void theCleanRulesHaveNoFindings() {
        CrossCheckReport r = check().check(rules("checkout-rules.yml"));
        assertThat(r.format()).isEmpty();
        assertThat(r.expressions()).isEqualTo(26);
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void theCleanHalfOfThePrometheusRuleManifestHasNoFindings() {
        List<ExpressionSource> clean = rules("checkout-prometheusrule.yaml").stream()
                .filter(s -> s.location().startsWith("group \"checkout-slo\"")).toList();
        assertThat(clean).hasSize(2);
        assertThat(check().check(clean).findings()).isEmpty();
    }

    @Test
    void everyMistakeIsFoundWithItsPlaceAndWhatExistsInstead() {
        CrossCheckReport r = check().check(rules("checkout-rules.yml", "checkout-rules-mistakes.yml"));
        assertThat(r.format()).isEqualTo("""
                checkout-rules-mistakes.yml: group "mistakes-selectors", alert "MisspeltMetric", expr 1:10: error [unknown-metric]: metric "http_server_request_total" is not in the catalog; nearest names: http_server_requests_total
                checkout-rules-mistakes.yml: group "mistakes-selectors", alert "MisspeltLabel", expr 1:37: error [unknown-label]: metric "http_server_requests_total" has no label "status"; its labels are code, method, route, and the target labels instance, job, namespace
                checkout-rules-mistakes.yml: group "mistakes-selectors", alert "ValueNeverSeen", expr 1:43: warning [value-never-matches]: payment_method="creditcard" matches no value of label "payment_method" of "checkout_orders" in the catalog; the values seen are "card", "invoice", "paypal"
                checkout-rules-mistakes.yml: group "mistakes-selectors", alert "RegexMatchesNothing", expr 1:39: warning [value-never-matches]: code=~"6.." matches no value of label "code" of "http_server_requests" in the catalog; the values seen are "200", "404", "500", "503"
                checkout-rules-mistakes.yml: group "mistakes-selectors", alert "CounterWithoutTotal", expr 1:6: error [counter-without-total]: counter "checkout_orders" is stored as "checkout_orders_total": Prometheus has no series "checkout_orders"
                checkout-rules-mistakes.yml: group "mistakes-selectors", alert "HistogramByItsFamilyName", expr 1:1: error [unknown-metric]: histogram "http_server_request_duration_seconds" has no series named "http_server_request_duration_seconds" (a native histogram would; the catalog shows a classic one); its series are http_server_request_duration_seconds_bucket, http_server_request_duration_seconds_count, http_server_request_duration_seconds_sum
                checkout-rules-mistakes.yml: group "mistakes-selectors", alert "UpWithoutThatLabel", expr 1:4: error [unknown-label]: "up" (a series Prometheus adds for every target) has no label "service"; its labels are the target labels instance, job, namespace
                checkout-rules-mistakes.yml: group "mistakes-functions", alert "RateOverGauge", expr 1:1: error [rate-over-non-counter]: rate() needs a counter, but "checkout_queue_depth" is a gauge; use deriv() or delta() over a gauge
                checkout-rules-mistakes.yml: group "mistakes-functions", alert "RateOverQuantiles", expr 1:1: error [rate-over-non-counter]: rate() needs a counter, but "payment_gateway_latency_seconds" holds the quantiles of summary "payment_gateway_latency_seconds"; use payment_gateway_latency_seconds_count or payment_gateway_latency_seconds_sum
                checkout-rules-mistakes.yml: group "mistakes-functions", alert "DerivOverCounter", expr 1:1: warning [gauge-function-over-counter]: deriv() is meant for gauges, but "process_cpu_seconds_total" is a counter (its resets look like drops); use rate() or increase()
                checkout-rules-mistakes.yml: group "mistakes-functions", alert "QuantileOverSum", expr 1:31: error [histogram-quantile]: histogram_quantile() needs the _bucket series of a histogram, with their "le" label; "http_server_request_duration_seconds_sum" is not the _bucket series of histogram "http_server_request_duration_seconds"
                checkout-rules-mistakes.yml: group "mistakes-functions", alert "QuantileDropsLe", expr 1:1: error [histogram-quantile]: histogram_quantile() needs the "le" label of histogram buckets, but its argument keeps only route; keep le in every aggregation, e.g. sum by (le, ...)
                checkout-rules-mistakes.yml: group "mistakes-functions", alert "GroupByMissingLabel", expr 1:1: error [unknown-label]: sum by (stauts): its argument has no label "stauts"; its labels are code, instance, job, method, namespace, route
                checkout-rules-mistakes.yml: group "mistakes-recording", alert "LabelAggregatedAway", expr 1:33: error [unknown-label]: recorded series "job:http_server_requests:rate5m" has no label "route"; its labels are job (recorded by group "mistakes-recording", record "job:http_server_requests:rate5m" in checkout-rules-mistakes.yml)
                checkout-rules-mistakes.yml: group "mistakes-recording", record "job:http_server_requests:rate1h", expr 1:15: error [unknown-metric]: metric "job:http_server_request:rate5m" is not in the catalog; nearest names: job:http_server_requests:rate5m, job:http_server_requests:rate1h, route_code:http_server_requests:rate5m
                checkout-rules-mistakes.yml: group "mistakes-recording", alert "QuantileOverRecordedWithoutLe", expr 1:1: error [histogram-quantile]: histogram_quantile() needs the "le" label of histogram buckets, but its argument keeps only route; keep le in every aggregation, e.g. sum by (le, ...)
                checkout-rules-mistakes.yml: group "mistakes-recording", alert "LabelNotJoined", expr 1:44: error [unknown-label]: recorded series "instance:checkout_orders_by_version:rate5m" has no label "revision"; its labels are instance, job, namespace, outcome, payment_method, version (recorded by group "mistakes-recording", record "instance:checkout_orders_by_version:rate5m" in checkout-rules-mistakes.yml)
                """);
        assertThat(r.errors()).hasSize(14);
        assertThat(r.warnings()).hasSize(3);
        assertThat(r.findings()).extracting(CrossCheckFinding::check).containsOnly("unknown-metric", "unknown-label",
                "value-never-matches", "counter-without-total", "rate-over-non-counter",
                "gauge-function-over-counter", "histogram-quantile");
    }

    @Test
    void prometheusRuleManifestsAreCheckedDocumentByDocument() {
        CrossCheckReport r = check().check(rules("checkout-prometheusrule.yaml"));
        assertThat(r.format()).isEqualTo("""
                checkout-prometheusrule.yaml: group "checkout-slo-mistakes", alert "AvailabilityByRoute", expr 1:43: error [unknown-label]: recorded series "job:http_server_availability:ratio_rate1h" has no label "route"; its labels are job (recorded by group "checkout-slo", record "job:http_server_availability:ratio_rate1h" in checkout-prometheusrule.yaml)
                checkout-prometheusrule.yaml: group "checkout-slo-mistakes", alert "SettlementsRate", expr 1:6: error [counter-without-total]: counter "payments_settlements" is stored as "payments_settlements_total": Prometheus has no series "payments_settlements"
                checkout-prometheusrule.yaml: group "checkout-slo-mistakes", alert "ExporterInfoRate", expr 1:1: error [rate-over-non-counter]: rate() needs a counter, but "payments_exporter_info" is an info metric
                """);
    }

    /**
     * The valid PrometheusRule manifests of servicemonitor-builder's corpus (read from that module's folder; they
     * select only Prometheus' own {@code up}) have no finding against the checkout catalog.
     */
    @Test
    void theOtherModulesValidPrometheusRulesHaveNoFindings() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("../servicemonitor-builder/src/test/resources/corpus/valid");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir),
                "servicemonitor-builder's corpus is not next to this module: skipping");
        List<ExpressionSource> sources = new ArrayList<>();
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().startsWith("prometheusrule-"))
                    .sorted().toList()) {
                sources.addAll(ExpressionSource.fromRules(f.getFileName().toString(), java.nio.file.Files.readString(f)));
            }
        }
        assertThat(sources).hasSize(3);
        assertThat(check().check(sources).findings()).isEmpty();
    }

    @Test
    void recordedSeriesAreUnknownWithoutTheirRuleFile() {
        CrossCheckReport r = check().check(rules("checkout-rules.yml").stream()
                .filter(s -> s.location().contains("alert \"OrdersFailing\"")).toList());
        assertThat(r.format()).isEqualTo("checkout-rules.yml: group \"checkout-alerts\", alert \"OrdersFailing\", "
                + "expr 1:1: error [unknown-metric]: metric \"job:checkout_orders:rate5m\" is not in the catalog; "
                + "no similar name among its 21 series names\n");
    }

    @Test
    void withoutTheExportersCatalogItsMetricsAreUnknownUnlessAllowed() {
        MetricCatalog app = MetricCatalog.from(ExpositionParser.parse(resource("checkout.prom"),
                ExpositionFormat.PROMETHEUS_TEXT));
        List<ExpressionSource> rules = rules("checkout-rules.yml");
        assertThat(CrossCheck.against(app).targetLabels("namespace").check(rules).findings())
                .extracting(CrossCheckFinding::message).containsExactly(
                        "metric \"payments_settlements_total\" is not in the catalog; no similar name among its 15 "
                                + "series names",
                        "metric \"payments_batch_size_bytes_bucket\" is not in the catalog; no similar name among "
                                + "its 15 series names",
                        "metric \"payments_exporter_info\" is not in the catalog; no similar name among its 15 "
                                + "series names");
        assertThat(CrossCheck.against(app).targetLabels("namespace").allow("payments_.*").check(rules).findings())
                .isEmpty();
    }
}
