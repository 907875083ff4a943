package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceMonitorsTest {

    @Test
    void buildsAMonitorWithTheReleaseLabelAndDefaultSelector() {
        ServiceMonitor sm = ServiceMonitors.forService("checkout").namespace("shop").forRelease("my-prom")
                .endpoint("http-metrics", e -> e.withInterval("30s").withScrapeTimeout("10s")).build();
        assertThat(Manifests.toYaml(sm)).isEqualTo("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  labels:
                    release: my-prom
                  name: checkout
                  namespace: shop
                spec:
                  endpoints:
                    - interval: 30s
                      port: http-metrics
                      scrapeTimeout: 10s
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: checkout
                """);
    }

    @Test
    void reportsEveryViolationWithItsFieldPath() {
        assertThatThrownBy(() -> ServiceMonitors.forService("Checkout")
                .endpoint("web", e -> e.withInterval("5 minutes").withScheme("ftp"))
                .endpoint("web", e -> e.withInterval("30s").withScrapeTimeout("1m"))
                .build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .map(Violation::toString).containsExactly(
                                "spec.endpoints[0].interval: \"5 minutes\" is not a Prometheus duration (e.g. 30s, 5m, 1h30m)",
                                "spec.endpoints[0].scheme: \"ftp\" is not one of http, https, HTTP, HTTPS",
                                "metadata.name: \"Checkout\" is not a DNS-1123 subdomain (at most 253 lowercase letters,"
                                        + " digits, '-' and '.', starting and ending with a letter or digit)",
                                "spec.endpoints[1].scrapeTimeout: scrapeTimeout 1m is greater than interval 30s; the"
                                        + " operator drops the whole monitor (it says so only in its log)"));
    }

    @Test
    void fromCopiesAMonitorIntoABuilder() {
        ServiceMonitor sm = ServiceMonitors.forService("checkout").matchLabel("app", "checkout")
                .endpoint("web").namespaces("shop", "shop-canary").build();
        ServiceMonitor copy = ServiceMonitors.from(sm).label("team", "payments").build();
        assertThat(copy.getSpec()).isEqualTo(sm.getSpec());
        assertThat(copy.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(sm.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(List.of(copy.getSpec().getSelector().getMatchLabels())).containsExactly(
                java.util.Map.of("app", "checkout"));
    }
}
