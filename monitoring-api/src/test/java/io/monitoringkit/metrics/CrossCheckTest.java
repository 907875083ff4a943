package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossCheckTest {

    private static final MetricCatalog CATALOG = MetricCatalog.of(
            MetricDescriptor.counter("req_total", "code", "route"),
            MetricDescriptor.gauge("temp_celsius", "room"),
            MetricDescriptor.histogram("lat_seconds", "route"),
            MetricDescriptor.info("build_info", "version", "revision"));

    private static List<String> messages(CrossCheck check, ExpressionSource... sources) {
        return check.check(sources).findings().stream().map(f -> f.line() + ":" + f.column() + " " + f.check()
                + ": " + f.message()).toList();
    }

    private static List<String> messages(ExpressionSource... sources) {
        return messages(CrossCheck.against(CATALOG), sources);
    }

    private static ExpressionSource expr(String promql) {
        return ExpressionSource.of("a", "x", promql);
    }

    private static ExpressionSource record(String name, String promql) {
        return ExpressionSource.recording("a", "record " + name, name, promql, Map.of());
    }

    @Test
    void wellFormedExpressionsHaveNoFindings() {
        assertThat(messages(
                expr("sum by (job, code) (rate(req_total{code=~\"5..\", instance!=\"\"}[5m]))"),
                expr("histogram_quantile(0.9, sum by (le, route) (rate(lat_seconds_bucket[5m])))"),
                expr("temp_celsius{room=\"kitchen\"} > 30 and on (job) up == 1"),
                expr("build_info{version=\"1\"} * on (job) group_right (revision) up"),
                expr("sum(rate(lat_seconds_sum[5m])) / sum(rate(lat_seconds_count[5m]))"),
                expr("delta(temp_celsius[1h]) > 2"),
                expr("absent(req_total{code=\"200\"}) or vector(0)"),
                expr("ALERTS{alertname=\"X\", severity=\"page\"}"),
                expr("count by (__name__) (temp_celsius)")))
                .isEmpty();
    }

    @Test
    void recordedSeriesKeepTheLabelsTheirExpressionKeeps() {
        assertThat(messages(
                record("by:req", "sum by (code) (rate(req_total[5m]))"),
                record("without:req", "sum without (code) (rate(req_total[5m]))"),
                record("on:req", "rate(req_total[5m]) / on (route) group_left sum by (route) (rate(req_total[5m]))"),
                record("ignoring:req", "rate(req_total[5m]) / ignoring (code) sum without (code) (rate(req_total[5m]))"),
                record("one:req", "rate(req_total[5m]) / on (route, job) rate(req_total[5m])"),
                record("left:req", "rate(req_total[5m]) * on (job) group_left (version) build_info"),
                record("right:req", "build_info * on (job) group_right (room) temp_celsius"),
                record("replace:req", "label_replace(rate(req_total[5m]), \"path\", \"$1\", \"route\", \"(.*)\")"),
                record("join:req", "label_join(temp_celsius, \"where\", \"-\", \"room\", \"job\")"),
                record("values:req", "count_values(\"value\", temp_celsius) by (room)"),
                record("or:req", "sum by (code) (req_total) or sum by (room) (temp_celsius)"),
                record("chain:req", "sum by (code, route) (by:req)"),
                expr("by:req{code=\"500\", route=\"/\"}"),
                expr("without:req{route=\"/\", instance=\"a\", code=\"x\"}"),
                expr("on:req{code=\"1\", route=\"/\", job=\"a\"}"),
                expr("ignoring:req{code=\"1\", route=\"/\"}"),
                expr("one:req{code=\"1\", route=\"/\", job=\"a\"}"),
                expr("left:req{version=\"1\", code=\"2\", revision=\"x\"}"),
                expr("right:req{room=\"k\", version=\"1\"}"),
                expr("replace:req{path=\"/\", route=\"/\"}"),
                expr("join:req{where=\"k-a\", room=\"k\"}"),
                expr("values:req{value=\"3\", room=\"k\", job=\"a\"}"),
                expr("or:req{code=\"1\", room=\"k\", route=\"/\"}"),
                expr("chain:req{code=\"1\", route=\"/\"}")))
                .containsExactly(
                        "1:1 unknown-label: sum by (code, route): its argument has no label \"route\"; its labels "
                                + "are code",
                        "1:20 unknown-label: recorded series \"by:req\" has no label \"route\"; its labels are code"
                                + " (recorded by record by:req in a)",
                        "1:38 unknown-label: recorded series \"without:req\" has no label \"code\"; its labels are "
                                + "instance, job, route (recorded by record without:req in a)",
                        "1:14 unknown-label: recorded series \"ignoring:req\" has no label \"code\"; its labels are "
                                + "instance, job, route (recorded by record ignoring:req in a)",
                        "1:9 unknown-label: recorded series \"one:req\" has no label \"code\"; its labels are job, "
                                + "route (recorded by record one:req in a)",
                        "1:33 unknown-label: recorded series \"left:req\" has no label \"revision\"; its labels are "
                                + "code, instance, job, route, version (recorded by record left:req in a)",
                        "1:21 unknown-label: recorded series \"right:req\" has no label \"version\"; its labels are "
                                + "instance, job, room (recorded by record right:req in a)",
                        "1:33 unknown-label: recorded series \"values:req\" has no label \"job\"; its labels are "
                                + "room, value (recorded by record values:req in a)",
                        "1:28 unknown-label: recorded series \"or:req\" has no label \"route\"; its labels are "
                                + "code, room (recorded by record or:req in a)",
                        "1:21 unknown-label: recorded series \"chain:req\" has no label \"route\"; its labels are "
                                + "code (recorded by record chain:req in a)");
    }

    @Test
    void recordingCyclesAndUnknownInputsLeaveLabelsUnchecked() {
        assertThat(messages(
                record("a:x", "sum by (job) (b:x)"),
                record("b:x", "a:x * 2"),
                record("c:x", "rate(node_cpu_seconds_total[5m])"),
                expr("b:x{anything=\"1\"}"),
                expr("c:x{cpu=\"0\"}")))
                .as("sum by (job) keeps only job, whatever its cyclic argument has").containsExactly(
                        "1:6 unknown-metric: metric \"node_cpu_seconds_total\" is not in the catalog; no similar name "
                                + "among its 8 series names",
                        "1:5 unknown-label: recorded series \"b:x\" has no label \"anything\"; its labels are job "
                                + "(recorded by record b:x in a)");
    }

    @Test
    void theAllowListTakesNamesAndWholeNamePatterns() {
        CrossCheck check = CrossCheck.against(CATALOG).allow("node_load1", "kube_.*_info");
        assertThat(messages(check, expr("node_load1{cpu=\"x\"} + kube_pod_info + on () kube_pod_status")))
                .containsExactly("1:45 unknown-metric: metric \"kube_pod_status\" is not in the catalog; no similar "
                        + "name among its 8 series names");
        assertThat(check.allows("kube_node_info")).isTrue();
        assertThat(check.allows("xkube_node_info")).isFalse();
        assertThatThrownBy(() -> check.allow("kube_(")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"kube_(\" is neither a metric name nor a valid RE2 pattern: ");
        assertThat(messages(check, expr("node_lod1"))).containsExactly(
                "1:1 unknown-metric: metric \"node_lod1\" is not in the catalog; nearest names: node_load1");
    }

    @Test
    void severitiesAreConfigurableAndChecksCanBeTurnedOff() {
        ExpressionSource s = expr("rate(temp_celsius[5m]) + rate(req{code=\"1\"}[5m])");
        CrossCheck check = CrossCheck.against(CATALOG);
        CrossCheckReport r = check.severity(CrossCheck.Check.RATE_OVER_NON_COUNTER, CrossCheckFinding.Severity.INFO)
                .check(s);
        assertThat(r.findings()).extracting(CrossCheckFinding::severity, CrossCheckFinding::check).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CrossCheckFinding.Severity.INFO, "rate-over-non-counter"),
                org.assertj.core.groups.Tuple.tuple(CrossCheckFinding.Severity.ERROR, "counter-without-total"));
        assertThat(check.without(CrossCheck.Check.COUNTER_WITHOUT_TOTAL, CrossCheck.Check.RATE_OVER_NON_COUNTER)
                .check(s).isClean()).isTrue();
        assertThat(CrossCheck.Check.byId("value-never-matches")).isEqualTo(CrossCheck.Check.VALUE_NEVER_MATCHES);
        assertThatThrownBy(() -> CrossCheck.Check.byId("nope")).hasMessage("\"nope\" is not a check; the checks are "
                + "[parse-error, unknown-metric, counter-without-total, unknown-label, value-never-matches, "
                + "rate-over-non-counter, gauge-function-over-counter, histogram-quantile]");
    }

    @Test
    void targetLabelsAreOnEverySeriesButOnlyThoseConfigured() {
        ExpressionSource s = expr("temp_celsius{namespace=\"shop\", pod=~\"api-.*\"}");
        assertThat(messages(s)).containsExactly(
                "1:14 unknown-label: metric \"temp_celsius\" has no label \"namespace\"; its labels are room, and the "
                        + "target labels instance, job",
                "1:32 unknown-label: metric \"temp_celsius\" has no label \"pod\"; its labels are room, and the "
                        + "target labels instance, job");
        assertThat(messages(CrossCheck.against(CATALOG).targetLabels("namespace", "pod"), s)).isEmpty();
    }

    @Test
    void positionsAreLineAndColumnInsideTheExpression() {
        CrossCheckReport r = CrossCheck.against(CATALOG).check(ExpressionSource.of("f.yml", "group \"g\", alert \"A\", expr",
                "sum by (route) (\n  rate(req_total{stauts=\"5\"}[5m])\n)\n  / on (route)\nsum by (route) (rate(reqs_total[5m]))"));
        assertThat(r.format()).isEqualTo("""
                f.yml: group "g", alert "A", expr 2:18: error [unknown-label]: metric "req_total" has no label "stauts"; its labels are code, route, and the target labels instance, job
                f.yml: group "g", alert "A", expr 5:22: error [unknown-metric]: metric "reqs_total" is not in the catalog; nearest names: req_total
                """);
    }

    @Test
    void replacedTextKeepsOriginalPositionsAndIsNotChecked() {
        String grafana = "sum(rate($metric{code=~\"$code\", rooom=\"$room\", stauts=\"1\"}[$__rate_interval])) + "
                + "rate(reqs_total[$__range])";
        ExpressionSource s = ExpressionSource.of("d.json", "panel", grafana).withReplacements(List.of(
                new ExpressionSource.Replacement(9, 16, "var"),
                new ExpressionSource.Replacement(24, 29, "var"),
                new ExpressionSource.Replacement(39, 44, "var"),
                new ExpressionSource.Replacement(59, 75, "5m"),
                new ExpressionSource.Replacement(97, 105, "5m")));
        assertThat(s.parsedText()).isEqualTo("sum(rate(var{code=~\"var\", rooom=\"var\", stauts=\"1\"}[5m])) + "
                + "rate(reqs_total[5m])");
        assertThat(messages(s)).containsExactly("1:87 unknown-metric: metric \"reqs_total\" is not in the catalog; "
                + "nearest names: req_total");
        ExpressionSource known = ExpressionSource.of("d.json", "panel", "req_total{stauts=\"$x\", code=\"$y\"}")
                .withReplacements(List.of(new ExpressionSource.Replacement(18, 20, "var"),
                        new ExpressionSource.Replacement(29, 31, "var")));
        assertThat(messages(known)).containsExactly("1:11 unknown-label: metric \"req_total\" has no label \"stauts\"; "
                + "its labels are code, route, and the target labels instance, job");
        assertThatThrownBy(() -> s.withReplacements(List.of(new ExpressionSource.Replacement(1, 5, "x"),
                new ExpressionSource.Replacement(4, 6, "y")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replacement [4, 6) overlaps another or lies outside the text of length 107");
    }

    @Test
    void parseErrorsArePositionedInTheOriginalText() {
        ExpressionSource s = ExpressionSource.of("d.json", "panel", "rate(x[$__rate_interval]) +")
                .withReplacements(List.of(new ExpressionSource.Replacement(7, 23, "5m")));
        assertThat(messages(s)).containsExactly("1:28 parse-error: does not parse: unexpected end of input");
    }

    @Test
    void valuesAreCheckedOnlyWhenTheCatalogSawThem() {
        MetricCatalog seen = MetricCatalog.from(ExpositionParser.parse("""
                # TYPE req_total counter
                req_total{code="200",route="/"} 1
                req_total{code="500"} 1
                """, ExpositionFormat.PROMETHEUS_TEXT));
        assertThat(messages(CrossCheck.against(seen), expr(
                "req_total{code=\"404\"} + req_total{route=\"\"} + req_total{code!~\"200|500\"} + req_total{route=\"/x\"}")))
                .containsExactly(
                        "1:16 value-never-matches: code=\"404\" matches no value of label \"code\" of \"req\" in the "
                                + "catalog; the values seen are \"200\", \"500\"",
                        "1:63 value-never-matches: code!~\"200|500\" matches no value of label \"code\" of \"req\" in "
                                + "the catalog; the values seen are \"200\", \"500\"",
                        "1:92 value-never-matches: route=\"/x\" matches no value of label \"route\" of \"req\" in the "
                                + "catalog; the values seen are \"\" (absent), \"/\"");
        assertThat(messages(expr("req_total{code=\"404\"}"))).as("descriptors carry no values").isEmpty();
    }

    @Test
    void checksRuleFileModels() {
        RuleFile file = RuleFile.of(List.of(RuleGroup.builder("g")
                .rule(RecordingRule.of("job:req:rate5m", "sum by (job) (rate(req_total[5m]))"))
                .rule(AlertingRule.builder("A").expr("job:req:rate5m{code=\"500\"} > 1").build())
                .build()));
        assertThat(CrossCheck.against(CATALOG).check("rules.yml", file).format()).isEqualTo(
                "rules.yml: group \"g\", alert \"A\", expr 1:16: error [unknown-label]: recorded series "
                        + "\"job:req:rate5m\" has no label \"code\"; its labels are job (recorded by group \"g\", "
                        + "record \"job:req:rate5m\" in rules.yml)\n");
        assertThat(CrossCheck.against(CATALOG).check(file).findings()).extracting(CrossCheckFinding::artifact)
                .containsExactly("rules");
    }

    @Test
    void functionsMustFitTheType() {
        assertThat(messages(
                expr("increase(build_info[1h])"),
                expr("irate(lat_seconds_bucket[5m]) + rate(lat_seconds_created[5m])"),
                expr("predict_linear(req_total[1h], 60) + idelta(lat_seconds_count[5m])"),
                expr("histogram_quantile(0.5, temp_celsius)"),
                expr("histogram_quantile(0.5, sum without (le) (rate(lat_seconds_bucket[5m])))"),
                expr("histogram_quantile(0.5, topk(3, rate(lat_seconds_bucket[5m])))")))
                .containsExactly(
                        "1:1 rate-over-non-counter: increase() needs a counter, but \"build_info\" is an info metric",
                        "1:33 rate-over-non-counter: rate() needs a counter, but \"lat_seconds_created\" holds the "
                                + "creation time of histogram \"lat_seconds\"",
                        "1:1 gauge-function-over-counter: predict_linear() is meant for gauges, but \"req_total\" is a "
                                + "counter (its resets look like drops); use rate() or increase()",
                        "1:37 gauge-function-over-counter: idelta() is meant for gauges, but \"lat_seconds_count\" is "
                                + "a counter (its resets look like drops); use rate() or increase()",
                        "1:25 histogram-quantile: histogram_quantile() needs the _bucket series of a histogram, with "
                                + "their \"le\" label; \"temp_celsius\" is a series of gauge \"temp_celsius\"",
                        "1:1 histogram-quantile: histogram_quantile() needs the \"le\" label of histogram buckets, "
                                + "but its argument keeps only instance, job, route; keep le in every aggregation, "
                                + "e.g. sum by (le, ...)");
    }

    @Test
    void catalogsCombine() {
        MetricCatalog a = MetricCatalog.from(ExpositionParser.parse("""
                # TYPE jobs counter
                jobs{queue="a"} 1
                # TYPE empty gauge
                """, ExpositionFormat.PROMETHEUS_TEXT));
        MetricCatalog b = MetricCatalog.of(MetricDescriptor.gauge("depth", "queue"));
        MetricCatalog all = MetricCatalog.combine(a, b.withTargetLabels("pod"));
        assertThat(all.seriesNames()).containsExactly("depth", "empty", "jobs");
        assertThat(all.targetLabels()).containsExactly("instance", "job", "pod");
        assertThat(all.labelValues("jobs", "queue")).hasValue(java.util.Set.of("a"));
        assertThat(all.labelValues("depth", "queue")).isEmpty();
        assertThat(all.knowsLabelsOf("empty")).isFalse();
        assertThat(messages(CrossCheck.against(all), expr("rate(jobs{queue=\"a\", pod=\"p\"}[5m]) + "
                + "empty{anything=\"x\"} + depth{queue=\"zzz\"} + rate(jobs_total[5m])")))
                .containsExactly("1:86 unknown-metric: counter \"jobs\" has no series named \"jobs_total\"; its series "
                        + "are jobs");
    }
}
