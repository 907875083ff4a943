package io.monitoringkit.client;

import io.monitoringkit.model.Labels;

/**
 * Metadata of a metric, from {@code /api/v1/metadata} (then {@link #target()} and {@link #metric()} are empty) or
 * {@code /api/v1/targets/metadata}.
 *
 * <pre>{@code
 * client.metadata("up", 0).get("up").get(0).type();   // "gauge"
 * }</pre>
 *
 * @param target the target's labels (targets/metadata only)
 * @param metric the metric name (targets/metadata only)
 * @param type the metric type
 * @param help the help text
 * @param unit the unit
 */
public record MetricMetadata(Labels target, String metric, String type, String help, String unit) {
}
