package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.rules.RuleValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionSourceTest {

    @Test
    void readsEveryRuleOfARuleFileWithItsExpressionAsWritten() {
        List<ExpressionSource> s = ExpressionSource.fromRules("r.yml", """
                groups:
                  - name: g
                    labels: {team: a}
                    rules:
                      - record: job:x:rate5m
                        expr: |
                          sum by (job) (
                            rate(x_total[5m])
                          )
                        labels: {slo: y}
                      - alert: A
                        expr: job:x:rate5m   >   1
                """);
        assertThat(s).extracting(ExpressionSource::location).containsExactly(
                "group \"g\", record \"job:x:rate5m\", expr", "group \"g\", alert \"A\", expr");
        assertThat(s.get(0).text()).isEqualTo("sum by (job) (\n  rate(x_total[5m])\n)\n");
        assertThat(s.get(0).record()).hasValue("job:x:rate5m");
        assertThat(s.get(0).recordLabels()).isEqualTo(Map.of("team", "a", "slo", "y"));
        assertThat(s.get(1).text()).isEqualTo("job:x:rate5m   >   1");
        assertThat(s.get(1).record()).isEmpty();
    }

    @Test
    void readsEveryDocumentOfAPrometheusRuleManifest() {
        List<ExpressionSource> s = ExpressionSource.fromRules("m.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: a}
                spec:
                  groups:
                    - name: one
                      rules:
                        - alert: A
                          expr: up == 0
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: b}
                spec:
                  groups:
                    - name: two
                      rules:
                        - record: b
                          expr: sum(up)
                """);
        assertThat(s).extracting(ExpressionSource::location, ExpressionSource::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("group \"one\", alert \"A\", expr", "up == 0"),
                org.assertj.core.groups.Tuple.tuple("group \"two\", record \"b\", expr", "sum(up)"));
    }

    @Test
    void invalidRuleFilesAreRejectedWithEveryProblem() {
        assertThatThrownBy(() -> ExpressionSource.fromRules("r.yml", """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: sum(
                """)).isInstanceOf(RuleValidationException.class).hasMessageContaining("r.yml:5:15: group \"g\", rule 1, \"A\": could not parse expression: 1:5: "
                        + "unclosed left parenthesis");
    }

    @Test
    void replacementsMapParsedPositionsBackToTheOriginal() {
        ExpressionSource s = ExpressionSource.of("d", "p", "rate(x[$__rate_interval]) > $t")
                .withReplacements(List.of(new ExpressionSource.Replacement(7, 23, "5m"),
                        new ExpressionSource.Replacement(28, 30, "1")));
        assertThat(s.parsedText()).isEqualTo("rate(x[5m]) > 1");
        assertThat(s.originalOffset(7)).isEqualTo(7);
        assertThat(s.originalOffset(8)).isEqualTo(7);
        assertThat(s.originalOffset(9)).isEqualTo(23);
        assertThat(s.originalOffset(14)).isEqualTo(28);
        assertThat(s.originalOffset(15)).isEqualTo(30);
        assertThat(s.substituted(7, 9)).isTrue();
        assertThat(s.substituted(0, 7)).isFalse();
        assertThat(s.replacementTexts()).containsExactly("5m", "1");
        assertThatThrownBy(() -> new ExpressionSource.Replacement(3, 2, "x"))
                .hasMessage("replacement range [3, 2) is invalid");
        assertThatThrownBy(() -> ExpressionSource.recording("a", "b", "not a name", "up", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
