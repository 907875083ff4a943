package io.monitoringkit.grafana;

import static io.monitoringkit.promql.PromQL.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.grafana.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardTest {

    private static Panel ts(String title) {
        return Panel.timeseries(title).query(metric("up")).unit("s").build();
    }

    @Test
    void derivesAStableUidFromTheTitle() {
        assertThat(Dashboard.builder("Checkout — Overview").build().uid()).hasValue("checkout-overview");
        assertThat(Dashboard.builder("Café").build().uid().orElseThrow()).matches("cafe-[0-9a-f]{8}");
        assertThat(Dashboard.builder("Checkout Overview").build().uid()).hasValue("checkout-overview");
        String longTitle = "Kubernetes / Compute Resources / Namespace (Workloads) per Cluster";
        String uid = Dashboard.builder(longTitle).build().uid().orElseThrow();
        assertThat(uid).hasSizeLessThanOrEqualTo(40).startsWith("kubernetes-compute-resources-na-");
        assertThat(Dashboard.builder(longTitle).build().uid()).hasValue(uid);
    }

    @Test
    void validatesEverythingAtOnceWithPaths() {
        Panel a = Panel.timeseries("A").id(3).gridPos(new GridPos(0, 0, 12, 8)).build();
        Panel b = Panel.timeseries("B").id(3).gridPos(new GridPos(6, 4, 12, 8)).repeat(
                Variable.textbox("node", "").build(), 'h').build();
        assertThatThrownBy(() -> Dashboard.builder(" ").uid("bad uid").variable(Variable.textbox("x", "").build(),
                        Variable.textbox("x", "").build()).panel(a, b).build())
                .isInstanceOf(DashboardValidationException.class)
                .extracting(e -> ((DashboardValidationException) e).violations())
                .isEqualTo(List.of("title: must not be blank",
                        "uid: \"bad uid\" may only contain letters, digits, '-' and '_'",
                        "templating.list[1]: variable \"x\" is defined twice",
                        "panels[1].id: panel id 3 is used twice",
                        "panels[1].repeat: variable \"node\" is not defined",
                        "panels[1].gridPos: GridPos[x=6, y=4, w=12, h=8] of \"B\" overlaps GridPos[x=0, y=0, w=12, h=8]"));
    }

    @Test
    void flowsPanelsLeftToRightWrapsAndPutsRowsBelowEverything() {
        Dashboard d = Dashboard.builder("Flow")
                .panel(Panel.stat("s1").unit("s").build(), Panel.stat("s2").unit("s").build(), ts("wide"))
                .row("Row")
                .panel(ts("t1"), ts("t2"), ts("t3"))
                .build();
        assertThat(d.panels()).extracting(p -> p.gridPos().orElseThrow()).containsExactly(
                new GridPos(0, 0, 6, 4), new GridPos(6, 0, 6, 4), new GridPos(12, 0, 12, 8),
                new GridPos(0, 8, 24, 1),
                new GridPos(0, 9, 12, 8), new GridPos(12, 9, 12, 8), new GridPos(0, 17, 12, 8));
        assertThat(d.panels()).extracting(p -> p.id().orElseThrow()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void placesAutomaticPanelsAroundExplicitOnes() {
        Dashboard d = Dashboard.builder("Around")
                .panel(Panel.text("fixed", "x").gridPos(new GridPos(0, 0, 12, 10)).id(7).build(), ts("auto"), ts("next"))
                .build();
        assertThat(d.panels()).extracting(p -> p.gridPos().orElseThrow()).containsExactly(
                new GridPos(0, 0, 12, 10), new GridPos(12, 0, 12, 8), new GridPos(0, 10, 12, 8));
        assertThat(d.panels()).extracting(p -> p.id().orElseThrow()).containsExactly(7, 1, 2);
    }

    @Test
    void collapsedRowsHoldTheirPanelsAndExpandedRowsAreFollowedByThem() {
        Dashboard d = Dashboard.builder("Rows")
                .panel(ts("top"))
                .row("Open").panel(ts("o1"), ts("o2"))
                .collapsedRow("Closed", ts("c1"), ts("c2"), ts("c3"))
                .row("Last")
                .build();
        assertThat(d.panels()).extracting(Panel::title).containsExactly("top", "Open", "o1", "o2", "Closed", "Last");
        Panel closed = d.panels().get(4);
        assertThat(closed.collapsed()).isTrue();
        assertThat(closed.gridPos()).hasValue(new GridPos(0, 17, 24, 1));
        assertThat(closed.panels()).extracting(p -> p.gridPos().orElseThrow()).containsExactly(
                new GridPos(0, 18, 12, 8), new GridPos(12, 18, 12, 8), new GridPos(0, 26, 12, 8));
        assertThat(d.panels().get(5).gridPos()).hasValue(new GridPos(0, 18, 24, 1));
        assertThat(d.sections()).extracting(s -> s.row().map(Panel::title).orElse("-") + ":"
                        + s.panels().stream().map(Panel::title).toList())
                .containsExactly("-:[top]", "Open:[o1, o2]", "Closed:[c1, c2, c3]", "Last:[]");
        assertThat(d.allPanels()).hasSize(9);
    }

    @Test
    void assignsRefIdsSkippingTakenOnes() {
        Panel p = Panel.timeseries("x").targets(PrometheusTarget.of(metric("a")),
                PrometheusTarget.builder().expr(metric("b")).refId("A").build(), PrometheusTarget.of(metric("c"))).build();
        assertThat(p.targets()).extracting(t -> t.refId().orElseThrow()).containsExactly("B", "A", "C");
        assertThat(Target.refIdAt(25)).isEqualTo("Z");
        assertThat(Target.refIdAt(26)).isEqualTo("AA");
    }

    @Test
    void mixedPanelsNeedTargetDatasources() {
        assertThatThrownBy(() -> Panel.timeseries("m").datasource(DatasourceRef.mixed())
                .query(metric("up")).build())
                .hasMessage("panel \"m\": targets[0] needs its own datasource under the mixed datasource");
    }

    @Test
    void textExpressionsAreCheckedByTheParser() {
        assertThat(PrometheusTarget.builder().expr("rate(x{a=\"$a\"}[$__rate_interval])").build().expr())
                .isEqualTo("rate(x{a=\"$a\"}[$__rate_interval])");
        assertThatThrownBy(() -> PrometheusTarget.builder().expr("rate(x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"rate(x\" is not valid PromQL: ");
    }

    @Test
    void toBuilderKeepsEverythingIncludingUnknownFields() {
        Dashboard d = Dashboards.read("""
                {"title": "x", "uid": "u", "custom": {"a": 1}, "panels": [{"type": "graph", "id": 1, "yaxes": [1.0]}]}
                """);
        Dashboard changed = d.toBuilder().title("y").build();
        assertThat(changed.extraFields()).isEqualTo(Json.object().set("custom", Json.object().put("a", 1)));
        assertThat(changed.panels().get(0).extraFields().has("yaxes")).isTrue();
        assertThat(changed.title()).isEqualTo("y");
    }

    @Test
    void readKeepsValuesOfUnexpectedShapeVerbatim() throws Exception {
        String json = """
                {"title": 5, "refresh": false, "panels": [{"gridPos": {"x": 0, "y": 0, "w": 12, "h": 8, "static": true},
                 "datasource": 3, "targets": [{"expr": 1, "refId": "A"}], "id": 2.5}]}""";
        Dashboard d = Dashboards.read(json);
        assertThat(d.title()).isEmpty();
        assertThat(d.panels().get(0).gridPos()).isEmpty();
        assertThat(d.panels().get(0).targets().get(0)).isInstanceOf(GenericTarget.class);
        assertThat(Dashboards.jsonEquals(d.toJson(), Json.MAPPER.readTree(json))).isTrue();
    }

    @Test
    void readRejectsWhatCannotBeHeldNamingEveryPath() {
        assertThatThrownBy(() -> Dashboards.read("{\"panels\": [1, {\"targets\": [\"a\"]}],"
                + " \"templating\": {\"list\": [null]}}"))
                .isInstanceOf(DashboardReadException.class)
                .extracting(e -> ((DashboardReadException) e).problems())
                .isEqualTo(List.of("$.templating.list[0]: expected an object, got null",
                        "$.panels[0]: expected an object, got a number",
                        "$.panels[1].targets[0]: expected an object, got a string"));
        assertThatThrownBy(() -> Dashboards.read("[]")).hasMessage("$: expected a dashboard object, got an array");
        assertThatThrownBy(() -> Dashboards.read("{\"a\": 1, \"a\": 2}")).hasMessageStartingWith("$: invalid JSON at line 1");
        assertThatThrownBy(() -> Dashboards.read("{")).hasMessageStartingWith("$: invalid JSON at line 1, column 2:");
        assertThatThrownBy(() -> Dashboards.read("{} {}")).hasMessageStartingWith("$: invalid JSON at line 1");
        assertThatThrownBy(() -> Dashboards.read("  ")).hasMessage("$: empty input, expected a dashboard object");
    }

    @Test
    void treesHandedOutNeverAliasTheModel() {
        Dashboard d = Dashboards.read("""
                {"title": "x", "custom": {"a": 1}, "panels": [{"type": "graph", "options": {"b": 2},
                 "fieldConfig": {"defaults": {"thresholds": {"steps": [{"color": "red", "value": null}]}}}}]}""");
        String before = Dashboards.write(d);
        com.fasterxml.jackson.databind.node.ObjectNode tree = d.toJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("custom")).put("a", 9);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("panels").get(0).get("options")).put("b", 9);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("panels").get(0).get("fieldConfig").get("defaults")
                .get("thresholds").get("steps").get(0)).put("color", "blue");
        d.panels().get(0).options().orElseThrow().put("b", 8);
        d.extraFields().put("z", 1);
        assertThat(Dashboards.write(d)).isEqualTo(before);
    }

    @Test
    void numbersCompareByValue() throws Exception {
        assertThat(Dashboards.jsonEquals(Json.MAPPER.readTree("{\"a\": [1, 2.50]}"),
                Json.MAPPER.readTree("{\"a\": [1.0, 2.5]}"))).isTrue();
        assertThat(Dashboards.jsonEquals(Json.MAPPER.readTree("{\"a\": 1}"), Json.MAPPER.readTree("{\"a\": 2}")))
                .isFalse();
    }

    @Test
    void variablesBecomeTypedMatchers() {
        Variable multi = Variable.custom("env", "a", "b").multi(true).build();
        Variable single = Variable.custom("env", "a", "b").build();
        Variable all = Variable.custom("env", "a").includeAll(true).build();
        assertThat(multi.matcher("environment").toString()).isEqualTo("environment=~\"$env\"");
        assertThat(single.matcher("environment").toString()).isEqualTo("environment=\"$env\"");
        assertThat(all.matcher("environment").toString()).isEqualTo("environment=~\"$env\"");
        assertThatThrownBy(() -> Variable.custom("env", "a,b")).hasMessage("custom variable value \"a,b\" contains a comma");
        assertThatThrownBy(() -> Variable.query("q", VariableQuery.labelNames()).build())
                .hasMessage("variable \"q\": a query variable needs a datasource");
    }

    @Test
    void chainedQueryVariablesRenderMatchersThroughThePrinter() {
        Variable cluster = Variable.query("cluster", VariableQuery.labelValues("up", "cluster"))
                .datasource(DatasourceRef.variable("prometheus", "datasource")).build();
        VariableQuery q = VariableQuery.labelValues(metric("kube_pod_info").where(cluster.matcher("cluster")),
                "namespace");
        assertThat(q.text()).isEqualTo("label_values(kube_pod_info{cluster=\"$cluster\"}, namespace)");
        assertThat(VariableQuery.queryResult(io.monitoringkit.promql.PromQL.count(metric("up"))).text())
                .isEqualTo("query_result(count(up))");
    }

    @Test
    void thresholdsMustIncrease() {
        assertThatThrownBy(() -> Thresholds.absolute(ThresholdStep.base("green"), ThresholdStep.at(90, "red"),
                ThresholdStep.at(80, "orange")))
                .hasMessage("threshold steps[2] value 80.0 is below the previous step's 90.0");
    }
}
