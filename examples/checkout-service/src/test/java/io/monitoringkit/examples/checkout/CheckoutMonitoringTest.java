package io.monitoringkit.examples.checkout;

import io.monitoringkit.alertmanager.Routing;
import io.monitoringkit.grafana.DashboardExpressions;
import io.monitoringkit.grafana.DashboardLinter;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.CrossCheckReport;
import io.monitoringkit.metrics.ExpressionSource;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.operator.ManifestCheck;
import io.monitoringkit.operator.Manifests;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RuleCheck;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.test.Scrape;
import io.monitoringkit.testkit.Amtool;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The monitoring as code is valid for every tool that will read it, and agrees with what the service exposes. */
class CheckoutMonitoringTest {

    /** Written by the monitoring-maven-plugin in this module's build (process-classes), before the tests run. */
    static final Path GENERATED = Path.of("target/monitoring");

    @Test
    void rulesPassMkitRulesCheckForPrometheus242AndTheNewest() {
        String yaml = CheckoutMonitoring.rules().toYaml();
        for (String version : List.of("2.42", RuleFiles.DEFAULT_VERSION)) {
            RuleCheck check = RuleFiles.check(yaml, "checkout.rules.yml", version);
            assertThat(check.problems()).as(version).isEmpty();
            assertThat(check.ruleCount()).isEqualTo(11);
        }
    }

    @Test
    void burnRateAlertsAreTheSreWorkbooksMultiWindowPair() {
        var alerts = CheckoutMonitoring.rules().groups().get(1).rules().stream()
                .filter(AlertingRule.class::isInstance).map(AlertingRule.class::cast).toList();
        assertThat(alerts).extracting(AlertingRule::alert).containsExactly(
                "CheckoutHighErrorRatio", "CheckoutHighLatency", "CheckoutErrorBudgetFastBurn",
                "CheckoutErrorBudgetSlowBurn");
        assertThat(alerts.get(2).expr().toString()).isEqualTo("job:slo_errors_per_request:ratio_rate1h > 14.4 * 0.001"
                + " and job:slo_errors_per_request:ratio_rate5m > 14.4 * 0.001");
        assertThat(alerts.get(3).expr().toString()).isEqualTo("job:slo_errors_per_request:ratio_rate6h > 6 * 0.001"
                + " and job:slo_errors_per_request:ratio_rate30m > 6 * 0.001");
        assertThat(alerts.get(2).labels()).containsEntry("severity", "page");
        assertThat(alerts.get(3).labels()).containsEntry("severity", "ticket");
        assertThat(alerts).allSatisfy(a -> assertThat(a.forDuration()).isEqualTo(CheckoutMonitoring.FOR));
    }

    @Test
    void manifestsValidateAndCarryTheReleaseLabel() {
        List<ManifestCheck> checks = Manifests.check(Manifests.toYaml(CheckoutMonitoring.serviceMonitor(),
                CheckoutMonitoring.prometheusRule()));
        assertThat(checks).extracting(ManifestCheck::subject)
                .containsExactly("ServiceMonitor/checkout", "PrometheusRule/checkout-rules");
        assertThat(checks).allSatisfy(c -> assertThat(c.violations()).isEmpty());
        assertThat(CheckoutMonitoring.serviceMonitor().getMetadata().getLabels())
                .containsEntry("release", CheckoutMonitoring.RELEASE);
        assertThat(CheckoutMonitoring.prometheusRule().getMetadata().getLabels())
                .containsEntry("release", CheckoutMonitoring.RELEASE);
    }

    @Test
    void dashboardIsLintCleanAndShipsAsASidecarConfigMap() {
        assertThat(DashboardLinter.defaults().lint(CheckoutMonitoring.dashboard()).findings()).isEmpty();
        var cm = CheckoutMonitoring.dashboardConfigMap();
        assertThat(cm.name()).isEqualTo("grafana-dashboard-checkout-red");
        assertThat(cm.labels()).containsEntry("grafana_dashboard", "1");
        assertThat(cm.annotations()).containsEntry("grafana_folder", "Shop");
        assertThat(cm.json()).contains("[$__rate_interval]").contains("namespace=\\\"$namespace\\\"");
    }

    @Test
    void alertmanagerRoutesPagesToThePagerAndTicketsToTheQueue() {
        assertThat(CheckoutMonitoring.alertmanager().validate()).isEmpty();
        Routing routing = Routing.of(CheckoutMonitoring.alertmanager());
        assertThat(routing.receivers(Map.of("alertname", "CheckoutErrorBudgetFastBurn", "severity", "page")))
                .containsExactly("checkout-pager");
        assertThat(routing.receivers(Map.of("alertname", "CheckoutHighLatency", "severity", "ticket")))
                .containsExactly("checkout-tickets");
        assertThat(routing.receivers(Map.of("alertname", "Watchdog"))).containsExactly("checkout-chat");
    }

    @Test
    void metricRefsRejectWhatTheServiceDoesNotExpose() {
        assertThatThrownBy(() -> CheckoutMonitoring.IN_FLIGHT.rate(io.monitoringkit.promql.PromQL.minutes(5)))
                .hasMessage("rate() needs a counter, but \"http_requests_in_flight\" is a gauge; use deriv() or"
                        + " delta() over a gauge");
        assertThatThrownBy(() -> CheckoutMonitoring.REQUESTS.where(io.monitoringkit.promql.PromQL.label("status")
                .eq("500"))).hasMessageContaining("has no label \"status\"");
    }

    @Test
    void everyQueryMatchesWhatTheRunningServiceReallyExposes() throws Exception {
        try (CheckoutService service = CheckoutService.start(0)) {
            HttpClient http = HttpClient.newHttpClient();
            service.faults().errorRatio(0.5);
            for (String path : List.of("/products", "/products", "/products/p-1", "/health")) {
                http.send(HttpRequest.newBuilder(service.url().resolve(path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(service.url().resolve("/checkout"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"product\":\"p-1\",\"quantity\":1}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            MetricCatalog exposed = MetricCatalog.from(Scrape.of(service.url().resolve("/metrics").toString())
                    .exposition());

            List<ExpressionSource> sources = new ArrayList<>(ExpressionSource.fromRules("checkout.rules.yml",
                    CheckoutMonitoring.rules().toYaml()));
            sources.addAll(DashboardExpressions.of("checkout-red.json", CheckoutMonitoring.dashboard()));
            CrossCheckReport report = CrossCheck.against(exposed).targetLabels("namespace", "pod").check(sources);

            assertThat(report.findings()).as(report.format()).isEmpty();
            assertThat(report.expressions()).isEqualTo(11 + 8);
        }
    }

    @Test
    void thePluginWroteEveryArtifactAsTheModelsRenderThem() throws Exception {
        assertThat(Files.readString(GENERATED.resolve("rules/checkout.rules.yml")))
                .isEqualTo(CheckoutMonitoring.rules().toYaml());
        assertThat(Files.readString(GENERATED.resolve("manifests/servicemonitor-checkout.yaml")))
                .isEqualTo(Manifests.toYaml(CheckoutMonitoring.serviceMonitor()));
        assertThat(Files.readString(GENERATED.resolve("manifests/prometheusrule-checkout-rules.yaml")))
                .isEqualTo(Manifests.toYaml(CheckoutMonitoring.prometheusRule()));
        assertThat(Files.readString(GENERATED.resolve("dashboards/checkout-red.json")))
                .isEqualTo(io.monitoringkit.grafana.Dashboards.write(CheckoutMonitoring.dashboard()));
        assertThat(Files.readString(GENERATED.resolve("dashboards/grafana-dashboard-checkout-red.yaml")))
                .isEqualTo(CheckoutMonitoring.dashboardConfigMap().toYaml());
        assertThat(Files.readString(GENERATED.resolve("alertmanager/alertmanager.yml")))
                .isEqualTo(io.monitoringkit.alertmanager.AlertmanagerYaml.write(CheckoutMonitoring.alertmanager()));
    }

    @Test
    void theRealPromtoolAcceptsTheGeneratedRuleFile() {
        CommandResult check = Promtool.locate().checkRules(GENERATED.resolve("rules/checkout.rules.yml"));
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.stdout()).contains("SUCCESS: 11 rules found");
    }

    @Test
    void theRealAmtoolAcceptsTheGeneratedAlertmanagerConfig() {
        CommandResult check = Amtool.locate().checkConfig(GENERATED.resolve("alertmanager/alertmanager.yml"));
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.stdout()).contains("Found:").contains("3 receivers");
    }
}
