package io.monitoringkit.examples.demo;

import io.monitoringkit.alertmanager.AlertmanagerYaml;
import io.monitoringkit.examples.checkout.CheckoutMonitoring;
import io.monitoringkit.grafana.Dashboards;
import io.monitoringkit.operator.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes everything {@link CheckoutMonitoring} generates — the rule file, the PrometheusRule, the ServiceMonitor,
 * the dashboard as JSON and as a Grafana sidecar ConfigMap, the Alertmanager configuration — and, for running
 * the demo against a real server, a {@code prometheus.yml} that scrapes the demo's service and loads the rules.
 *
 * <pre>{@code
 * List<Path> written = Artifacts.write(Path.of("target/monitoring"), "127.0.0.1:18080", "15s");
 * }</pre>
 */
public final class Artifacts {

    /** The rule file's name, as {@code prometheus.yml} refers to it. */
    public static final String RULE_FILE = "checkout.rules.yml";
    /** The Prometheus configuration's name. */
    public static final String PROMETHEUS_CONFIG = "prometheus.yml";
    /** The {@code pod} label the demo gives its target, as the Prometheus Operator would. */
    public static final String POD = "checkout-demo-0";

    private Artifacts() {
    }

    /** The files' names and contents, in the order they are written. */
    public static Map<String, String> contents(String target, String scrapeInterval) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RULE_FILE, CheckoutMonitoring.rules().toYaml());
        files.put("checkout-prometheusrule.yaml", Manifests.toYaml(CheckoutMonitoring.prometheusRule()));
        files.put("checkout-servicemonitor.yaml", Manifests.toYaml(CheckoutMonitoring.serviceMonitor()));
        files.put("checkout-red-dashboard.json", Dashboards.write(CheckoutMonitoring.dashboard()));
        files.put("checkout-red-dashboard-configmap.yaml", CheckoutMonitoring.dashboardConfigMap().toYaml());
        files.put("alertmanager.yml", AlertmanagerYaml.write(CheckoutMonitoring.alertmanager()));
        files.put(PROMETHEUS_CONFIG, prometheusConfig(target, scrapeInterval));
        return files;
    }

    /**
     * Writes every file into {@code dir} (created if needed), replacing older versions.
     *
     * @return the written paths, in order
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static List<Path> write(Path dir, String target, String scrapeInterval) {
        return write(dir, contents(target, scrapeInterval));
    }

    /**
     * Writes {@code contents} (file name to text) into {@code dir} (created if needed), replacing older versions.
     *
     * @return the written paths, in order
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static List<Path> write(Path dir, Map<String, String> contents) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + dir + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> f : contents.entrySet()) {
            Path p = dir.resolve(f.getKey());
            try {
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
            }
            written.add(p);
        }
        return written;
    }

    /**
     * A Prometheus configuration scraping the demo's service at {@code target} as the ServiceMonitor would (job
     * {@code checkout}, labels {@code namespace} and {@code pod}) and loading the rule file next to it.
     */
    public static String prometheusConfig(String target, String scrapeInterval) {
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
                """, PROMETHEUS_CONFIG, scrapeInterval, RULE_FILE, CheckoutMonitoring.JOB, target,
                CheckoutMonitoring.NAMESPACE, POD);
    }
}
