package io.monitoringkit.engine.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus file gets the verdict its header declares (the one promtool 2.x and 3.x give it; see
 * {@link RuleTestPromtoolOracleTest}), and a few files' whole reports are pinned.
 */
class RuleTestCorpusTest {

    private final RuleTestRunner runner = RuleTestRunner.create();

    @TestFactory
    Stream<DynamicTest> everyFileGetsItsDeclaredVerdict() {
        List<RuleTestCorpus.Entry> corpus = RuleTestCorpus.entries();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        assertThat(corpus).filteredOn(RuleTestCorpus.Entry::expectPass).hasSizeGreaterThanOrEqualTo(15);
        assertThat(corpus).filteredOn(e -> !e.expectPass()).hasSizeGreaterThanOrEqualTo(15);
        return corpus.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            RuleTestResult r = runner.run(e.path());
            assertThat(r.passed()).as("%s passed; report:%n%s", e.name(), r.render()).isEqualTo(e.expectPass());
        }));
    }

    @TestFactory
    Stream<DynamicTest> prefetchingChangesNothingButSpeed() {
        RuleTestRunner stepByStep = RuleTestRunner.builder().prefetch(false).build();
        List<Path> files = new java.util.ArrayList<>(RuleTestCorpus.entries().stream().map(RuleTestCorpus.Entry::path)
                .toList());
        files.add(Path.of(System.getProperty("user.dir")).resolve("../benchmarks/ruletest/big.test.yml").normalize());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () ->
                assertThat(runner.run(f).render()).isEqualTo(stepByStep.run(f).render())));
    }

    private String report(String name) {
        String dir = RuleTestCorpus.directory() + "/";
        return runner.run(RuleTestCorpus.directory().resolve(name)).render().replace(dir, "");
    }

    @Test
    void alertMismatchIsReportedWithTheTestNameExpectedAndGotAlerts() {
        assertThat(report("02-instance-down-wrong-label.test.yml")).isEqualTo("""
                Unit Testing:  02-instance-down-wrong-label.test.yml
                  FAILED:
                    name: wrong severity,
                    alertname: InstanceDown, time: 4m,\s
                        exp:[
                            0:
                              Labels:{alertname="InstanceDown", instance="n1:9100", job="node", severity="page"}
                              Annotations:{description="n1:9100 of job node has been down for more than 2 minutes.", summary="Instance n1:9100 down"}
                            ],\s
                        got:[
                            0:
                              Labels:{alertname="InstanceDown", instance="n1:9100", job="node", severity="critical"}
                              Annotations:{description="n1:9100 of job node has been down for more than 2 minutes.", summary="Instance n1:9100 down"}
                            ]


                """);
    }

    @Test
    void sampleMismatchShowsBothSidesSortedByLabelsInGoExponentForm() {
        assertThat(report("09-promql-missing-sample.test.yml")).isEqualTo("""
                Unit Testing:  09-promql-missing-sample.test.yml
                  FAILED:
                    expr: "http_requests_total", time: 3m,
                        exp: {__name__="http_requests_total", code="200", job="api"} 2.1E+02
                        got: {__name__="http_requests_total", code="200", job="api"} 2.1E+02, {__name__="http_requests_total", code="500", job="api"} 9E+01


                """);
    }

    @Test
    void everyFailureOfAFileIsReportedInPromtoolsOrder() {
        assertThat(report("27-every-failure-reported.test.yml")).isEqualTo("""
                Unit Testing:  27-every-failure-reported.test.yml
                  FAILED:
                    name: many failures,
                    alertname: QueueBacklog, time: 1m,\s
                        exp:[],\s
                        got:[
                            0:
                              Labels:{alertname="QueueBacklog", queue="mail", severity="warning"}
                              Annotations:{summary="queue mail has 150 messages"}
                            ]

                    name: many failures,
                    alertname: InstanceDown, time: 5m,\s
                        exp:[
                            0:
                              Labels:{alertname="InstanceDown", instance="n2:9100", job="node", severity="critical"}
                              Annotations:{}
                            ],\s
                        got:[
                            0:
                              Labels:{alertname="InstanceDown", instance="n1:9100", job="node", severity="critical"}
                              Annotations:{description="n1:9100 of job node has been down for more than 2 minutes.", summary="Instance n1:9100 down"}
                            ]

                    expr: "up", time: 5m,
                        exp: {__name__="up", instance="n1:9100", job="node"} 1E+00
                        got: {__name__="up", instance="n1:9100", job="node"} 0E+00

                    expr: "sum(up", time: 5m, err: 1:7: parse error: unclosed left parenthesis

                    expr: "queue_depth[5m]", time: 5m, err: rule result is not a vector or scalar

                    expr: "up", time: 5m, err: labels "up{job=\\"node\\", instance=\\"n1:9100\\"": 1:34: parse error: unexpected end of input inside braces

                    name: more,
                    alertname: QueueBacklog, time: 2m,\s
                        exp:[
                            0:
                              Labels:{alertname="QueueBacklog", queue="mail", severity="warning"}
                              Annotations:{}
                            ],\s
                        got:[]


                """);
    }

    @Test
    void valuesAreGoQuotedInFailures() {
        assertThat(report("50-quoting-in-messages.test.yml")).contains("""
                        got:[
                            0:
                              Labels:{alertname="OddLabels", msg="a \\"b\\"", note="say \\"hi\\"", path="C:\\\\temp"}
                              Annotations:{text="line one\\nline two with \\\\ backslash"}
                            ]
                """);
    }

    @Test
    void ruleEvaluationErrorStopsTheTestGroupAtThatStep() {
        assertThat(report("41-rule-error-duplicate-labelset.test.yml")).isEqualTo("""
                Unit Testing:  41-rule-error-duplicate-labelset.test.yml
                  FAILED:
                    rule: job:up:all, time: 0s, err: vector contains metrics with the same labelset after applying rule labels


                """);
    }

    @Test
    void brokenRuleFileIsReportedForEveryTestGroup() {
        String line = "rules/broken.yml: 5:15: group \"broken\", rule 1, \"job:x:sum\": could not parse expression: ";
        assertThat(report("36-broken-rule-file.test.yml"))
                .startsWith("Unit Testing:  36-broken-rule-file.test.yml\n  FAILED:\n" + line)
                .containsSubsequence(line, "\n\n" + line);
    }

    @Test
    void strictYamlProblemsNameFileLineAndField() {
        assertThat(report("32-yaml-unknown-field.test.yml")).isEqualTo("""
                Unit Testing:  32-yaml-unknown-field.test.yml
                  FAILED:
                32-yaml-unknown-field.test.yml:12:9: tests[0].alert_rule_test[0]: unknown field "alertnme"; known fields are eval_time, alertname, exp_alerts


                """);
    }

    @Test
    void missingRuleFilePatternIsAWarning() {
        assertThat(report("38-no-matching-rule-file.test.yml")).isEqualTo("""
                Unit Testing:  38-no-matching-rule-file.test.yml
                  WARNING: no file match pattern rules/does-not-exist-*.yml
                  SUCCESS

                """);
    }
}
