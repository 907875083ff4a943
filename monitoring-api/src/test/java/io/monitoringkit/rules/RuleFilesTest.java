package io.monitoringkit.rules;

import io.monitoringkit.model.PromDuration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleFilesTest {

    @Test
    void collectsEveryProblemWithItsLocation() {
        String yaml = """
                groups:
                - name: g
                  rules:
                  - record: 'bad-name'
                    expr: sum(up
                    annotations:
                      a: b
                  - alert: X
                    expr: up == 0
                    labels:
                      __name__: x
                    annotations:
                      s: '{{ $labels.job }'
                - name: g
                  rules: []
                """;
        RuleCheck check = RuleFiles.check(yaml, "r.yml", "2.42");
        assertThat(check.isValid()).isFalse();
        assertThat(check.ruleCount()).isEqualTo(2);
        assertThat(check.errors()).extracting(RuleProblem::toString).containsExactly(
                "r.yml:5:11: group \"g\", rule 1, \"bad-name\": could not parse expression: "
                        + "1:7: unclosed left parenthesis",
                "r.yml:4:13: group \"g\", rule 1, \"bad-name\": invalid field 'annotations' in recording rule",
                "r.yml:4:13: group \"g\", rule 1, \"bad-name\": invalid recording rule name: bad-name",
                "r.yml:11:17: group \"g\", rule 2, \"X\": invalid label name: __name__",
                "r.yml:13:10: group \"g\", rule 2, \"X\": annotation \"s\": template: __alert_X:1: "
                        + "unexpected \"}\" in operand",
                "r.yml:14:3: groupname: \"g\" is repeated in the same file");
        assertThat(check.report()).startsWith("Checking r.yml\n  FAILED:\nr.yml:5:11: ");
        assertThatThrownBy(check::toRuleFile).isInstanceOf(RuleValidationException.class)
                .hasMessageStartingWith("6 problems:\nr.yml:5:11");
    }

    @Test
    void reportsSuccessAsPromtoolDoes() {
        RuleCheck check = RuleFiles.check("groups:\n- name: g\n  rules:\n  - record: a:b\n    expr: up\n", "ok.yml");
        assertThat(check.report()).isEqualTo("Checking ok.yml\n  SUCCESS: 1 rules found\n");
        assertThat(check.toRuleFile().groups().get(0).rules().get(0)).isEqualTo(RecordingRule.of("a:b", "up"));
    }

    @Test
    void keepsYamlScalarsAsTheStringsPrometheusSees() {
        RuleFile f = RuleFiles.read("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up\n    labels:\n"
                + "      a: no\n      b: 1.50\n      c: ~\n      d: 0x10\n", "r.yml");
        assertThat(f.groups().get(0).rules().get(0).labels())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("a", "no", "b", "1.50", "c", "", "d", "0x10")));
    }

    @Test
    void namesFollowTheTargetedVersion() {
        String yaml = "groups:\n- name: g\n  rules:\n  - record: my.metric\n    expr: up\n    labels:\n      a.b: x\n";
        assertThat(RuleFiles.check(yaml, "r.yml").isValid()).isTrue();
        assertThat(RuleFiles.check(yaml, "r.yml", "2.55").errors()).extracting(RuleProblem::message)
                .containsExactly("invalid recording rule name: my.metric", "invalid label name: a.b");
    }

    @Test
    void fieldsNewerThanTheTargetAreUnknown() {
        String yaml = "groups:\n- name: g\n  query_offset: 1m\n  labels:\n    a: b\n  rules:\n  - alert: A\n"
                + "    expr: up\n    keep_firing_for: 5m\n";
        assertThat(RuleFiles.check(yaml, "r.yml", "2.41").errors()).extracting(RuleProblem::message).containsExactly(
                "field query_offset not found in type rulefmt.RuleGroup",
                "field labels not found in type rulefmt.RuleGroup",
                "field keep_firing_for not found in type rulefmt.RuleNode");
        assertThat(RuleFiles.check(yaml, "r.yml", "2.53").errors()).extracting(RuleProblem::message)
                .containsExactly("field labels not found in type rulefmt.RuleGroup");
        assertThat(RuleFiles.check(yaml, "r.yml", "3.1.0").isValid()).isTrue();
    }

    @Test
    void warnsWherePromtoolAcceptsButTheRuleCannotWork() {
        RuleCheck check = RuleFiles.check("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up[5m]\n"
                + "    annotations:\n      s: '{{ if gt $value 1 }}x{{ end }}'\n", "r.yml");
        assertThat(check.isValid()).isTrue();
        assertThat(check.warnings()).extracting(RuleProblem::message).containsExactly(
                "the expression is a range vector; Prometheus loads the rule but its evaluation fails "
                        + "(rules need an instant vector or a scalar)",
                "annotation \"s\": gt compares the float $value with the integer 1, which fails with "
                        + "\"incompatible types for comparison\"; write 1.0");
    }

    @Test
    void readsMultiDocumentPrometheusRuleManifests() {
        String yaml = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: a
                spec:
                  groups:
                  - name: a
                    rules:
                    - record: a:b
                      expr: up
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: b
                spec:
                  groups:
                  - name: b
                    rules:
                    - alert: B
                      expr: up == 0
                """;
        RuleFile f = RuleFiles.read(yaml, "m.yml");
        assertThat(f.groups()).extracting(RuleGroup::name).containsExactly("a", "b");
        assertThat(f.ruleCount()).isEqualTo(2);
    }

    @Test
    void rejectsManifestsOfAnotherKind() {
        assertThat(RuleFiles.check("apiVersion: v1\nkind: ConfigMap\n", "m.yml").errors())
                .extracting(RuleProblem::message).containsExactly(
                        "not a PrometheusRule: apiVersion \"v1\", kind \"ConfigMap\" (want monitoring.coreos.com/v1, "
                                + "PrometheusRule)");
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        RuleProblem p = RuleFiles.check("groups:\n- name: g\n  rules: [\n", "r.yml").errors().get(0);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).startsWith("yaml: ");
    }

    @Test
    void duplicateKeysAreErrorsAsInGoYaml() {
        assertThat(RuleFiles.check("groups:\n- name: g\n  name: h\n  rules: []\n", "r.yml").errors())
                .extracting(RuleProblem::toString)
                .containsExactly("r.yml:3:3: mapping key \"name\" already defined at line 2");
    }

    @Test
    void modelValidationReportsEveryProblem() {
        RuleGroup g = RuleGroup.builder("")
                .rule(RecordingRule.of("bad name{}", "up"))
                .rule(AlertingRule.builder("A").expr("up").annotation("bad name", "{{ nope }}").build())
                .build();
        assertThatThrownBy(() -> RuleFile.of(List.of(g, RuleGroup.builder("").build())))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::message).containsExactly(
                                "Groupname must not be empty",
                                "braces present in the recording rule name; should it be in expr?: bad name{}",
                                "annotation \"bad name\": template: __alert_A:1: function \"nope\" not defined",
                                "Groupname must not be empty",
                                "groupname: \"\" is repeated in the same file"));
    }

    @Test
    void compatibilityListsWhatAnOlderPrometheusLacks() {
        RuleFile f = RuleFile.of(List.of(RuleGroup.builder("g").queryOffset(PromDuration.ofMinutes(1)).label("a", "b")
                .partialResponseStrategy("warn")
                .rule(AlertingRule.builder("A").expr("up").keepFiringFor(PromDuration.ofMinutes(5))
                        .annotation("d", "{{ toDuration 60 }} {{ urlQueryEscape $labels.job }}").build())
                .rule(RecordingRule.of("my.metric", "up").withLabels(Map.of("a.b", "c")))
                .build()));
        assertThat(f.compatibleWith("2.41")).containsExactly(
                "group \"g\": query_offset needs Prometheus 2.53",
                "group \"g\": group labels need Prometheus 3.0",
                "group \"g\": partial_response_strategy is Thanos-only; Prometheus rejects it",
                "group \"g\": rule 1, \"A\": keep_firing_for needs Prometheus 2.42",
                "group \"g\": rule 1, \"A\": template function toDuration is not in Prometheus 2.41",
                "group \"g\": rule 1, \"A\": template function urlQueryEscape is not in Prometheus 2.41",
                "group \"g\": rule 2, \"my.metric\": the metric name needs Prometheus 3.0 (UTF-8 names)",
                "group \"g\": rule 2, \"my.metric\": label name \"a.b\" needs Prometheus 3.0 (UTF-8 names)");
        assertThat(f.compatibleWith("3.6")).containsExactly(
                "group \"g\": partial_response_strategy is Thanos-only; Prometheus rejects it",
                "group \"g\": rule 1, \"A\": template function urlQueryEscape is not in Prometheus 3.6");
        assertThatThrownBy(() -> f.compatibleWith("latest"))
                .hasMessage("\"latest\" is not a Prometheus version (e.g. 2.45 or 3.1.0)");
    }

    @Test
    void writesEveryStringQuotedAndMultiLineTemplatesAsBlocks() {
        RuleFile f = RuleFile.of(List.of(RuleGroup.builder("g").interval(PromDuration.ofSeconds(30)).limit(5)
                .rule(AlertingRule.builder("A").expr("up == 0").forDuration(PromDuration.ofMinutes(5))
                        .label("severity", "no").annotation("d", "line 1\nline 2").build())
                .build()));
        assertThat(f.toYaml()).isEqualTo("""
                groups:
                - name: "g"
                  interval: "30s"
                  limit: 5
                  rules:
                  - alert: "A"
                    expr: "up == 0"
                    for: "5m"
                    labels:
                      severity: "no"
                    annotations:
                      d: |-
                        line 1
                        line 2
                """);
    }

    @Test
    void buildersRejectMisuseQuotingTheValue() {
        assertThatThrownBy(() -> AlertingRule.builder("A").build())
                .hasMessage("alert \"A\": field 'expr' must be set");
        assertThatThrownBy(() -> RuleGroup.builder("g").limit(-1))
                .hasMessage("-1 is negative; limit must be 0 (none) or more");
        assertThatThrownBy(() -> AlertingRule.builder("A").expr("up").forDuration(PromDuration.ofMillis(-1)).build())
                .hasMessage("\"-1ms\" is negative; 'for' must not be");
    }
}
