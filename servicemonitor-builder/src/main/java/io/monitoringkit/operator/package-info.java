/**
 * Validated Prometheus Operator resources: builders for ServiceMonitor, PodMonitor, Probe and PrometheusRule that
 * return fabric8 model objects, manifest reading and writing, validation with field paths, and a doctor that
 * explains why a monitor would not be scraped or a rule not loaded.
 *
 * <pre>{@code
 * ServiceMonitor sm = ServiceMonitors.forService("checkout")
 *         .namespace("shop")
 *         .forRelease("my-prom")
 *         .endpoint("http-metrics", e -> e.withInterval("30s"))
 *         .build();
 * String yaml = Manifests.toYaml(sm);
 * }</pre>
 */
package io.monitoringkit.operator;
