package io.monitoringkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTestCommandTest {

    private static final String RULES = """
            groups:
              - name: node
                rules:
                  - alert: InstanceDown
                    expr: up == 0
                    for: 2m
                    labels:
                      severity: critical
                    annotations:
                      summary: "{{ $labels.instance }} down"
            """;

    private static final String PASSING = """
            rule_files: [rules.yml]
            tests:
              - name: down
                interval: 1m
                input_series:
                  - series: 'up{instance="n1"}'
                    values: '0x5'
                alert_rule_test:
                  - eval_time: 1m
                    alertname: InstanceDown
                  - eval_time: 3m
                    alertname: InstanceDown
                    exp_alerts:
                      - exp_labels: {severity: critical, instance: n1}
                        exp_annotations: {summary: "n1 down"}
            """;

    private static final String FAILING = """
            rule_files: [rules.yml]
            tests:
              - name: too early
                interval: 1m
                input_series:
                  - series: 'up{instance="n1"}'
                    values: '0x5'
                alert_rule_test:
                  - eval_time: 1m
                    alertname: InstanceDown
                    exp_alerts:
                      - exp_labels: {severity: critical, instance: n1}
                        exp_annotations: {summary: "n1 down"}
                promql_expr_test:
                  - expr: up
                    eval_time: 2m
                    exp_samples:
                      - labels: 'up{instance="n1"}'
                        value: 1
            """;

    private static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), RULES);
        Files.writeString(dir.resolve("pass.test.yml"), PASSING);
        Files.writeString(dir.resolve("fail.test.yml"), FAILING);
        return dir;
    }

    @Test
    void aPassingFileReportsSuccessAndExitsZero(@TempDir Path dir) throws IOException {
        Path f = write(dir).resolve("pass.test.yml");
        CliRun run = CliRun.mkit("rules", "test", f.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Unit Testing:  " + f + "\n  SUCCESS\n\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aFailingFileReportsEveryFailureOnStandardErrorAndExitsOne(@TempDir Path dir) throws IOException {
        Path pass = write(dir).resolve("pass.test.yml");
        Path fail = dir.resolve("fail.test.yml");
        CliRun run = CliRun.mkit("rules", "test", fail.toString(), pass.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Unit Testing:  " + fail + "\n\n\n\nUnit Testing:  " + pass + "\n  SUCCESS\n\n");
        assertThat(run.err()).isEqualTo("""
                  FAILED:
                    name: too early,
                    alertname: InstanceDown, time: 1m,\s
                        exp:[
                            0:
                              Labels:{alertname="InstanceDown", instance="n1", severity="critical"}
                              Annotations:{summary="n1 down"}
                            ],\s
                        got:[]
                    expr: "up", time: 2m,
                        exp: {__name__="up", instance="n1"} 1E+00
                        got: {__name__="up", instance="n1"} 0E+00
                """);
    }

    @Test
    void runSelectsTestGroupsByName(@TempDir Path dir) throws IOException {
        Path fail = write(dir).resolve("fail.test.yml");
        CliRun run = CliRun.mkit("rules", "test", "--run", "^something else$", fail.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Unit Testing:  " + fail + "\n  SUCCESS\n\n");
    }

    @Test
    void aMissingFileStopsBeforeAnyTestRuns(@TempDir Path dir) throws IOException {
        Path pass = write(dir).resolve("pass.test.yml");
        Path missing = dir.resolve("missing.test.yml");
        CliRun run = CliRun.mkit("rules", "test", pass.toString(), missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("mkit: error: path '" + missing + "' does not exist\n");
    }

    @Test
    void anInvalidFileFailsWithItsProblems(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.test.yml"), "tests:\n  - intervall: 1m\n");
        CliRun run = CliRun.mkit("rules", "test", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("  FAILED:\n" + f + ":2:5: tests[0]: unknown field \"intervall\"; known fields"
                + " are name, interval, input_series, alert_rule_test, promql_expr_test, external_labels,"
                + " external_url, start_timestamp\n");
    }

    @Test
    void withoutFilesItIsAUsageError() {
        assertThat(CliRun.mkit("rules", "test").exitCode()).isEqualTo(2);
    }

    @Test
    void outputAndExitCodesEqualPromtools(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.locate(); // skips loudly when promtool is absent
        write(dir);
        for (List<String> files : List.of(List.of("pass.test.yml"), List.of("fail.test.yml"),
                List.of("fail.test.yml", "pass.test.yml"))) {
            CommandResult theirs = promtool.inDirectory(dir).testRules(files.stream().map(Path::of).toList());
            CliRun ours = CliRun.mkit(java.util.stream.Stream.concat(java.util.stream.Stream.of("rules", "test"),
                    files.stream().map(f -> dir.resolve(f).toString())).toArray(String[]::new));
            assertThat(ours.exitCode()).as("exit code for %s", files).isEqualTo(theirs.exitCode());
            assertThat(ours.out().replace(dir + "/", "")).as("stdout for %s", files).isEqualTo(theirs.stdout());
            assertThat(ours.err().replace(dir + "/", "")).as("stderr for %s", files).isEqualTo(theirs.stderr());
        }
    }
}
