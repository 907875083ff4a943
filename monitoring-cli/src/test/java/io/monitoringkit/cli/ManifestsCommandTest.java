package io.monitoringkit.cli;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsCommandTest {
    @TempDir
    Path dir;

    static final String VALID = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: checkout, namespace: shop, labels: {release: my-prom}}
            spec:
              selector: {matchLabels: {app: checkout}}
              endpoints: [{port: http-metrics, interval: 30s}]
            """;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void validManifestsPrintNothingAndExitZero() throws IOException {
        CliRun run = mkit("manifests", "validate", write("ok.yaml", VALID).toString());
        assertThat(run.out()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void printsOneLinePerProblemWithFileKindNameAndFieldPath() throws IOException {
        Path bad = write("bad.yaml", VALID + "---\n" + """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: cart}
                spec:
                  selector: {matchLabels: {app: cart}}
                  endpoints: [{port: 8080, interval: 5 minutes, scrapeTimout: 10s}]
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: rules}
                spec:
                  groups:
                    - name: g
                      partial_response_strategy: warn
                      rules: [{alert: A, expr: 'rate(x[5m]'}]
                """);
        CliRun run = mkit("manifests", "validate", bad.toString());
        assertThat(run.out().lines()).containsExactly(
                bad + ": ServiceMonitor/cart: spec.endpoints[0].port: must be a string, got number 8080; port is the"
                        + " name of a port; for a number use targetPort",
                bad + ": ServiceMonitor/cart: spec.endpoints[0].interval: \"5 minutes\" is not a Prometheus duration"
                        + " (e.g. 30s, 5m, 1h30m)",
                bad + ": ServiceMonitor/cart: spec.endpoints[0].scrapeTimout: unknown field (did you mean"
                        + " \"scrapeTimeout\"?)",
                bad + ": PrometheusRule/rules: spec.groups[0].partial_response_strategy: is read only by Thanos"
                        + " Ruler; Prometheus does not support it (the operator drops it for Prometheus)",
                bad + ": PrometheusRule/rules: spec.groups[0].rules[0]: could not parse expression: 1:11: unclosed"
                        + " left parenthesis");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void thanosAllowsPartialResponseStrategy() throws IOException {
        Path p = write("thanos.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: rules}
                spec:
                  groups: [{name: g, partial_response_strategy: warn, rules: [{record: 'a:b', expr: up}]}]
                """);
        assertThat(mkit("manifests", "validate", "--thanos", p.toString()).exitCode()).isZero();
        assertThat(mkit("manifests", "validate", p.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void unreadableAndNonYamlFilesAreProblems() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        Path broken = write("broken.yaml", "kind: [unclosed\n");
        CliRun run = mkit("manifests", "validate", missing.toString(), broken.toString());
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out().lines().toList().get(0)).startsWith(missing + ": cannot read: ");
        assertThat(run.out().lines().toList().get(1)).isEqualTo(broken + ": not valid YAML: line 2, column 1: expected"
                + " ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
