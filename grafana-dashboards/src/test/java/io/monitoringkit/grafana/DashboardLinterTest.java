package io.monitoringkit.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DashboardLinterTest {

    private static final DashboardLinter LINTER = DashboardLinter.defaults();

    /** A valid dashboard with one Prometheus panel; {@code panel} is the JSON of the panel's extra fields. */
    private static String dashboard(String variables, String panels) {
        return """
                {"title": "T", "uid": "t", "schemaVersion": 41,
                 "templating": {"list": [{"type": "datasource", "name": "datasource", "query": "prometheus"}%s]},
                 "panels": [%s]}
                """.formatted(variables, panels);
    }

    private static String panel(int id, String gridPos, String expr) {
        return """
                {"id": %d, "type": "timeseries", "title": "P%d", "gridPos": %s,
                 "datasource": {"type": "prometheus", "uid": "${datasource}"},
                 "fieldConfig": {"defaults": {"unit": "s"}, "overrides": []},
                 "targets": [{"refId": "A", "expr": %s}]}
                """.formatted(id, id, gridPos, com.fasterxml.jackson.databind.node.TextNode.valueOf(expr).toString());
    }

    private static final String GOOD_EXPR = "sum(rate(x{job=\\\"a\\\"}[$__rate_interval]))";

    private static List<LintFinding> lint(String json, String rule) {
        return LINTER.lint(Dashboards.read(json)).ofRule(rule);
    }

    private static String good() {
        return dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "sum(rate(x{job=\"a\"}[$__rate_interval]))"));
    }

    @Test
    void aGoodDashboardHasNoFindings() {
        assertThat(LINTER.lint(Dashboards.read(good())).findings()).isEmpty();
    }

    @Test
    void dashboardTitle() {
        assertThat(lint(good(), "dashboard-title")).isEmpty();
        assertThat(lint(good().replace("\"title\": \"T\"", "\"title\": \" \""), "dashboard-title"))
                .extracting(LintFinding::toString)
                .containsExactly("ERROR dashboard-title $.title: the dashboard has no title");
    }

    @Test
    void panelTitle() {
        assertThat(lint(good(), "panel-title")).isEmpty();
        assertThat(lint(good().replace("\"title\": \"P1\"", "\"title\": \"\""), "panel-title"))
                .extracting(LintFinding::toString)
                .containsExactly("WARNING panel-title $.panels[0].title: the timeseries panel has no title");
    }

    @Test
    void datasourceVariable() {
        assertThat(lint(good(), "datasource-variable")).isEmpty();
        String none = good().replace("{\"type\": \"datasource\", \"name\": \"datasource\", \"query\": \"prometheus\"}",
                "{\"type\": \"custom\", \"name\": \"datasource\", \"query\": \"a\"}");
        assertThat(lint(none, "datasource-variable")).extracting(LintFinding::toString).containsExactly(
                "ERROR datasource-variable $.templating.list: there are Prometheus queries but no Prometheus data"
                        + " source variable (type \"datasource\", query \"prometheus\")");
    }

    @Test
    void targetDatasource() {
        assertThat(lint(good(), "target-datasource")).isEmpty();
        String fixed = good().replace("\"uid\": \"${datasource}\"", "\"uid\": \"P1809F7CD0C75ACF3\"");
        assertThat(lint(fixed, "target-datasource")).extracting(LintFinding::toString).containsExactly(
                "ERROR target-datasource $.panels[0].datasource: query A of \"P1\" uses"
                        + " {\"type\":\"prometheus\",\"uid\":\"P1809F7CD0C75ACF3\"} instead of a Prometheus data source"
                        + " variable ($datasource)");
    }

    @Test
    void targetDatasourceReportsTheDefaultDatasource() {
        String none = good().replace("\"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"},", "");
        assertThat(lint(none, "target-datasource")).extracting(LintFinding::message).containsExactly(
                "query A of \"P1\" uses the default data source instead of a Prometheus data source variable"
                        + " ($datasource)");
    }

    @Test
    void targetDatasourceUnderMixedLooksAtTheTargetsOwnDatasource() {
        String mixed = dashboard("", """
                {"id": 1, "type": "timeseries", "title": "M", "gridPos": {"x":0,"y":0,"w":12,"h":8},
                 "datasource": {"type": "datasource", "uid": "-- Mixed --"},
                 "fieldConfig": {"defaults": {"unit": "s"}},
                 "targets": [{"refId": "A", "expr": "up", "datasource": {"type": "prometheus", "uid": "${datasource}"}},
                             {"refId": "B", "expr": "up", "datasource": {"type": "prometheus", "uid": "prom-1"}}]}
                """);
        assertThat(lint(mixed, "target-datasource")).extracting(LintFinding::path)
                .containsExactly("$.panels[0].targets[1].datasource");
    }

    @Test
    void promqlParses() {
        assertThat(lint(good(), "promql-parses")).isEmpty();
        String bad = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "sum(rate(x[$__rate_interval])"));
        List<LintFinding> f = lint(bad, "promql-parses");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).path()).isEqualTo("$.panels[0].targets[0].expr");
        assertThat(f.get(0).message()).startsWith("\"sum(rate(x[$__rate_interval])\": ")
                .endsWith("(after substituting Grafana variables)");
    }

    @Test
    void promqlParsesTypeChecksToo() {
        String bad = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "rate(x)"));
        assertThat(lint(bad, "promql-parses")).hasSize(1);
    }

    @Test
    void rateInterval() {
        assertThat(lint(good(), "rate-interval")).isEmpty();
        String fixed = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}",
                "sum(irate(x[5m])) + increase(y[$__interval])"));
        assertThat(lint(fixed, "rate-interval")).extracting(LintFinding::message).containsExactly(
                "irate() ranges over [5m]: use [$__rate_interval] so the window follows the step and scrape interval",
                "increase() ranges over a variable or macro other than $__rate_interval: use [$__rate_interval] so"
                        + " the window follows the step and scrape interval");
    }

    @Test
    void undefinedVariable() {
        String uses = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}",
                "sum(rate(x{ns=~\"$namespace\", pod=\"${pod:regex}\"}[$__rate_interval])) / $__range_s"
                        + " + label_replace(y, \"a\", \"$1\", \"b\", \"(.*)\")"));
        assertThat(lint(uses, "undefined-variable")).extracting(LintFinding::toString).containsExactly(
                "ERROR undefined-variable $.panels[0].targets[0].expr: variable \"namespace\" is used but not defined;"
                        + " defined are $datasource",
                "ERROR undefined-variable $.panels[0].targets[0].expr: variable \"pod\" is used but not defined;"
                        + " defined are $datasource");
        String defined = dashboard(", {\"type\": \"custom\", \"name\": \"namespace\", \"query\": \"a,b\"},"
                + " {\"type\": \"textbox\", \"name\": \"pod\", \"query\": \"\"}", panel(1,
                "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "rate(x{ns=~\"$namespace\", pod=\"${pod:regex}\"}[$__rate_interval])"));
        assertThat(lint(defined, "undefined-variable")).isEmpty();
    }

    @Test
    void undefinedVariableInRepeatAndChainedQueries() {
        String json = dashboard(", {\"type\": \"query\", \"name\": \"pod\", \"query\": \"label_values(x{ns=\\\"$ns\\\"}, pod)\","
                + " \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"}}", """
                {"id": 1, "type": "text", "title": "x", "repeat": "node", "gridPos": {"x":0,"y":0,"w":12,"h":8}}""");
        assertThat(lint(json, "undefined-variable")).extracting(LintFinding::path)
                .containsExactly("$.templating.list[1].query", "$.panels[0].repeat");
    }

    @Test
    void importInputsCountAsDefinedButAreNotDatasourceVariables() {
        String json = good().replace("\"title\": \"T\",", "\"title\": \"T\", \"__inputs\": [{\"name\": \"DS_PROM\","
                + " \"type\": \"datasource\", \"pluginId\": \"prometheus\"}],").replace("${datasource}", "${DS_PROM}");
        Dashboard d = Dashboards.read(json);
        assertThat(LINTER.lint(d).ofRule("undefined-variable")).isEmpty();
        assertThat(LINTER.lint(d).ofRule("target-datasource")).hasSize(1);
    }

    @Test
    void hintsWhenGivenAnApiResponseInsteadOfADashboard() {
        assertThat(lint("{\"dashboard\": {\"title\": \"x\"}, \"meta\": {}}", "dashboard-title"))
                .extracting(LintFinding::message).containsExactly("the dashboard has no title (this looks like a"
                        + " Grafana API response: the dashboard is its \"dashboard\" field)");
    }

    @Test
    void duplicatePanelId() {
        String two = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "up") + ","
                + panel(2, "{\"x\":12,\"y\":0,\"w\":12,\"h\":8}", "up"));
        assertThat(lint(two, "duplicate-panel-id")).isEmpty();
        String dup = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "up") + ","
                + panel(1, "{\"x\":12,\"y\":0,\"w\":12,\"h\":8}", "up"));
        assertThat(lint(dup, "duplicate-panel-id")).extracting(LintFinding::toString).containsExactly(
                "ERROR duplicate-panel-id $.panels[1].id: panel id 1 of \"P1\" is also the id of $.panels[0]");
    }

    @Test
    void duplicateUidAmongDashboardsLintedTogether() {
        Dashboard a = Dashboards.read(good());
        Dashboard b = Dashboards.read(good().replace("\"title\": \"T\"", "\"title\": \"U\""));
        assertThat(LINTER.lint(List.of(a)).ofRule("duplicate-uid")).isEmpty();
        assertThat(LINTER.lint(List.of(a, b)).ofRule("duplicate-uid")).extracting(LintFinding::toString)
                .containsExactly("ERROR duplicate-uid $.uid: uid \"t\" of \"U\" is also the uid of \"T\"");
    }

    @Test
    void gridBounds() {
        assertThat(lint(good(), "grid-bounds")).isEmpty();
        String wide = dashboard("", panel(1, "{\"x\":12,\"y\":0,\"w\":13,\"h\":8}", "up"));
        assertThat(lint(wide, "grid-bounds")).extracting(LintFinding::toString).containsExactly(
                "ERROR grid-bounds $.panels[0].gridPos: gridPos {x=12, y=0, w=13, h=8} of \"P1\" is outside the"
                        + " 24-column grid");
    }

    @Test
    void gridOverlap() {
        String side = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "up") + ","
                + panel(2, "{\"x\":12,\"y\":0,\"w\":12,\"h\":8}", "up"));
        assertThat(lint(side, "grid-overlap")).isEmpty();
        String over = dashboard("", panel(1, "{\"x\":0,\"y\":0,\"w\":12,\"h\":8}", "up") + ","
                + panel(2, "{\"x\":6,\"y\":7,\"w\":12,\"h\":8}", "up"));
        assertThat(lint(over, "grid-overlap")).extracting(LintFinding::toString).containsExactly(
                "ERROR grid-overlap $.panels[1].gridPos: gridPos {x=6, y=7, w=12, h=8} of \"P2\" overlaps"
                        + " {x=0, y=0, w=12, h=8} of $.panels[0]");
    }

    @Test
    void gridOverlapChecksCollapsedRowsPanelsAmongThemselvesOnly() {
        String json = dashboard("", """
                {"id": 1, "type": "row", "title": "R", "collapsed": true, "gridPos": {"x":0,"y":0,"w":24,"h":1},
                 "panels": [%s, %s]},
                {"id": 4, "type": "row", "title": "S", "collapsed": false, "gridPos": {"x":0,"y":1,"w":24,"h":1}}
                """.formatted(panel(2, "{\"x\":0,\"y\":1,\"w\":12,\"h\":8}", "up"),
                panel(3, "{\"x\":0,\"y\":2,\"w\":12,\"h\":8}", "up")));
        assertThat(lint(json, "grid-overlap")).extracting(LintFinding::path)
                .containsExactly("$.panels[0].panels[1].gridPos");
    }

    @Test
    void panelUnits() {
        assertThat(lint(good(), "panel-units")).isEmpty();
        String noUnit = good().replace("\"unit\": \"s\"", "\"decimals\": 1");
        assertThat(lint(noUnit, "panel-units")).extracting(LintFinding::toString).containsExactly(
                "WARNING panel-units $.panels[0].fieldConfig.defaults.unit: the timeseries panel \"P1\" has no unit");
    }

    @Test
    void rulesCanBeTurnedOffByIdAndUnknownIdsAreRejected() {
        String noUnit = good().replace("\"unit\": \"s\"", "\"decimals\": 1");
        assertThat(LINTER.without("panel-units").lint(Dashboards.read(noUnit)).findings()).isEmpty();
        assertThatThrownBy(() -> LINTER.without("units")).hasMessageStartingWith(
                "\"units\" is not a lint rule; rules are [dashboard-title, panel-title,");
    }

    @Test
    void reportsHaveErrorsOnlyForErrorFindings() {
        String noUnit = good().replace("\"unit\": \"s\"", "\"decimals\": 1");
        assertThat(LINTER.lint(Dashboards.read(noUnit)).hasErrors()).isFalse();
        assertThat(LINTER.lint(Dashboards.read(good().replace("\"title\": \"T\"", "\"title\": \"\""))).hasErrors())
                .isTrue();
    }

    @Test
    void lintsTheReferenceDashboardsWithoutCrashing() throws IOException {
        Path dir = DashboardsRealRoundTripTest.dir();
        assumeTrue(dir != null && Files.isDirectory(dir), "reference dashboards absent: skipping");
        Map<String, Integer> byRule = new TreeMap<>();
        for (Path f : DashboardsRealRoundTripTest.realDashboards().toList()) {
            for (LintFinding x : LINTER.lint(Dashboards.read(Files.readString(f))).findings()) {
                byRule.merge(x.rule(), 1, Integer::sum);
            }
        }
        System.out.println("lint findings on the reference dashboards by rule: " + byRule);
        assertThat(byRule).containsKeys("target-datasource", "panel-units");
    }
}
