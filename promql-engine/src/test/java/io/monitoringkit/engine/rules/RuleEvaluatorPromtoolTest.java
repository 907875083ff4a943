package io.monitoringkit.engine.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-checks the evaluator against the real promtool (2.42): each scenario is evaluated in-process, promtool's
 * minute-by-minute way; the alerts firing at each checked minute and the values of queries over the written
 * series ({@code ALERTS}, {@code ALERTS_FOR_STATE}, recorded series, staleness) become the expectations of a
 * promtool test file, and one {@code promtool test rules} run over all files must pass every one of them. A copy
 * of one file with a single expectation changed must fail, so the check can tell. Scenarios keep off what differs
 * between 2.x and 3.x: no sample sits on a range or lookback boundary, and no {@code query_offset} or group
 * labels (3.x only).
 */
class RuleEvaluatorPromtoolTest {

    /** One promtool test file: a rule file, input series, and the minutes / queries to check. */
    record Scenario(String name, String rules, List<String[]> series, List<String> alertNames, List<Long> alertMinutes,
                    List<String> exprs, List<Long> exprSeconds, Labels externalLabels, String externalUrl,
                    List<String> groupOrder) {
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    private static List<Long> seconds(long... s) {
        List<Long> out = new ArrayList<>();
        for (long x : s) {
            out.add(x);
        }
        return out;
    }

    static List<Scenario> scenarios() {
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario("for_pending_firing_resolution", """
                groups:
                  - name: availability
                    rules:
                      - alert: InstanceDown
                        expr: up == 0
                        for: 3m
                        labels:
                          severity: page
                        annotations:
                          summary: "{{ $labels.instance }} of {{ $labels.job }} is down"
                          value: "{{ $value }}"
                """, List.of(
                new String[] {"up{job=\"api\", instance=\"a\"}", "1 1 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 0 0 0"},
                new String[] {"up{job=\"api\", instance=\"b\"}", "0x20"},
                new String[] {"up{job=\"db\", instance=\"c\"}", "0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"}),
                List.of("InstanceDown"), range(0, 19),
                List.of("ALERTS", "ALERTS_FOR_STATE", "ALERTS{alertstate=\"pending\"}", "count by (alertstate) (ALERTS)"),
                seconds(180, 300, 360, 420, 480, 750, 1140), Labels.empty(), "", List.of()));
        out.add(new Scenario("keep_firing_for", """
                groups:
                  - name: errors
                    rules:
                      - alert: Errors
                        expr: errors > 5
                        for: 1m
                        keep_firing_for: 3m
                        annotations:
                          summary: "errors at {{ $value }}"
                """, List.<String[]>of(
                new String[] {"errors{svc=\"x\"}", "0 6 7 8 0 0 0 9 0 0 0 0 0 0 0 0"},
                new String[] {"errors{svc=\"y\"}", "6 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0"}),
                List.of("Errors"), range(0, 15),
                List.of("ALERTS", "ALERTS_FOR_STATE"), seconds(300, 330, 600, 660, 690, 840),
                Labels.empty(), "", List.of()));
        out.add(new Scenario("templates", """
                groups:
                  - name: latency
                    rules:
                      - alert: HighLatency
                        expr: latency_seconds > 0.5
                        labels:
                          cluster: "{{ $externalLabels.cluster }}"
                          owner: "{{ $labels.path | toUpper }}"
                        annotations:
                          summary: "{{ $labels.path }} p99 is {{ $value | humanizeDuration }}"
                          dashboard: "{{ $externalURL }}/d/latency?path={{ $labels.path | urlquery }}"
                          replicas: "{{ with query \\"sum(replicas)\\" }}{{ . | first | value }}{{ end }}"
                          percent: "{{ $value | humanizePercentage }}"
                          fixed: "{{ printf \\"%.2f\\" $value }}"
                          big: "{{ humanize 1234567 }} {{ humanize1024 2048 }}"
                """, List.<String[]>of(
                new String[] {"latency_seconds{path=\"/api\"}", "0.3 0.7 1.25 1.5 0.9 0.2"},
                new String[] {"latency_seconds{path=\"/home\"}", "0.6x5"},
                new String[] {"replicas{az=\"a\"}", "3 3 4 4 4 4"},
                new String[] {"replicas{az=\"b\"}", "1 1 1 2 2 2"}),
                List.of("HighLatency"), range(0, 5), List.of("ALERTS"), seconds(120),
                Labels.of("cluster", "eu1"), "http://prom.example", List.of()));
        String chain = """
                groups:
                  - name: derived
                    rules:
                      - record: job:requests:rate150s_x2
                        expr: job:requests:rate150s * 2
                  - name: base
                    rules:
                      - record: instance:requests:rate150s
                        expr: rate(requests_total[150s])
                      - record: job:requests:rate150s
                        expr: sum by (job) (instance:requests:rate150s)
                      - alert: TooManyRequests
                        expr: job:requests:rate150s > 1.2
                        for: 2m
                        annotations:
                          summary: "{{ $value | humanize }} requests per second"
                """;
        List<String[]> requests = List.<String[]>of(
                new String[] {"requests_total{job=\"api\", instance=\"a\"}", "0+60x20"},
                new String[] {"requests_total{job=\"api\", instance=\"b\"}", "0+30x10 100+90x10"});
        List<String> chainExprs = List.of("job:requests:rate150s_x2", "instance:requests:rate150s",
                "job:requests:rate150s");
        out.add(new Scenario("recording_chain_in_order", chain, requests, List.of("TooManyRequests"),
                range(2, 18), chainExprs, seconds(120, 300, 660, 720, 900), Labels.empty(), "",
                List.of("base", "derived")));
        out.add(new Scenario("recording_chain_reversed", chain, requests, List.of("TooManyRequests"),
                range(2, 18), chainExprs, seconds(120, 300, 660, 720, 900), Labels.empty(), "",
                List.of("derived", "base")));
        out.add(new Scenario("staleness_and_absent", """
                groups:
                  - name: workers
                    rules:
                      - record: busy_workers
                        expr: workers > 2
                      - record: busy_count
                        expr: count(busy_workers)
                      - alert: BatchJobMissing
                        expr: absent(up{job="batch"})
                        for: 2m
                        labels:
                          severity: ticket
                      - alert: NobodyBusy
                        expr: absent(busy_workers)
                        annotations:
                          summary: "value {{ $value }}, labels {{ $labels }}"
                """, List.<String[]>of(
                new String[] {"workers{w=\"1\"}", "1 3 4 1 1 5 5 5 1 1 1 1"},
                new String[] {"workers{w=\"2\"}", "3 3 3 3 0 0 0 0 0 0 0 0"},
                new String[] {"up{job=\"batch\"}", "1 1 1 stale"}),
                List.of("BatchJobMissing", "NobodyBusy"), range(0, 11),
                List.of("busy_workers", "busy_count", "count_over_time(busy_workers[100s])"),
                seconds(60, 120, 180, 240, 270, 300, 480, 510, 600), Labels.empty(), "", List.of()));
        out.add(new Scenario("same_alert_in_two_groups_with_limit", """
                groups:
                  - name: cpu
                    rules:
                      - alert: Saturation
                        expr: cpu_usage > 0.8
                        labels:
                          resource: cpu
                  - name: memory
                    limit: 5
                    rules:
                      - alert: Saturation
                        expr: memory_usage > 0.9
                        for: 1m
                        labels:
                          resource: memory
                """, List.<String[]>of(
                new String[] {"cpu_usage{host=\"h1\"}", "0.5 0.9 0.95 0.7 0.7"},
                new String[] {"memory_usage{host=\"h1\"}", "0.95x4"},
                new String[] {"memory_usage{host=\"h2\"}", "0.5 0.97 0.97 0.97 0.5"}),
                List.of("Saturation"), range(0, 4), List.of("ALERTS"), seconds(60, 120, 240),
                Labels.empty(), "", List.of()));
        out.add(new Scenario("label_from_value_changes_identity", """
                groups:
                  - name: disks
                    rules:
                      - alert: DiskFilling
                        expr: disk_free_ratio < 0.2
                        for: 2m
                        labels:
                          band: "{{ if lt $value 0.1 }}critical{{ else }}low{{ end }}"
                        annotations:
                          summary: "{{ $labels.dev }}: {{ $value | humanizePercentage }} free"
                """, List.<String[]>of(
                new String[] {"disk_free_ratio{dev=\"sda\"}", "0.3 0.15 0.15 0.15 0.05 0.05 0.05 0.05 0.15 0.15"}),
                List.of("DiskFilling"), range(0, 9), List.of("ALERTS", "ALERTS_FOR_STATE"),
                seconds(180, 240, 360, 480, 540), Labels.empty(), "", List.of()));
        return out;
    }

    /** Evaluates a scenario in-process and returns its promtool test file (JSON, which is YAML). */
    static Map<String, Object> testFile(Scenario s, String ruleFileName, int[] counters) {
        Storage storage = Storage.create();
        for (String[] series : s.series()) {
            storage.loadSeries(series[0], series[1], PromDuration.ofMinutes(1));
        }
        RuleEvaluator ev = RuleEvaluator.builder(PromEngine.create(storage)).externalLabels(s.externalLabels())
                .externalUrl(s.externalUrl()).build().addRuleFile(RuleFiles.read(s.rules(), ruleFileName));

        long maxSeconds = 0;
        for (long m : s.alertMinutes()) {
            maxSeconds = Math.max(maxSeconds, m * 60);
        }
        for (long sec : s.exprSeconds()) {
            maxSeconds = Math.max(maxSeconds, sec);
        }
        List<Object> alertTests = new ArrayList<>();
        for (long t = 0; t <= maxSeconds; t += 60) {
            Instant at = Instant.ofEpochSecond(t);
            List<RuleEvaluationError> errors = s.groupOrder().isEmpty() ? ev.evaluate(at)
                    : ev.evaluate(s.groupOrder(), at);
            assertThat(errors).as("%s at %s", s.name(), at).isEmpty();
            if (!s.alertMinutes().contains(t / 60)) {
                continue;
            }
            for (String name : s.alertNames()) {
                List<Object> exp = new ArrayList<>();
                for (Alert a : ev.alerts(name)) {
                    if (a.state() != AlertState.FIRING) {
                        continue;
                    }
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("exp_labels", a.labels().without("alertname").asMap());
                    e.put("exp_annotations", a.annotations());
                    exp.add(e);
                    counters[0]++;
                }
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("eval_time", (t / 60) + "m");
                test.put("alertname", name);
                test.put("exp_alerts", exp);
                alertTests.add(test);
            }
        }
        List<Object> exprTests = new ArrayList<>();
        for (long sec : s.exprSeconds()) {
            for (String expr : s.exprs()) {
                QueryResult.Vector v = ev.engine().query(expr, Instant.ofEpochSecond(sec)).asVector();
                List<Object> samples = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    Map<String, Object> sample = new LinkedHashMap<>();
                    sample.put("labels", seriesText(v.labels(i)));
                    sample.put("value", new BigDecimal(v.value(i)));
                    samples.add(sample);
                    counters[1]++;
                }
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("expr", expr);
                test.put("eval_time", sec + "s");
                test.put("exp_samples", samples);
                exprTests.add(test);
            }
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", s.name());
        group.put("interval", "1m");
        List<Object> input = new ArrayList<>();
        for (String[] series : s.series()) {
            input.add(Map.of("series", series[0], "values", series[1]));
        }
        group.put("input_series", input);
        if (!s.externalLabels().isEmpty()) {
            group.put("external_labels", s.externalLabels().asMap());
        }
        if (!s.externalUrl().isEmpty()) {
            group.put("external_url", s.externalUrl());
        }
        group.put("alert_rule_test", alertTests);
        group.put("promql_expr_test", exprTests);

        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of(ruleFileName));
        file.put("evaluation_interval", "1m");
        if (!s.groupOrder().isEmpty()) {
            file.put("group_eval_order", s.groupOrder());
        }
        file.put("tests", List.of(group));
        return file;
    }

    private static String seriesText(Labels labels) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(labels.name(i)).append("=\"")
                    .append(labels.value(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
        }
        return b.append('}').toString();
    }

    @Test
    void promtoolAcceptsWhatTheEvaluatorComputesForEveryScenario(@TempDir Path dir) throws Exception {
        Promtool promtool = Promtool.locate();
        ObjectMapper json = new ObjectMapper();
        int[] counters = new int[2];
        List<Path> files = new ArrayList<>();
        Map<String, Object> first = null;
        for (Scenario s : scenarios()) {
            String ruleFile = s.name() + ".rules.yml";
            Files.writeString(dir.resolve(ruleFile), s.rules());
            Map<String, Object> test = testFile(s, ruleFile, counters);
            if (first == null) {
                first = test;
            }
            Path f = dir.resolve(s.name() + ".test.json");
            Files.writeString(f, json.writerWithDefaultPrettyPrinter().writeValueAsString(test));
            files.add(f);
        }
        // a control: one changed annotation must make promtool fail
        String control = json.writeValueAsString(first).replaceFirst("\"a of api is down\"", "\"a of api is up\"");
        assertThat(control).isNotEqualTo(json.writeValueAsString(first));
        Path controlFile = dir.resolve("control.test.json");
        Files.writeString(controlFile, control);
        files.add(controlFile);

        CommandResult r = promtool.inDirectory(dir).testRules(files);
        TreeSet<String> passed = new TreeSet<>();
        for (Path f : files) {
            if (r.stdout().contains("Unit Testing:  " + f + "\n  SUCCESS")
                    || r.stdout().contains("Unit Testing:  " + f.getFileName() + "\n  SUCCESS")) {
                passed.add(f.getFileName().toString());
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        for (Scenario s : scenarios()) {
            expected.add(s.name() + ".test.json");
        }
        assertThat(passed).as(r.describe()).isEqualTo(expected);
        assertThat(r.exitCode()).isEqualTo(1);   // the control failed
        assertThat(r.stderr()).contains("a of api is up");
        // the expectations are not trivially empty
        assertThat(counters[0]).as("firing alerts expected").isGreaterThan(60);
        assertThat(counters[1]).as("samples expected").isGreaterThan(60);
        System.out.println("RuleEvaluatorPromtoolTest: " + scenarios().size() + " scenarios, " + counters[0]
                + " firing alerts and " + counters[1] + " samples confirmed by " + promtool.version());
    }
}
