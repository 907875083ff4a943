package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Prometheus;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RuleGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeDiagnosisTest {
    static Prometheus prometheus() {
        return new PrometheusBuilder().withNewMetadata().withName("k8s").withNamespace("monitoring").endMetadata()
                .withNewSpec()
                .withNewServiceMonitorSelector().addToMatchLabels("release", "my-prom").endServiceMonitorSelector()
                .withNewServiceMonitorNamespaceSelector().endServiceMonitorNamespaceSelector()
                .withNewRuleSelector().addToMatchLabels("release", "my-prom").endRuleSelector()
                .endSpec().build();
    }

    static io.fabric8.kubernetes.api.model.Service service() {
        return new ServiceBuilder().withNewMetadata().withName("checkout").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "checkout").endMetadata()
                .withNewSpec().addNewPort().withName("http-metrics").withPort(8080).endPort().endSpec().build();
    }

    static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    }

    @Test
    void aWellWiredMonitorHasNoFindings() {
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .endpoint("http-metrics").build();
        assertThat(ScrapeDiagnosis.of(List.of(prometheus(), sm, service(), namespace("shop"))).findings()).isEmpty();
    }

    @Test
    void aMonitorWithoutTheReleaseLabelNamesTheMissingLabel() {
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").endpoint("http-metrics").build();
        assertThat(ScrapeDiagnosis.of(List.of(prometheus(), sm, service(), namespace("shop"))).findings())
                .map(Finding::toString).containsExactly("ServiceMonitor shop/checkout: Prometheus monitoring/k8s does"
                        + " not select it (serviceMonitorSelector release=my-prom): label release=my-prom is missing");
    }

    @Test
    void aNullNamespaceSelectorMeansThePrometheusOwnNamespace() {
        Prometheus p = new PrometheusBuilder(prometheus()).editSpec().withServiceMonitorNamespaceSelector(null)
                .endSpec().build();
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .endpoint("http-metrics").build();
        assertThat(ScrapeDiagnosis.of(List.of(p, sm, service())).findings()).map(Finding::toString)
                .containsExactly("ServiceMonitor shop/checkout: Prometheus monitoring/k8s has no"
                        + " serviceMonitorNamespaceSelector, so it looks only in its own namespace monitoring, not in"
                        + " shop");
    }

    @Test
    void aNamespaceSelectorThatDoesNotMatchTheNamespaceIsReported() {
        Prometheus p = new PrometheusBuilder(prometheus()).editSpec().withNewServiceMonitorNamespaceSelector()
                .addToMatchLabels("monitoring", "enabled").endServiceMonitorNamespaceSelector().endSpec().build();
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .endpoint("http-metrics").build();
        assertThat(ScrapeDiagnosis.of(List.of(p, sm, service(), namespace("shop"))).findings())
                .map(Finding::toString).containsExactly("ServiceMonitor shop/checkout: Prometheus monitoring/k8s does"
                        + " not watch namespace shop (serviceMonitorNamespaceSelector monitoring=enabled): label"
                        + " monitoring=enabled is missing");
    }

    @Test
    void aPortNumberWhereTheServicePortNameIsNeededIsReported() {
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .endpoint("8080").build();
        assertThat(ScrapeDiagnosis.of(List.of(prometheus(), sm, service(), namespace("shop"))).findings())
                .map(Finding::toString).containsExactly("ServiceMonitor shop/checkout: spec.endpoints[0].port \"8080\""
                        + " is not a port name of Service shop/checkout (ports: http-metrics 8080); port takes the"
                        + " port's name, use targetPort for a number");
    }

    @Test
    void noMatchingServiceNamesTheLabelEachCandidateLacks() {
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .matchLabel("app", "checkout").endpoint("http-metrics").build();
        assertThat(ScrapeDiagnosis.of(List.of(prometheus(), sm, service(), namespace("shop"))).findings())
                .map(Finding::toString).containsExactly("ServiceMonitor shop/checkout: no Service in namespace shop"
                        + " matches selector app=checkout; Service shop/checkout: label app=checkout is missing");
    }

    @Test
    void timeoutLongerThanIntervalAndUnknownScrapeClassAreReported() {
        String yaml = Manifests.toYaml(prometheus(), service(), namespace("shop")) + "---\n" + """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: checkout, namespace: shop, labels: {release: my-prom}}
                spec:
                  scrapeClass: tls
                  selector: {matchLabels: {app.kubernetes.io/name: checkout}}
                  endpoints: [{port: http-metrics, interval: 30s, scrapeTimeout: 1m}]
                """;
        assertThat(ScrapeDiagnosis.fromYaml(yaml).findings()).map(Finding::toString).containsExactly(
                "ServiceMonitor shop/checkout: invalid: spec.endpoints[0].scrapeTimeout: scrapeTimeout 1m is greater"
                        + " than interval 30s; the operator drops the whole monitor (it says so only in its log)",
                "ServiceMonitor shop/checkout: scrapeClass \"tls\" is not defined by Prometheus monitoring/k8s (it"
                        + " defines none); the operator rejects the monitor");
    }

    @Test
    void aPrometheusRuleMissingTheRuleSelectorLabelIsReported() {
        PrometheusRule pr = PrometheusRules.forGroups("checkout-rules", List.of(RuleGroup.builder("checkout")
                .rule(AlertingRule.builder("Down").expr("up == 0").build()).build())).namespace("shop").build();
        assertThat(ScrapeDiagnosis.of(List.of(prometheus(), pr, namespace("shop"))).findings())
                .map(Finding::toString).containsExactly(
                        "PrometheusRule shop/checkout-rules: Prometheus monitoring/k8s does not select it (ruleSelector"
                                + " release=my-prom): label release=my-prom is missing",
                        "PrometheusRule shop/checkout-rules: Prometheus monitoring/k8s has no ruleNamespaceSelector,"
                                + " so it looks only in its own namespace monitoring, not in shop");
    }
}
