package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusRulesTest {

    static RuleGroup group() {
        return RuleGroup.builder("checkout").interval(PromDuration.ofMinutes(1)).limit(10)
                .queryOffset(PromDuration.ofSeconds(30)).label("team", "shop")
                .rule(RecordingRule.of("job:up:sum", "sum by (job) (up)"))
                .rule(AlertingRule.builder("CheckoutDown").expr("job:up:sum{job=\"checkout\"} == 0")
                        .forDuration(PromDuration.ofMinutes(5)).label("severity", "page")
                        .annotation("summary", "No").build())
                .build();
    }

    @Test
    void groupFieldsFabric8LacksReachTheYamlThroughAdditionalProperties() {
        PrometheusRule pr = PrometheusRules.forRules("checkout-rules", RuleFile.of(List.of(group())))
                .namespace("shop").forRelease("my-prom").build();
        assertThat(Manifests.toYaml(pr)).isEqualTo("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  labels:
                    release: my-prom
                  name: checkout-rules
                  namespace: shop
                spec:
                  groups:
                    - interval: 1m
                      labels:
                        team: shop
                      limit: 10
                      name: checkout
                      query_offset: 30s
                      rules:
                        - expr: sum by (job) (up)
                          record: job:up:sum
                        - alert: CheckoutDown
                          annotations:
                            summary: "No"
                          expr: "job:up:sum{job=\\"checkout\\"} == 0"
                          for: 5m
                          labels:
                            severity: page
                """);
    }

    @Test
    void summaryNoStaysAStringThroughYamlAndBack() {
        PrometheusRule pr = PrometheusRules.forGroups("r", List.of(group())).build();
        PrometheusRule back = Manifests.read(Manifests.toYaml(pr), PrometheusRule.class).get(0);
        assertThat(back.getSpec().getGroups().get(0).getRules().get(1).getAnnotations())
                .containsEntry("summary", "No");
        assertThat(back.getSpec()).isEqualTo(pr.getSpec());
    }

    @Test
    void oneInvalidExpressionIsRefusedBecauseItWouldBlockReloadingEveryRule() {
        PrometheusRule pr = PrometheusRules.forGroups("r", List.of(group())).build();
        pr.getSpec().getGroups().get(0).getRules().get(0).setExpr(
                new io.fabric8.kubernetes.api.model.IntOrString("sum(rate(x[5m])"));
        assertThatThrownBy(() -> PrometheusRules.from(pr).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .map(Violation::toString).containsExactly(
                                "spec.groups[0].rules[0]: could not parse expression: 1:16: unclosed left parenthesis"));
    }

    @Test
    void partialResponseStrategyIsRefusedForPrometheusAndKeptForThanosRuler() {
        RuleGroup thanos = group().toBuilder().partialResponseStrategy("warn").build();
        assertThatThrownBy(() -> PrometheusRules.forGroups("r", List.of(thanos)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .map(Violation::toString).containsExactly("spec.groups[0].partial_response_strategy: is read"
                                + " only by Thanos Ruler; Prometheus does not support it (the operator drops it for"
                                + " Prometheus)"));
        PrometheusRule pr = PrometheusRules.forGroups("r", List.of(thanos)).forThanosRuler().build();
        assertThat(Manifests.toYaml(pr)).contains("partial_response_strategy: warn");
    }

    @Test
    void aPrometheusRuleWithoutTheRuleSelectorLabelIsExplainedByTheDoctor() {
        PrometheusRule pr = PrometheusRules.forGroups("r", List.of(group())).namespace("monitoring").build();
        assertThat(ScrapeDiagnosis.of(List.of(ScrapeDiagnosisTest.prometheus(), pr)).findings())
                .map(Finding::toString).containsExactly("PrometheusRule monitoring/r: Prometheus monitoring/k8s does"
                        + " not select it (ruleSelector release=my-prom): label release=my-prom is missing");
    }
}
