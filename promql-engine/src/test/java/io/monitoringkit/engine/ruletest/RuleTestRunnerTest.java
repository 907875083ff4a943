package io.monitoringkit.engine.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleTestRunnerTest {

    private static final String RULES = """
            groups:
              - name: g
                rules:
                  - alert: Down
                    expr: up == 0
                    labels: {severity: page}
            """;

    private static final String MANIFEST = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: node, namespace: monitoring}
            spec:
              groups:
                - name: g
                  rules:
                    - alert: Down
                      expr: up == 0
                      labels: {severity: page}
            """;

    private static String test(String ruleFile, String extra) {
        return """
                rule_files: [%s]
                %s
                tests:
                  - name: fires
                    interval: 1m
                    input_series:
                      - series: 'up{instance="a"}'
                        values: '0x3'
                    alert_rule_test:
                      - eval_time: 2m
                        alertname: Down
                        exp_alerts:
                          - exp_labels: {severity: page, instance: a}
                  - name: silent
                    interval: 1m
                    input_series:
                      - series: 'up{instance="a"}'
                        values: '1x3'
                    alert_rule_test:
                      - eval_time: 2m
                        alertname: Down
                        exp_alerts:
                          - exp_labels: {severity: page, instance: a}
                """.formatted(ruleFile, extra);
    }

    @Test
    void reportsEachTestGroupWithItsFailures(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("r.yml"), RULES);
        Path t = Files.writeString(dir.resolve("t.yml"), test("r.yml", ""));
        RuleTestResult r = RuleTestRunner.create().run(t);
        assertThat(r.passed()).isFalse();
        assertThat(r.testCases()).extracting(RuleTestResult.TestCaseResult::name).containsExactly("fires", "silent");
        assertThat(r.failedTestCases()).singleElement().satisfies(c -> {
            assertThat(c.index()).isEqualTo(1);
            assertThat(c.failures()).singleElement().isInstanceOfSatisfying(RuleTestFailure.AlertMismatch.class,
                    m -> {
                        assertThat(m.alertname()).isEqualTo("Down");
                        assertThat(m.got()).isEmpty();
                        assertThat(m.expected()).hasSize(1);
                    });
        });
    }

    @Test
    void runSelectsTestGroupsByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("r.yml"), RULES);
        Path t = Files.writeString(dir.resolve("t.yml"), test("r.yml", ""));
        RuleTestResult r = RuleTestRunner.builder().run("^fi").build().run(t);
        assertThat(r.passed()).isTrue();
        assertThat(r.testCases()).extracting(RuleTestResult.TestCaseResult::name).containsExactly("fires");
    }

    @Test
    void rulesMayComeFromPrometheusRuleManifests(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MANIFEST);
        Path t = Files.writeString(dir.resolve("t.yml"), test("m.yaml", ""));
        RuleTestResult r = RuleTestRunner.builder().run("fires").build().run(t);
        assertThat(r.passed()).as(r.render()).isTrue();
    }

    @Test
    void startTimestampShiftsTimeZero(@TempDir Path dir) throws IOException {
        Path t = Files.writeString(dir.resolve("t.yml"), """
                tests:
                  - interval: 1m
                    start_timestamp: 2024-01-01T00:00:00Z
                    input_series:
                      - series: 'x'
                        values: '1 2 3'
                    promql_expr_test:
                      - expr: timestamp(x)
                        eval_time: 2m
                        exp_samples:
                          - value: 1704067320
                """);
        RuleTestResult r = RuleTestRunner.create().run(t);
        assertThat(r.passed()).as(r.render()).isTrue();
    }

    @Test
    void fuzzyCompareAcceptsOneUlp(@TempDir Path dir) throws IOException {
        String body = """
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'x'
                        values: '0.1'
                    promql_expr_test:
                      - expr: x + 0.2
                        eval_time: 0m
                        exp_samples:
                          - labels: '{}'
                            value: 0.3
                """;
        Path exact = Files.writeString(dir.resolve("exact.yml"), body);
        Path fuzzy = Files.writeString(dir.resolve("fuzzy.yml"), "fuzzy_compare: true\n" + body);
        RuleTestRunner runner = RuleTestRunner.create();
        assertThat(runner.run(exact).passed()).isFalse();
        assertThat(runner.run(fuzzy).passed()).isTrue();
    }

    @Test
    void aFileThatCannotBeReadFailsWithoutTestCases(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yml");
        RuleTestReport report = RuleTestRunner.create().run(List.of(missing));
        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.testCaseCount()).isZero();
        assertThat(report.render()).isEqualTo("Unit Testing:  " + missing + "\n  FAILED:\nopen " + missing
                + ": no such file or directory\n\n\n");
    }

    @Test
    void badSeriesNotationNamesTheField(@TempDir Path dir) throws IOException {
        Path t = Files.writeString(dir.resolve("t.yml"), """
                tests:
                  - input_series:
                      - series: 'x{a="1"'
                        values: '1'
                """);
        assertThat(RuleTestRunner.create().run(t).failureMessages()).singleElement().asString()
                .startsWith(t + ":3:17: tests[0].input_series[0].series: series description");
    }
}
