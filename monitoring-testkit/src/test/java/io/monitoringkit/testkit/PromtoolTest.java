package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real promtool; skipped with an install hint when it is missing. */
class PromtoolTest {

    private static final String GOOD_RULES = """
            groups:
              - name: example
                rules:
                  - record: job:http_requests:rate5m
                    expr: sum by (job) (rate(http_requests_total[5m]))
                  - alert: InstanceDown
                    expr: up == 0
                    for: 5m
            """;
    private static final String BAD_RULES = """
            groups:
              - name: broken
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up
            """;

    @TempDir
    static Path dir;
    static Promtool promtool;

    @BeforeAll
    static void writeFiles() throws IOException {
        promtool = Promtool.locate().inDirectory(dir);
        Files.writeString(dir.resolve("good.yml"), GOOD_RULES);
        Files.writeString(dir.resolve("bad.yml"), BAD_RULES);
    }

    @Test
    void reportsItsVersion() {
        ToolVersion version = promtool.version();

        assertThat(version.program()).isEqualTo("promtool");
        assertThat(version.major()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void checkRulesAcceptsValidFiles() {
        CommandResult result = promtool.checkRules(Path.of("good.yml"));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("Checking good.yml").contains("SUCCESS: 2 rules found");
    }

    @Test
    void checkRulesChecksManyFilesInOneCallAndReportsTheBadOneWithPosition() {
        CommandResult result = promtool.checkRules(List.of(Path.of("good.yml"), Path.of("bad.yml")));

        assertThat(result.command()).hasSize(5).endsWith("check", "rules", "good.yml", "bad.yml");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).contains("SUCCESS: 2 rules found").contains("Checking bad.yml");
        assertThat(result.stderr()).contains("bad.yml: 5:15: group \"broken\", rule 1, \"job:up:sum\": "
                + "could not parse expression: 1:17: parse error: unclosed left parenthesis");
    }

    @Test
    void checkRulesNeedsAtLeastOneFile() {
        assertThatThrownBy(() -> promtool.checkRules(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one rule file is required");
    }

    @Test
    void testRulesPassesAndFailsLikePromtool() throws IOException {
        String test = """
                rule_files: [good.yml]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'up{job="api", instance="a"}'
                        values: '0x10'
                    alert_rule_test:
                      - eval_time: 6m
                        alertname: InstanceDown
                        exp_alerts:
                          - exp_labels: {job: api, instance: %s}
                """;
        Files.writeString(dir.resolve("pass.test.yml"), test.formatted("a"));
        Files.writeString(dir.resolve("fail.test.yml"), test.formatted("b"));

        CommandResult pass = promtool.testRules(Path.of("pass.test.yml"));
        CommandResult fail = promtool.testRules(Path.of("fail.test.yml"));

        assertThat(pass.exitCode()).as(pass.describe()).isZero();
        assertThat(pass.stdout()).contains("SUCCESS");
        assertThat(fail.exitCode()).as(fail.describe()).isEqualTo(1);
        assertThat(fail.stderr()).contains("alertname: InstanceDown, time: 6m");
    }

    @Test
    void checkMetricsLintsStandardInput() {
        CommandResult clean = promtool.checkMetrics("""
                # HELP http_requests_total Requests served.
                # TYPE http_requests_total counter
                http_requests_total{code="200"} 3
                """);
        CommandResult lint = promtool.checkMetrics("""
                # HELP requests Requests served.
                # TYPE requests counter
                requests 3
                """);

        assertThat(clean.exitCode()).as(clean.describe()).isZero();
        assertThat(lint.exitCode()).as(lint.describe()).isEqualTo(3);
        assertThat(lint.stderr()).contains("requests counter metrics should have \"_total\" suffix");
    }

    @Test
    void createsTsdbBlocksFromOpenMetrics() throws IOException {
        Path input = Files.writeString(dir.resolve("input.om"), """
                # TYPE http_requests counter
                http_requests_total{code="200"} 1 1700000000
                http_requests_total{code="200"} 5 1700000060
                # EOF
                """);
        Path out = dir.resolve("blocks");

        CommandResult result = promtool.createBlocksFromOpenMetrics(input, out);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        try (Stream<Path> blocks = Files.list(out)) {
            assertThat(blocks.filter(b -> Files.exists(b.resolve("meta.json")))).hasSize(1);
        }
    }

    @Test
    void aCommandThatOverrunsItsTimeoutIsKilled() {
        Promtool impatient = promtool.withTimeout(Duration.ofMillis(1));

        // any real command takes longer than a millisecond to start, run and exit
        assertThatThrownBy(() -> impatient.checkRules(Path.of("good.yml")))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("did not finish within 1 ms and was killed");
    }
}
