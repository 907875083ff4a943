package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    static ServiceMonitor monitor() {
        return ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .endpoint("http-metrics", e -> e.withInterval("30s")).build();
    }

    static Probe probe() {
        return Probes.forStaticTargets("homepage", "blackbox:9115", "https://example.com").build();
    }

    @Test
    void multiDocumentYamlReadsBackIntoEqualObjects() {
        String yaml = Manifests.toYaml(monitor(), probe());
        assertThat(yaml).contains("\n---\napiVersion: monitoring.coreos.com/v1\nkind: Probe\n");
        List<HasMetadata> back = Manifests.read(yaml);
        assertThat(back).hasSize(2);
        assertThat(((ServiceMonitor) back.get(0)).getSpec()).isEqualTo(monitor().getSpec());
        assertThat(Manifests.read(yaml, Probe.class)).singleElement()
                .satisfies(p -> assertThat(p.getSpec()).isEqualTo(probe().getSpec()));
        assertThat(Manifests.toYaml(back)).isEqualTo(yaml);
    }

    @Test
    void jsonIsReadLikeYaml() {
        String json = Manifests.toJson(monitor());
        assertThat(json).startsWith("{\n  \"apiVersion\" : \"monitoring.coreos.com/v1\",\n  \"kind\" : \"ServiceMonitor\"");
        assertThat(Manifests.read(json, ServiceMonitor.class).get(0).getSpec()).isEqualTo(monitor().getSpec());
    }

    @Test
    void readNamesTheInvalidDocumentAndListsAllItsViolations() {
        String yaml = Manifests.toYaml(monitor()) + "---\n" + """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: cart}
                spec: {selector: {}, endpoints: [{port: web, intervall: 30s, scheme: ftp}]}
                """;
        assertThatThrownBy(() -> Manifests.read(yaml)).isInstanceOf(ValidationException.class)
                .hasMessage("""
                        ServiceMonitor/cart (document 2) is invalid (2 problems):
                          spec.endpoints[0].intervall: unknown field (did you mean "interval"?)
                          spec.endpoints[0].scheme: "ftp" is not one of http, https, HTTP, HTTPS""");
    }

    @Test
    void emptyDocumentsAreSkippedAndUnsupportedKindsReported() {
        List<ManifestCheck> checks = Manifests.check("---\n---\napiVersion: v1\nkind: Service\nmetadata: {name: x}\n");
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("Service/x");
            assertThat(c.violations()).map(Violation::toString).containsExactly("kind: \"Service\" is not supported"
                    + " (supported: ServiceMonitor, PodMonitor, Probe, PrometheusRule)");
        });
    }

    @Test
    void validateAcceptsAnyFabric8Object() {
        ServiceMonitor sm = monitor();
        sm.getSpec().getEndpoints().get(0).setScrapeTimeout("1m");
        assertThat(Manifests.validate(sm)).map(Violation::toString).containsExactly("spec.endpoints[0].scrapeTimeout:"
                + " scrapeTimeout 1m is greater than interval 30s; the operator drops the whole monitor (it says so"
                + " only in its log)");
    }
}
