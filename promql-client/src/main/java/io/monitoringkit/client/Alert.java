package io.monitoringkit.client;

import io.monitoringkit.model.Labels;

/**
 * An alert, from {@code /api/v1/alerts} or inside an alerting rule of {@code /api/v1/rules}.
 *
 * <pre>{@code
 * client.alerts().get(0).state();   // "firing"
 * }</pre>
 *
 * @param labels the alert's labels
 * @param annotations its annotations
 * @param state {@code pending}, {@code firing} (or {@code inactive})
 * @param activeAt since when it is active (RFC 3339), {@code ""} if not sent
 * @param value the value that triggered it, as Prometheus writes it
 * @param keepFiringSince since when it keeps firing (RFC 3339), {@code ""} if not sent
 */
public record Alert(Labels labels, Labels annotations, String state, String activeAt, String value,
        String keepFiringSince) {
}
