package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void doctorExplainsWhyAMonitorIsNotScraped() throws IOException {
        Path p = write("cluster.yaml", ManifestsCommandTest.VALID.replace("release: my-prom", "release: other") + """
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: Prometheus
                metadata: {name: k8s, namespace: monitoring}
                spec:
                  serviceMonitorSelector: {matchLabels: {release: my-prom}}
                  serviceMonitorNamespaceSelector: {}
                ---
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: checkout, namespace: shop, labels: {app: checkout}}
                    spec: {ports: [{name: http-metrics, port: 8080}]}
                  - apiVersion: v1
                    kind: Namespace
                    metadata: {name: shop}
                """);
        CliRun run = mkit("doctor", p.toString());
        assertThat(run.out().lines()).containsExactly("ServiceMonitor shop/checkout: Prometheus monitoring/k8s does"
                + " not select it (serviceMonitorSelector release=my-prom): label release is \"other\", not"
                + " \"my-prom\"");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aWellWiredClusterHasNoFindings() throws IOException {
        Path p = write("ok.yaml", ManifestsCommandTest.VALID + """
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: Prometheus
                metadata: {name: k8s, namespace: monitoring}
                spec:
                  serviceMonitorSelector: {matchLabels: {release: my-prom}}
                  serviceMonitorNamespaceSelector: {}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: checkout, namespace: shop, labels: {app: checkout}}
                spec: {ports: [{name: http-metrics, port: 8080}]}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """);
        CliRun run = mkit("doctor", p.toString());
        assertThat(run.out()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }
}
