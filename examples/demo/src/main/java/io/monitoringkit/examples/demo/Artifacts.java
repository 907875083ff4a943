package io.monitoringkit.examples.demo;

import io.monitoringkit.examples.checkout.CheckoutMonitoring;
import io.monitoringkit.generate.Artifact;
import io.monitoringkit.generate.GenerationResult;
import io.monitoringkit.generate.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@link CheckoutMonitoring} generates — the rule file, the ServiceMonitor and PrometheusRule, the
 * dashboard as JSON and as a Grafana sidecar ConfigMap, the Alertmanager configuration — written and validated by
 * monitoring-generate's {@link Generator} (as the Maven plugin does at build time), plus, for running the demo
 * against a real server, a {@code prometheus.yml} that scrapes the demo's service and loads the rule file.
 *
 * <pre>{@code
 * Artifacts.Written w = Artifacts.write(Path.of("target/monitoring"), "127.0.0.1:18080", "15s");
 * w.files();        // [target/monitoring/rules/checkout.rules.yml, ..., target/monitoring/prometheus.yml]
 * w.result().findings();   // what the checks found: none
 * }</pre>
 */
public final class Artifacts {

    /** The Prometheus configuration's name. */
    public static final String PROMETHEUS_CONFIG = "prometheus.yml";
    /** The {@code pod} label the demo gives its target, as the Prometheus Operator would. */
    public static final String POD = "checkout-demo-0";

    /**
     * What was written.
     *
     * @param result the generator's artifacts and findings
     * @param files  every written file, the generator's then {@code prometheus.yml}
     */
    public record Written(GenerationResult result, List<Path> files) {
        /** Copies the list. */
        public Written {
            files = List.copyOf(files);
        }
    }

    private Artifacts() {
    }

    /** Generates and validates without writing (to warm up the classes while the demo runs). */
    public static GenerationResult check() {
        return Generator.builder(Path.of("target", "monitoring")).write(false).build()
                .generate(new CheckoutMonitoring());
    }

    /**
     * Generates, validates and writes everything under {@code dir} (the generator empties its own folders there
     * first), then {@code prometheus.yml} for a Prometheus scraping {@code target} every {@code scrapeInterval}.
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static Written write(Path dir, String target, String scrapeInterval) {
        GenerationResult result = Generator.builder(dir).build().generate(new CheckoutMonitoring());
        List<Path> files = new ArrayList<>(result.files());
        Path config = dir.resolve(PROMETHEUS_CONFIG);
        try {
            Files.writeString(config, prometheusConfig(target, scrapeInterval, ruleFile(result)),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config + ": " + e.getMessage(), e);
        }
        files.add(config);
        return new Written(result, files);
    }

    /** The plain rule file's path relative to the output directory ({@code rules/checkout.rules.yml}). */
    static String ruleFile(GenerationResult result) {
        return result.artifacts().stream().filter(a -> a.kind() == Artifact.Kind.RULES).map(Artifact::path)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("CheckoutMonitoring generated no rule file; it generated "
                        + result.artifacts()));
    }

    /**
     * A Prometheus configuration scraping the demo's service at {@code target} as the ServiceMonitor would (job
     * {@code checkout}, labels {@code namespace} and {@code pod}) and loading {@code ruleFile} (relative to it).
     */
    public static String prometheusConfig(String target, String scrapeInterval, String ruleFile) {
        return String.format(Locale.ROOT, """
                # Written by ./mkit demo: a Prometheus that scrapes the demo's checkout service and evaluates its rules.
                #   prometheus --config.file=%s --storage.tsdb.path=/tmp/mkit-demo-tsdb --web.listen-address=127.0.0.1:9090
                global:
                  scrape_interval: %s
                  evaluation_interval: 30s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: %s
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                        labels:
                          namespace: %s
                          pod: %s
                """, PROMETHEUS_CONFIG, scrapeInterval, ruleFile, CheckoutMonitoring.JOB, target,
                CheckoutMonitoring.NAMESPACE, POD);
    }
}
