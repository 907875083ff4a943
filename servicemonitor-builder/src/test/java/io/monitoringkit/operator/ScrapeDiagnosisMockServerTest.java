package io.monitoringkit.operator;

import static io.monitoringkit.operator.ScrapeDiagnosisTest.namespace;
import static io.monitoringkit.operator.ScrapeDiagnosisTest.prometheus;
import static io.monitoringkit.operator.ScrapeDiagnosisTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RuleGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builders' resources and the doctor against fabric8's Kubernetes mock server in CRUD mode. */
class ScrapeDiagnosisMockServerTest {
    static KubernetesMockServer server;
    static KubernetesClient client;

    /** CRUD mode, bound to 127.0.0.1 (the annotation's "localhost" may resolve to an address it does not listen on). */
    @BeforeAll
    static void startServer() throws Exception {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getPort()).withNamespace("default")
                .withTrustCerts(true).withRequestRetryBackoffLimit(0).build()).build();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.destroy();
    }

    @Test
    void mockServerRoundTripsMonitorsAndTheDoctorReadsTheCluster() {
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").endpoint("web").build();
        client.resource(sm).create();
        client.resource(prometheus()).create();
        client.resource(service()).create();
        client.resource(namespace("shop")).create();
        ServiceMonitor back = client.resources(ServiceMonitor.class).inNamespace("shop").withName("checkout").get();
        assertThat(back.getSpec()).isEqualTo(sm.getSpec());
        assertThat(client.resources(ServiceMonitor.class).inAnyNamespace().list().getItems()).hasSize(1);
        assertThat(Manifests.validate(back)).isEmpty();

        assertThat(ScrapeDiagnosis.fromCluster(client).findings()).map(Finding::toString).containsExactly(
                "ServiceMonitor shop/checkout: Prometheus monitoring/k8s does not select it (serviceMonitorSelector"
                        + " release=my-prom): label release=my-prom is missing",
                "ServiceMonitor shop/checkout: spec.endpoints[0].port \"web\" is not a port name of Service"
                        + " shop/checkout (ports: http-metrics 8080)");

        PrometheusRule pr = PrometheusRules.forGroups("checkout-rules", List.of(RuleGroup.builder("checkout")
                .limit(5).label("team", "shop")
                .rule(AlertingRule.builder("Down").expr("up == 0").build()).build())).namespace("monitoring")
                .forRelease("my-prom").build();
        client.resource(pr).create();
        PrometheusRule prBack = client.resources(PrometheusRule.class).inNamespace("monitoring")
                .withName("checkout-rules").get();
        assertThat(prBack.getSpec().getGroups().get(0).getAdditionalProperties())
                .containsEntry("limit", 5).containsEntry("labels", Map.of("team", "shop"));
    }
}
