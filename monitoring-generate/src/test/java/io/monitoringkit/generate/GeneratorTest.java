package io.monitoringkit.generate;

import io.monitoringkit.alertmanager.AlertmanagerConfig;
import io.monitoringkit.alertmanager.AlertmanagerYaml;
import io.monitoringkit.alertmanager.NotifierConfig;
import io.monitoringkit.alertmanager.Receiver;
import io.monitoringkit.alertmanager.Route;
import io.monitoringkit.grafana.Dashboard;
import io.monitoringkit.grafana.DatasourceRef;
import io.monitoringkit.grafana.Dashboards;
import io.monitoringkit.grafana.GrafanaPromQL;
import io.monitoringkit.grafana.Panel;
import io.monitoringkit.grafana.SidecarConfigMaps;
import io.monitoringkit.grafana.Variable;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.metrics.MetricDescriptor;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.operator.Manifests;
import io.monitoringkit.operator.ServiceMonitors;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.minutes;
import static io.monitoringkit.promql.PromQL.rate;
import static io.monitoringkit.promql.PromQL.sum;
import static org.assertj.core.api.Assertions.assertThat;

class GeneratorTest {

    @TempDir
    Path dir;

    static RuleFile rules() {
        return RuleFile.of(List.of(RuleGroup.builder("api")
                .rule(RecordingRule.of("job:http_requests:rate5m",
                        sum(rate(metric("http_requests_total").over(minutes(5)))).by("job")))
                .rule(AlertingRule.builder("ApiDown").expr("up{job=\"api\"} == 0").forDuration(PromDuration.ofMinutes(5))
                        .label("severity", "page").annotation("summary", "{{ $labels.instance }} is down").build())
                .build()));
    }

    static Dashboard dashboard() {
        DatasourceRef prom = DatasourceRef.variable("prometheus", "datasource");
        return Dashboard.builder("API").uid("api")
                .variable(Variable.datasource("datasource", "prometheus").build())
                .panel(Panel.timeseries("Requests").datasource(prom)
                        .query(sum(rate(metric("http_requests_total").over(GrafanaPromQL.RATE_INTERVAL))).by("code"),
                                "{{code}}")
                        .unit("reqps").build())
                .build();
    }

    static AlertmanagerConfig alertmanager() {
        return AlertmanagerConfig.builder()
                .route(Route.to("default").route(Route.to("pager").matcher("severity=\"page\"")))
                .receiver(Receiver.of("default", NotifierConfig.webhook("https://chat.example.com/hook").build()))
                .receiver(Receiver.of("pager", NotifierConfig.webhook("https://pager.example.com/hook").build()))
                .build();
    }

    /** Everything valid, one of each kind. */
    static final class Good implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFile("api", rules())
                    .manifest(ServiceMonitors.forService("api").namespace("web").forRelease("prom").endpoint("http").build())
                    .dashboard(dashboard())
                    .dashboardConfigMap(SidecarConfigMaps.builder().namespace("monitoring").build().configMap(dashboard()))
                    .alertmanager("alertmanager", alertmanager());
        }
    }

    @Test
    void writesEveryArtifactUnderItsFolderAndFindsNothingInValidDefinitions() throws IOException {
        GenerationResult result = Generator.builder(dir).build().generate(new Good());

        assertThat(result.findings()).isEmpty();
        assertThat(result.artifacts()).extracting(Artifact::path).containsExactly(
                "rules/api.rules.yml",
                "manifests/servicemonitor-api.yaml",
                "dashboards/api.json",
                "dashboards/grafana-dashboard-api.yaml",
                "alertmanager/alertmanager.yml");
        assertThat(result.artifacts()).extracting(Artifact::definition).containsOnly("Good");
        assertThat(Files.readString(dir.resolve("rules/api.rules.yml"))).isEqualTo(rules().toYaml());
        assertThat(Files.readString(dir.resolve("dashboards/api.json"))).isEqualTo(Dashboards.write(dashboard()));
        assertThat(Files.readString(dir.resolve("alertmanager/alertmanager.yml")))
                .isEqualTo(AlertmanagerYaml.write(alertmanager()));
        assertThat(Files.readString(dir.resolve("manifests/servicemonitor-api.yaml"))).isEqualTo(Manifests.toYaml(
                ServiceMonitors.forService("api").namespace("web").forRelease("prom").endpoint("http").build()));
        assertThat(result.files()).allMatch(Files::isRegularFile);
        assertThat(result.report()).isEqualTo("5 files in " + dir + ": 0 errors, 0 warnings\n");
    }

    static final class Throws implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFile("partial", rules());
            throw new IllegalStateException("no database URL configured");
        }
    }

    static final class BadText implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFileYaml("broken", """
                    groups:
                    - name: api
                      rules:
                      - alert: Broken
                        expr: sum(rate(http_requests_total[5m])
                        annotations:
                          summary: "{{ $labels.job "
                    """)
                    .manifestYaml("monitors", """
                            apiVersion: monitoring.coreos.com/v1
                            kind: ServiceMonitor
                            metadata:
                              name: api
                            spec:
                              selector: {}
                              endpoints:
                              - port: http
                                interval: 5 minutes
                            """)
                    .dashboardJson("legacy", """
                            {"title": "Legacy", "uid": "legacy", "panels": [{"id": 1, "type": "timeseries",
                              "title": "Errors", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                              "datasource": {"type": "prometheus", "uid": "${datasource}"},
                              "targets": [{"refId": "A", "expr": "rate(errors_total{pod=\\"$pod\\"}[5m])"}]}],
                             "templating": {"list": [{"type": "datasource", "name": "datasource", "query": "prometheus"}]}}
                            """)
                    .alertmanagerYaml("legacy", """
                            route:
                              receiver: nobody
                            receivers:
                            - name: team
                            """)
                    .ruleFile("Bad Name", rules());
        }

        @Override
        public String name() {
            return "legacy-files";
        }
    }

    static final class Duplicate implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFile("api", rules()).dashboard(dashboard().toBuilder().title("API copy").build())
                    .dashboardJson("api-copy", Dashboards.write(dashboard().toBuilder().title("API v2").build()))
                    .dashboardJson("api-same", Dashboards.write(dashboard()));   // the same dashboard: no finding
        }
    }

    @Test
    void listsEveryFindingOfEveryDefinitionWithItsNameArtifactAndCheck() {
        GenerationResult result = Generator.builder(dir).build()
                .generate(new Good(), new Throws(), new BadText(), new Duplicate());

        assertThat(result.findings()).extracting(Finding::toString).containsExactly(
                "ERROR Throws [define]: define() failed: IllegalStateException: no database URL configured",
                "ERROR legacy-files rules/Bad Name.rules.yml [output]: \"Bad Name\" is not a usable file name: use"
                        + " lower case letters, digits, '.', '_' and '-', starting and ending with a letter or digit,"
                        + " at most 200 characters",
                "ERROR legacy-files rules/broken.rules.yml [rules]: 5:11: group \"api\", rule 1, \"Broken\": could"
                        + " not parse expression: 1:34: unclosed left parenthesis",
                "ERROR legacy-files rules/broken.rules.yml [rules]: 7:16: group \"api\", rule 1, \"Broken\":"
                        + " annotation \"summary\": template: __alert_Broken:1: unclosed action",
                "ERROR legacy-files manifests/monitors.yaml [manifests]: ServiceMonitor/api:"
                        + " spec.endpoints[0].interval: \"5 minutes\" is not a Prometheus duration (e.g. 30s, 5m, 1h30m)",
                "WARNING legacy-files dashboards/legacy.json [dashboards]: panel-units"
                        + " $.panels[0].fieldConfig.defaults.unit: the timeseries panel \"Errors\" has no unit",
                "ERROR legacy-files dashboards/legacy.json [dashboards]: undefined-variable"
                        + " $.panels[0].targets[0].expr: variable \"pod\" is used but not defined; defined are"
                        + " $datasource",
                "WARNING legacy-files dashboards/legacy.json [dashboards]: rate-interval $.panels[0].targets[0].expr:"
                        + " rate() ranges over [5m]: use [$__rate_interval] so the window follows the step and scrape"
                        + " interval",
                "ERROR legacy-files alertmanager/legacy.yml [alertmanager]: route.receiver: undefined receiver"
                        + " \"nobody\" used in route",
                "ERROR Duplicate rules/api.rules.yml [output]: also added by Good; this one is not written",
                "ERROR Duplicate dashboards/api.json [output]: also added by Good; this one is not written",
                "ERROR Duplicate dashboards/api-copy.json [dashboards]: uid \"api\" is also the uid of"
                        + " dashboards/api.json, a different dashboard; Grafana keeps only one of them");
        assertThat(result.errors()).hasSize(10);
        assertThat(result.warnings()).hasSize(2);
        assertThat(result.report()).endsWith("\n12 files in " + dir + ": 10 errors, 2 warnings\n");
        // what could be written was written, so it can be inspected
        assertThat(dir.resolve("rules/broken.rules.yml")).isRegularFile();
        assertThat(dir.resolve("rules/partial.rules.yml")).isRegularFile();
    }

    @Test
    void checksEveryRuleAndPanelQueryAgainstTheMetricCatalog() {
        MetricCatalog catalog = MetricCatalog.of(MetricDescriptor.counter("http_requests_total", "code"),
                MetricDescriptor.gauge("queue_depth", "queue"));
        MonitoringDefinition wrongLabels = MonitoringDefinition.of("queues", out -> out.metricCatalog(catalog)
                .ruleFile("api", RuleFile.of(List.of(RuleGroup.builder("api")
                        .rule(RecordingRule.of("job:queue:rate5m", "sum by (job) (rate(queue_depth[5m]))"))
                        .rule(AlertingRule.builder("Errors").expr("sum(rate(http_requests_total{stauts=\"500\"}[5m])) > 1")
                                .build())
                        .build())))
                .dashboard(dashboard().toBuilder().panel(Panel.timeseries("By route")
                        .datasource(DatasourceRef.variable("prometheus", "datasource"))
                        .query(sum(rate(metric("queue_depth").over(GrafanaPromQL.RATE_INTERVAL))).by("queue"))
                        .unit("reqps").build()).build()));

        GenerationResult result = Generator.builder(dir).write(false).build().generate(wrongLabels);

        assertThat(result.findings()).extracting(Finding::toString).containsExactly(
                "ERROR queues dashboards/api.json [metrics]: panel \"By route\" (id 2), target A 1:17:"
                        + " [rate-over-non-counter] rate() needs a counter, but \"queue_depth\" is a gauge; use deriv()"
                        + " or delta() over a gauge",
                "ERROR queues rules/api.rules.yml [metrics]: group \"api\", record \"job:queue:rate5m\", expr 1:15:"
                        + " [rate-over-non-counter] rate() needs a counter, but \"queue_depth\" is a gauge; use deriv()"
                        + " or delta() over a gauge",
                "ERROR queues rules/api.rules.yml [metrics]: group \"api\", alert \"Errors\", expr 1:30:"
                        + " [unknown-label] metric \"http_requests_total\" has no label \"stauts\"; its labels are"
                        + " code, and the target labels instance, job");
    }

    @Test
    void namesLambdaAndAnonymousDefinitionsAfterWhereTheyAreWritten() {
        MonitoringDefinition lambda = out -> { };
        assertThat(lambda.name()).isEqualTo("GeneratorTest (lambda)");
        assertThat(new Good().name()).isEqualTo("Good");
        assertThat(MonitoringDefinition.of("api", out -> { }).name()).isEqualTo("api");
    }

    @Test
    void validatesWithoutWritingWhenAsked() {
        GenerationResult result = Generator.builder(dir.resolve("out")).write(false).build().generate(new Good());
        assertThat(result.artifacts()).hasSize(5);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void removesStaleFilesFromTheFoldersItOwnsOnly() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/old.rules.yml"), "groups: []\n");
        Files.writeString(dir.resolve("notes.txt"), "mine\n");

        Generator.builder(dir).build().generate(new Good());

        assertThat(dir.resolve("rules/old.rules.yml")).doesNotExist();
        assertThat(dir.resolve("rules/api.rules.yml")).isRegularFile();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void checksRulesForTheConfiguredPrometheusVersion() {
        MonitoringDefinition keepFiring = MonitoringDefinition.of("down", out -> out.ruleFile("api",
                RuleFile.of(List.of(RuleGroup.builder("api").rule(AlertingRule.builder("Down").expr("up == 0")
                        .keepFiringFor(PromDuration.ofMinutes(5)).build()).build()))));
        assertThat(Generator.builder(dir).write(false).build().generate(keepFiring).findings()).isEmpty();
        assertThat(Generator.builder(dir).write(false).prometheusVersion("2.41").build().generate(keepFiring).findings())
                .extracting(Finding::toString)
                .containsExactly("ERROR down rules/api.rules.yml [rules]: 6:5: field keep_firing_for not found in type"
                        + " rulefmt.RuleNode");
    }
}
