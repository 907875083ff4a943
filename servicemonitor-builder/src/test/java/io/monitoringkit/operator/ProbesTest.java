package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.openshift.api.model.monitoring.v1.Probe;
import org.junit.jupiter.api.Test;

class ProbesTest {

    @Test
    void buildsAStaticProbe() {
        Probe p = Probes.forStaticTargets("homepage", "blackbox-exporter.monitoring:9115", "https://example.com")
                .target("https://example.org").targetLabel("env", "prod").module("http_2xx").interval("30s")
                .namespace("monitoring").forRelease("my-prom").build();
        assertThat(Manifests.toYaml(p)).isEqualTo("""
                apiVersion: monitoring.coreos.com/v1
                kind: Probe
                metadata:
                  labels:
                    release: my-prom
                  name: homepage
                  namespace: monitoring
                spec:
                  interval: 30s
                  module: http_2xx
                  prober:
                    url: blackbox-exporter.monitoring:9115
                  targets:
                    staticConfig:
                      labels:
                        env: prod
                      static:
                        - https://example.com
                        - https://example.org
                """);
    }

    @Test
    void aProberUrlWithASchemeAndNoTargetsAreBothReported() {
        assertThatThrownBy(() -> Probes.forStaticTargets("homepage", "http://blackbox:9115").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .map(Violation::toString).containsExactly(
                                "spec.prober.url: \"http://blackbox:9115\" is not host:port (no scheme: set"
                                        + " prober.scheme instead)",
                                "spec.targets.staticConfig.static: must list at least one target"));
    }

    @Test
    void fromKeepsTheTargetsAndAddsNewOnes() {
        Probe p = Probes.forStaticTargets("homepage", "blackbox:9115", "https://example.com").build();
        Probe copy = Probes.from(p).target("https://example.org").build();
        assertThat(copy.getSpec().getTargets().getStaticConfig().getStatic())
                .containsExactly("https://example.com", "https://example.org");
        assertThat(Probes.from(p).build().getSpec()).isEqualTo(p.getSpec());
    }
}
