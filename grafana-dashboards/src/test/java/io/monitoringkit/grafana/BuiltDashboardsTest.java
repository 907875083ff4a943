package io.monitoringkit.grafana;

import static io.monitoringkit.promql.PromQL.histogramQuantile;
import static io.monitoringkit.promql.PromQL.label;
import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.rate;
import static io.monitoringkit.promql.PromQL.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.promql.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dashboards built with the model: every panel type, rows, overrides, thresholds, mixed data sources. */
class BuiltDashboardsTest {

    static final DatasourceRef PROM = DatasourceRef.variable("prometheus", "datasource");
    static final DatasourceRef LOKI = DatasourceRef.variable("loki", "loki");
    static final Variable DS = Variable.datasource("datasource", "prometheus").label("Data source").build();
    static final Variable LOKI_DS = Variable.datasource("loki", "loki").build();
    static final Variable NS = Variable.query("namespace", VariableQuery.labelValues("kube_pod_info", "namespace"))
            .datasource(PROM).multi(true).includeAll(true).allValue(".*").build();
    static final Variable POD = Variable.query("pod",
                    VariableQuery.labelValues(metric("kube_pod_info").where(NS.matcher("namespace")), "pod"))
            .datasource(PROM).multi(true).build();

    static Expr requests() {
        return sum(rate(metric("http_requests_total").where(NS.matcher("namespace"))
                .over(GrafanaPromQL.RATE_INTERVAL))).by("code");
    }

    static Expr latency() {
        return histogramQuantile(0.99, sum(rate(metric("http_request_duration_seconds_bucket")
                .where(NS.matcher("namespace")).over(GrafanaPromQL.RATE_INTERVAL))).by("le"));
    }

    static Dashboard.Builder base(String title) {
        return Dashboard.builder(title).tags("test").variable(DS, NS, POD);
    }

    static Stream<Dashboard> built() {
        List<Dashboard> all = new ArrayList<>();
        // 1. time series with overrides of string, number and object values
        all.add(base("Overrides").panel(Panel.timeseries("Requests").datasource(PROM).query(requests(), "{{code}}")
                .fieldConfig(FieldConfig.builder().unit("reqps").decimals(1).min(0)
                        .override(FieldOverride.byName("errors").set("unit", "percentunit").set("decimals", 2))
                        .override(FieldOverride.byRegexp("5..").set("color", FieldColor.fixed("red").toJson()))
                        .override(FieldOverride.byFrameRefID("A").set("custom.lineWidth", 2))
                        .override(FieldOverride.byType("number").set("custom.fillOpacity", 10).set("unit", "short"))
                        .build())
                .options(PanelOptions.timeseries("table", "right", "multi")).build()).build());
        // 2. stat, gauge, bargauge with thresholds carrying extra fields and mappings
        Thresholds th = Thresholds.absolute(ThresholdStep.base("green"),
                ThresholdStep.at(80, "orange").with("state", Json.F.textNode("warn")), ThresholdStep.at(95.5, "red"));
        all.add(base("Thresholds").panel(
                Panel.stat("Up").datasource(PROM).query(sum(metric("up"))).options(PanelOptions.stat("lastNotNull",
                        "background", "area")).fieldConfig(FieldConfig.builder().unit("none").thresholds(th)
                        .mappings(ValueMapping.value("0", "Down", "red"), ValueMapping.range(1, 1000, "Up", "green"),
                                ValueMapping.regex("^x", "X", null), ValueMapping.special("null", "n/a", "gray"))
                        .build()).build(),
                Panel.gauge("CPU").datasource(PROM).query(metric("cpu")).unit("percent")
                        .options(PanelOptions.gauge("mean", true)).build(),
                Panel.bargauge("Memory").datasource(PROM).query(metric("mem")).unit("bytes")
                        .options(PanelOptions.bargauge("max", "horizontal", "gradient")).build()).build());
        // 3. expanded rows: panels follow their row
        all.add(base("Expanded rows").row("Traffic")
                .panel(Panel.timeseries("Requests").datasource(PROM).query(requests()).unit("reqps").build(),
                        Panel.timeseries("Latency").datasource(PROM).query(latency(), "p99").unit("s").build())
                .row("Saturation").panel(Panel.heatmap("Latency heatmap").datasource(PROM)
                        .targets(PrometheusTarget.builder().expr(sum(rate(metric("http_request_duration_seconds_bucket")
                                .over(GrafanaPromQL.RATE_INTERVAL))).by("le")).format(PrometheusTarget.Format.HEATMAP)
                                .legendFormat("{{le}}").build()).size(24, 8).build()).build());
        // 4. collapsed rows hold their panels
        all.add(base("Collapsed rows").panel(Panel.stat("Top").datasource(PROM).query(metric("up")).unit("none").build())
                .collapsedRow("Details", Panel.table("Pods").datasource(PROM)
                                .targets(PrometheusTarget.builder().expr(metric("kube_pod_info")
                                        .where(POD.matcher("pod"))).instant().format(PrometheusTarget.Format.TABLE)
                                        .build())
                                .options(PanelOptions.table(true))
                                .transformations(Transformation.of("organize"), Transformation.of("merge")).build(),
                        Panel.histogram("Sizes").datasource(PROM).query(metric("response_size_bytes")).unit("bytes")
                                .build())
                .collapsedRow("More", Panel.barchart("Bars").datasource(PROM).query(metric("x")).unit("short").build())
                .build());
        // 5. mixed data sources: Prometheus and Loki in one panel, logs panel
        all.add(base("Mixed").variable(LOKI_DS).panel(
                Panel.timeseries("Requests and log lines").datasource(DatasourceRef.mixed())
                        .targets(PrometheusTarget.builder().expr(requests()).datasource(PROM).build(),
                                LokiTarget.builder("sum(count_over_time({namespace=~\"$namespace\"}[$__interval]))")
                                        .datasource(LOKI).legendFormat("lines").build())
                        .unit("short").build(),
                Panel.logs("Logs").datasource(LOKI).targets(LokiTarget.builder("{namespace=~\"$namespace\"} |= \"error\"")
                        .maxLines(500).build()).options(PanelOptions.logs(true, true, "Descending")).build()).build());
        // 6. text, alertlist, dashlist
        all.add(base("Info").panel(Panel.text("About", "# Checkout\nOwned by *payments*.").size(24, 4).build(),
                Panel.alertlist("Alerts").option("maxItems", Json.F.numberNode(10)).build(),
                Panel.dashlist("Related").option("tags", Json.array().add("checkout")).build()).build());
        // 7. pie chart, state timeline, status history
        all.add(base("States").panel(
                Panel.piechart("Codes").datasource(PROM).query(requests(), "{{code}}").unit("reqps")
                        .options(PanelOptions.piechart("sum", "donut")).build(),
                Panel.stateTimeline("Up").datasource(PROM).query(metric("up")).unit("none").build(),
                Panel.statusHistory("Ready").datasource(PROM).query(metric("kube_pod_status_ready")).unit("none")
                        .build()).build());
        // 8. a generic plugin panel, repeat by variable, links
        all.add(base("Generic").links(Link.dashboards("checkout").asDropdown().includeVars().keepTime(),
                        Link.url("Runbook", "https://runbooks.example.com/checkout").targetBlank())
                .panel(Panel.of("grafana-polystat-panel", "Polystat").datasource(PROM).query(metric("up"))
                        .repeat(POD, 'h').maxPerRow(4).links(Link.url("Pod", "/d/pod?var-pod=${pod}")).build())
                .build());
        // 9. every variable kind, annotations, time settings
        all.add(Dashboard.builder("Variables").uid("variables-1").refresh("30s").time(TimeRange.last("1h"))
                .timezone("utc").graphTooltip(Dashboard.GraphTooltip.SHARED_CROSSHAIR).editable(false)
                .variable(DS, NS, POD, Variable.custom("env", "prod", "staging").label("Environment").build(),
                        Variable.constant("cluster", "eu-1").build(),
                        Variable.interval("step", "1m", "5m", "1h").build(),
                        Variable.textbox("filter", ".*").build(),
                        Variable.adhoc("filters", PROM).build(),
                        Variable.query("metric", VariableQuery.metrics("http_.*")).datasource(PROM)
                                .refresh(Variable.Refresh.ON_DASHBOARD_LOAD).sort(1).build(),
                        Variable.query("top", VariableQuery.queryResult(io.monitoringkit.promql.PromQL.topk(5,
                                sum(metric("up")).by("job")))).datasource(PROM).regex("/job=\"(.*)\"/")
                                .hide(Variable.Hide.LABEL).build())
                .annotation(Annotation.prometheus("Deploys", PROM, io.monitoringkit.promql.PromQL.changes(
                        metric("kube_deployment_status_observed_generation").where(NS.matcher("namespace"))
                                .over(GrafanaPromQL.RATE_INTERVAL))).withTitleFormat("{{deployment}}"))
                .panel(Panel.timeseries("Requests").datasource(PROM).query(requests()).unit("reqps")
                        .interval("1m").timeFrom("24h").timeShift("1d").description("per code").build())
                .build());
        // 10. explicit positions mixed with automatic flow, and data links
        all.add(base("Layout").panel(
                Panel.timeseries("Wide").datasource(PROM).query(metric("a")).unit("s").gridPos(new GridPos(0, 0, 24, 6))
                        .build(),
                Panel.timeseries("Left").datasource(PROM).query(metric("b")).unit("s").size(8, 5).build(),
                Panel.timeseries("Middle").datasource(PROM).query(metric("c")).unit("s").size(8, 5).build(),
                Panel.timeseries("Right").datasource(PROM).query(metric("d")).unit("s").size(8, 5)
                        .fieldConfig(FieldConfig.builder().unit("s").links(Link.url("Trace", "/explore?x=${__value.raw}"))
                                .color(FieldColor.mode("palette-classic")).custom("lineWidth", Json.F.numberNode(1))
                                .build()).build(),
                Panel.timeseries("Next line").datasource(PROM).query(metric("e")).unit("s").build()).build());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void builtDashboardsRoundTripThroughJson(Dashboard d) {
        String json = Dashboards.write(d);
        Dashboard back = Dashboards.read(json);
        assertThat(back).isEqualTo(d);
        assertThat(Dashboards.write(back)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void builtDashboardsHaveValidNonOverlappingLayoutAndUniqueIds(Dashboard d) {
        assertThat(d.uid()).isPresent();
        assertThat(d.schemaVersion()).hasValue(41);
        List<GridPos> top = d.panels().stream().map(p -> p.gridPos().orElseThrow()).toList();
        for (int i = 0; i < top.size(); i++) {
            assertThat(top.get(i).inGrid()).isTrue();
            for (int j = i + 1; j < top.size(); j++) {
                assertThat(top.get(i).overlaps(top.get(j))).as("%s vs %s", top.get(i), top.get(j)).isFalse();
            }
        }
        Set<Integer> ids = new TreeSet<>();
        for (Panel p : d.allPanels()) {
            assertThat(ids.add(p.id().orElseThrow())).isTrue();
        }
        assertThat(DashboardLinter.defaults().lint(d).findings()).isEmpty();
    }

    @Test
    void everyPanelTypeIsCovered() {
        Set<String> types = new TreeSet<>();
        built().forEach(d -> d.allPanels().forEach(p -> types.add(p.type())));
        assertThat(types).containsAll(List.of("timeseries", "stat", "gauge", "bargauge", "table", "heatmap",
                "histogram", "text", "logs", "piechart", "barchart", "state-timeline", "status-history", "alertlist",
                "dashlist", "row", "grafana-polystat-panel"));
    }

    @Test
    void writesGrafanaShapedJson() {
        Dashboard d = Dashboard.builder("Small").variable(DS)
                .panel(Panel.stat("Up").datasource(PROM).query(sum(metric("up").where(label("job").eq("api"))))
                        .unit("none").build())
                .build();
        assertThat(Dashboards.write(d)).isEqualTo("""
                {
                  "annotations": {
                    "list": [
                      {
                        "builtIn": 1,
                        "datasource": {
                          "type": "grafana",
                          "uid": "-- Grafana --"
                        },
                        "enable": true,
                        "hide": true,
                        "iconColor": "rgba(0, 211, 255, 1)",
                        "name": "Annotations & Alerts",
                        "type": "dashboard"
                      }
                    ]
                  },
                  "editable": true,
                  "graphTooltip": 0,
                  "links": [],
                  "panels": [
                    {
                      "datasource": {
                        "type": "prometheus",
                        "uid": "${datasource}"
                      },
                      "fieldConfig": {
                        "defaults": {
                          "unit": "none"
                        },
                        "overrides": []
                      },
                      "gridPos": {
                        "h": 4,
                        "w": 6,
                        "x": 0,
                        "y": 0
                      },
                      "id": 1,
                      "targets": [
                        {
                          "expr": "sum(up{job=\\"api\\"})",
                          "refId": "A"
                        }
                      ],
                      "title": "Up",
                      "type": "stat"
                    }
                  ],
                  "schemaVersion": 41,
                  "tags": [],
                  "templating": {
                    "list": [
                      {
                        "current": {},
                        "label": "Data source",
                        "name": "datasource",
                        "query": "prometheus",
                        "refresh": 1,
                        "type": "datasource"
                      }
                    ]
                  },
                  "time": {
                    "from": "now-6h",
                    "to": "now"
                  },
                  "timezone": "browser",
                  "title": "Small",
                  "uid": "small"
                }
                """);
    }
}
