package io.monitoringkit.engine.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.PromDuration;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleTestFileTest {

    private static final Path FILE = Path.of("t.yml");

    @Test
    void readsEveryFieldOfPromtoolsFormat() {
        RuleTestFile f = RuleTestFile.parse("""
                rule_files: [a.yml, 'rules/*.yml']
                evaluation_interval: 30s
                group_eval_order: [first, second]
                fuzzy_compare: true
                tests:
                  - name: t1
                    interval: 15s
                    external_labels: {cluster: eu, zone: 1}
                    external_url: http://prom
                    start_timestamp: 1700000000
                    input_series:
                      - series: 'up{job="a"}'
                        values: '1+1x3 _ stale'
                    alert_rule_test:
                      - eval_time: 1m30s
                        alertname: Down
                        exp_alerts:
                          - exp_labels: {severity: page, code: 1.50}
                            exp_annotations: {summary: "down", empty: ""}
                    promql_expr_test:
                      - expr: sum(up)
                        eval_time: 2m
                        exp_samples:
                          - labels: '{}'
                            value: .inf
                          - labels: 'up'
                            value: 0x1F
                """, FILE);
        assertThat(f.ruleFiles()).containsExactly("a.yml", "rules/*.yml");
        assertThat(f.evaluationInterval()).isEqualTo(PromDuration.ofSeconds(30));
        assertThat(f.groupEvalOrder()).containsExactly("first", "second");
        assertThat(f.fuzzyCompare()).isTrue();
        RuleTestFile.TestGroup t = f.tests().get(0);
        assertThat(t.name()).isEqualTo("t1");
        assertThat(t.interval()).isEqualTo(PromDuration.ofSeconds(15));
        assertThat(t.externalLabels()).containsExactly(Map.entry("cluster", "eu"), Map.entry("zone", "1"));
        assertThat(t.externalUrl()).isEqualTo("http://prom");
        assertThat(t.startTimestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(t.inputSeries()).containsExactly(new RuleTestFile.InputSeries("up{job=\"a\"}", "1+1x3 _ stale"));
        assertThat(t.alertRuleTests()).containsExactly(new RuleTestFile.AlertRuleTest(PromDuration.parse("1m30s"),
                "Down", List.of(new RuleTestFile.ExpectedAlert(Map.of("severity", "page", "code", "1.50"),
                Map.of("summary", "down", "empty", "")))));
        assertThat(t.promqlExprTests().get(0).expSamples()).containsExactly(
                new RuleTestFile.ExpectedSample("{}", Double.POSITIVE_INFINITY),
                new RuleTestFile.ExpectedSample("up", 31));
        assertThat(t.maxEvalTime()).isEqualTo(PromDuration.ofMinutes(2));
    }

    @Test
    void defaultsAreThoseOfPromtool() {
        RuleTestFile f = RuleTestFile.parse("tests:\n  - input_series: ~\n  -\n", FILE);
        assertThat(f.evaluationInterval()).isEqualTo(PromDuration.ofMinutes(1));
        assertThat(f.ruleFiles()).isEmpty();
        assertThat(f.fuzzyCompare()).isFalse();
        assertThat(f.tests()).hasSize(2);
        RuleTestFile.TestGroup t = f.tests().get(1);
        assertThat(t.name()).isEmpty();
        assertThat(t.interval()).isEqualTo(PromDuration.ZERO);
        assertThat(t.startTimestamp()).isEqualTo(Instant.EPOCH);
        assertThat(t.maxEvalTime()).isEqualTo(PromDuration.ZERO);
        assertThat(RuleTestFile.parse("", FILE).tests()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithFileLineColumnAndField() {
        assertThatThrownBy(() -> RuleTestFile.parse("""
                rule_files: a.yml
                evaluation_interval: 5
                tests:
                  - intervall: 1m
                    name: [x]
                    alert_rule_test:
                      - eval_time: 1h
                        eval_time: 2h
                        exp_alerts:
                          - exp_labels: {a: [1]}
                    promql_expr_test:
                      - expr: up
                        exp_samples:
                          - value: "1"
                          - value: one
                            histogram: '{{count:1}}'
                fuzzy_compare: maybe
                """, FILE))
                .isInstanceOfSatisfying(RuleTestFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "t.yml:1:13: rule_files: expected a list, got the scalar a.yml",
                        "t.yml:2:22: evaluation_interval: \"5\" is not a duration (e.g. 30s, 5m, 1h30m)",
                        "t.yml:4:5: tests[0]: unknown field \"intervall\"; known fields are name, interval, input_series,"
                                + " alert_rule_test, promql_expr_test, external_labels, external_url, start_timestamp",
                        "t.yml:5:11: tests[0].name: expected a string, got a sequence",
                        "t.yml:8:9: tests[0].alert_rule_test[0].eval_time: field given twice",
                        "t.yml:10:29: tests[0].alert_rule_test[0].exp_alerts[0].exp_labels.a: expected a string, got a"
                                + " sequence",
                        "t.yml:14:20: tests[0].promql_expr_test[0].exp_samples[0].value: expected a number (.inf, -.inf"
                                + " and .nan included), got a quoted string",
                        "t.yml:16:24: tests[0].promql_expr_test[0].exp_samples[1].histogram: native histogram samples"
                                + " are not supported by promql-engine",
                        "t.yml:15:20: tests[0].promql_expr_test[0].exp_samples[1].value: expected a number (.inf, -.inf"
                                + " and .nan included), got the scalar one",
                        "t.yml:17:16: fuzzy_compare: expected true or false, got the scalar maybe"));
    }

    @Test
    void malformedYamlIsOneLocatedProblem() {
        assertThatThrownBy(() -> RuleTestFile.parse("tests:\n  - name: [unclosed\n", FILE))
                .isInstanceOfSatisfying(RuleTestFileException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("t.yml:").contains("invalid YAML"));
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> RuleTestFile.read(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("open " + missing + ": no such file or directory");
    }
}
