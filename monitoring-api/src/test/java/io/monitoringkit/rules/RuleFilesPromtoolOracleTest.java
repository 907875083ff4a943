package io.monitoringkit.rules;

import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle for rule-file verdicts: a corpus of valid and broken rule files (and YAML traps) is checked by the real
 * promtool 2.42 in one run; for every file our verdict (targeting 2.42) must equal
 * promtool's. PromQL that 2.42 and 3.x parse differently (new functions, UTF-8 selectors) is kept out.
 */
class RuleFilesPromtoolOracleTest {

    /** name → YAML. */
    static final Map<String, String> CORPUS = new LinkedHashMap<>();

    private static void add(String name, String yaml) {
        CORPUS.put(name + ".yml", yaml);
    }

    private static String alert(String body) {
        return "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n" + body;
    }

    private static String record(String body) {
        return "groups:\n- name: g\n  rules:\n  - record: job:up:sum\n    expr: sum by (job) (up)\n" + body;
    }

    static {
        // valid files
        add("ok-recording", record(""));
        add("ok-alerting", alert("    for: 5m\n    labels:\n      severity: page\n    annotations:\n"
                + "      summary: '{{ $labels.instance }} down since {{ $value }}'\n"));
        add("ok-keep-firing-for", alert("    keep_firing_for: 10m\n"));
        add("ok-interval-limit", "groups:\n- name: g\n  interval: 30s\n  limit: 10\n  rules:\n  - record: a:b\n    expr: up\n");
        add("ok-empty-file", "");
        add("ok-only-comments", "# nothing here\n");
        add("ok-empty-groups", "groups: []\n");
        add("ok-null-groups", "groups:\n");
        add("ok-empty-rules", "groups:\n- name: g\n  rules: []\n");
        add("ok-null-rules", "groups:\n- name: g\n  rules:\n");
        add("ok-two-groups", "groups:\n- name: a\n  rules:\n  - record: a:b\n    expr: up\n- name: b\n  rules:\n"
                + "  - alert: X\n    expr: up == 0\n");
        add("ok-yaml-traps-labels", alert("    labels:\n      a: no\n      b: on\n      c: yes\n      d: 1.50\n"
                + "      e: 0x10\n      f: ~\n      g: null\n      h: true\n      i: 1e3\n      j: '007'\n"));
        add("ok-flow-style", "{groups: [{name: g, rules: [{record: 'a:b', expr: up}]}]}\n");
        add("ok-block-scalar-expr", "groups:\n- name: g\n  rules:\n  - record: a:b\n    expr: |\n      sum by (job) (\n"
                + "        rate(x[5m])\n      )\n");
        add("ok-folded-annotation", alert("    annotations:\n      d: >\n        folded\n        text {{ $value }}\n"));
        add("ok-range-vector-expr", record("").replace("sum by (job) (up)", "up[5m]"));
        add("ok-string-expr", record("").replace("sum by (job) (up)", "'\"x\"'"));
        add("ok-number-expr", record("").replace("sum by (job) (up)", "1"));
        add("ok-template-runtime-error", alert("    annotations:\n      s: '{{ eq $value 1 }}'\n"));
        add("ok-template-functions", alert("    annotations:\n      s: '{{ with query \"up\" }}{{ . | first | value | "
                + "humanize }}{{ end }} {{ $externalLabels.x }} {{ reReplaceAll \"a\" \"b\" $labels.job }}'\n"));
        add("ok-document-marker", "---\ngroups:\n- name: g\n  rules:\n  - record: a:b\n    expr: up\n");
        add("ok-multi-document", "groups:\n- name: g\n  rules:\n  - record: a:b\n    expr: up\n---\ngroups:\n"
                + "- name: g\n  rules:\n  - record: 'bad name'\n    expr: up\n");
        add("lint-duplicate-rules", "groups:\n- name: g\n  rules:\n  - record: a:b\n    expr: up\n  - record: a:b\n"
                + "    expr: up\n");
        add("ok-comments", "# c\ngroups: # c\n- name: g # c\n  rules:\n  # c\n  - record: a:b # c\n    expr: up # c\n");
        add("ok-quoted-keys", "\"groups\":\n- \"name\": g\n  \"rules\":\n  - \"record\": a:b\n    \"expr\": up\n");
        add("ok-colon-name", record("").replace("job:up:sum", ":leading:colon"));
        add("ok-alert-name-anything", alert("").replace("alert: A", "alert: 'Any Name — ok!'"));
        add("ok-label-template", alert("    labels:\n      summary: '{{ $labels.job }}'\n"));
        add("ok-utf8-values", alert("    labels:\n      team: 'équipe 🚀'\n"));
        add("ok-for-zero", alert("    for: 0s\n"));
        add("ok-record-for-zero", record("    for: 0s\n"));
        add("ok-complex-promql", record("").replace("sum by (job) (up)",
                "'histogram_quantile(0.99, sum by (le, job) (rate(x_bucket{job=~\"a|b\"}[5m] offset 1h)))'"));
        add("ok-subquery", record("").replace("sum by (job) (up)", "'max_over_time(rate(x[1m])[5m:30s])'"));
        add("ok-windows-newlines", "groups:\r\n- name: g\r\n  rules:\r\n  - record: a:b\r\n    expr: up\r\n");
        add("ok-expr-number-string", record("").replace("sum by (job) (up)", "'1.50'"));
        add("ok-limit-zero", "groups:\n- name: g\n  limit: 0\n  rules: []\n");
        // broken files
        add("bad-group-name-empty", "groups:\n- name: ''\n  rules: []\n");
        add("bad-group-name-missing", "groups:\n- rules: []\n");
        add("bad-duplicate-group", "groups:\n- name: g\n  rules: []\n- name: g\n  rules: []\n");
        add("bad-record-and-alert", "groups:\n- name: g\n  rules:\n  - record: a:b\n    alert: A\n    expr: up\n");
        add("bad-neither", "groups:\n- name: g\n  rules:\n  - expr: up\n");
        add("bad-expr-missing", "groups:\n- name: g\n  rules:\n  - record: a:b\n");
        add("bad-expr-empty", record("").replace("sum by (job) (up)", "''"));
        add("bad-expr-syntax", record("").replace("sum by (job) (up)", "'sum(up'"));
        add("bad-expr-unknown-function", record("").replace("sum by (job) (up)", "nope(up)"));
        add("bad-expr-type", record("").replace("sum by (job) (up)", "rate(up)"));
        add("bad-record-name", record("").replace("job:up:sum", "'bad name'"));
        add("bad-record-name-dash", record("").replace("job:up:sum", "bad-name"));
        add("bad-record-braces", record("").replace("job:up:sum", "'a{b=\"c\"}'"));
        add("bad-record-annotations", record("    annotations:\n      a: b\n"));
        add("bad-record-for", record("    for: 5m\n"));
        add("bad-record-keep-firing-for", record("    keep_firing_for: 5m\n"));
        add("bad-label-name", alert("    labels:\n      'bad-name': x\n"));
        add("bad-label-name-utf8", alert("    labels:\n      'a.b': x\n"));
        add("bad-label-metric-name", alert("    labels:\n      __name__: x\n"));
        add("bad-annotation-name", alert("    annotations:\n      'bad name': x\n"));
        add("bad-template-annotation", alert("    annotations:\n      s: '{{ $labels.job }'\n"));
        add("bad-template-label", alert("    labels:\n      s: '{{ nope }}'\n"));
        add("bad-template-undefined-var", alert("    annotations:\n      s: '{{ $x }}'\n"));
        add("bad-template-function-from-3x", alert("    annotations:\n      s: '{{ toDuration 60 }}'\n"));
        add("bad-template-unclosed", alert("    annotations:\n      s: '{{ if true }}x'\n"));
        add("bad-unknown-top-field", "groups: []\nextra: 1\n");
        add("bad-unknown-group-field", "groups:\n- name: g\n  foo: 1\n  rules: []\n");
        add("bad-unknown-rule-field", record("    foo: bar\n"));
        add("bad-group-labels-2x", "groups:\n- name: g\n  labels:\n    a: b\n  rules: []\n");
        add("bad-query-offset-2x", "groups:\n- name: g\n  query_offset: 1m\n  rules: []\n");
        add("bad-partial-response", "groups:\n- name: g\n  partial_response_strategy: warn\n  rules: []\n");
        add("bad-for-duration", alert("    for: 5x\n"));
        add("bad-for-negative", alert("    for: -5m\n"));
        add("bad-interval", "groups:\n- name: g\n  interval: soon\n  rules: []\n");
        add("bad-limit-string", "groups:\n- name: g\n  limit: many\n  rules: []\n");
        add("bad-duplicate-key", record("    expr: up\n"));
        add("bad-groups-string", "groups: nope\n");
        add("bad-rules-map", "groups:\n- name: g\n  rules:\n    record: a:b\n");
        add("bad-top-level-list", "- name: g\n");
        add("bad-expr-list", record("").replace("expr: sum by (job) (up)", "expr: [up]"));
        add("bad-labels-list", alert("    labels: [a, b]\n"));
        add("bad-yaml-syntax", "groups:\n- name: g\n  rules: [\n");
        add("bad-yaml-tab-indent", "groups:\n\t- name: g\n");
        add("bad-two-errors", "groups:\n- name: g\n  rules:\n  - record: 'x y'\n    expr: 'sum('\n");
    }

    private static boolean promtoolSaysValid(String stdout, String file) {
        List<String> lines = stdout.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("Checking " + file)) {
                return i + 1 < lines.size() && lines.get(i + 1).startsWith("  SUCCESS");
            }
        }
        throw new AssertionError("promtool did not check " + file + ":\n" + stdout);
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CORPUS.keySet().stream().filter(n -> n.startsWith("bad-")).count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void verdictsEqualPromtools(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.locate(); // skips loudly when promtool is absent
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
            if (!e.getKey().startsWith("lint-")) {
                files.add(Path.of(e.getKey()));
            }
        }
        CommandResult result = promtool.inDirectory(dir).withTimeout(Duration.ofSeconds(120)).checkRules(files);
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
            if (e.getKey().startsWith("lint-")) {
                continue;
            }
            boolean theirs = promtoolSaysValid(result.stdout(), e.getKey());
            RuleCheck ours = RuleFiles.check(e.getValue(), e.getKey(), "2.42");
            if (ours.isValid() != theirs) {
                disagreements.add(e.getKey() + ": promtool says " + (theirs ? "valid" : "invalid") + ", we say "
                        + (ours.isValid() ? "valid" : "invalid") + "\n" + ours.report());
            }
        }
        assertThat(disagreements).as("promtool output:%n%s", result.output()).isEmpty();
        for (String name : CORPUS.keySet()) {
            if (!name.startsWith("lint-")) {
                assertThat(name.startsWith("ok-")).as("corpus naming of %s matches promtool", name)
                        .isEqualTo(promtoolSaysValid(result.stdout(), name));
            }
        }
    }

    @Test
    void duplicateRulesAreALintWarningForUsAndForPromtool(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.locate();
        String name = "lint-duplicate-rules.yml";
        Files.writeString(dir.resolve(name), CORPUS.get(name));
        CommandResult result = promtool.inDirectory(dir).checkRules(Path.of(name));
        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).contains("duplicate rule");
        RuleCheck ours = RuleFiles.check(CORPUS.get(name), name, "2.42");
        assertThat(ours.isValid()).isTrue();
        assertThat(ours.warnings()).extracting(RuleProblem::message)
                .containsExactly("duplicate of rule 1 (same name, expression and labels)");
    }
}
