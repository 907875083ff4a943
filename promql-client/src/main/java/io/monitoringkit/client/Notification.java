package io.monitoringkit.client;

/**
 * A server notification, from {@code /api/v1/notifications} (Prometheus 3.x).
 *
 * <pre>{@code
 * client.notifications().get(0).text();   // "Configuration reload has failed."
 * }</pre>
 *
 * @param text the text
 * @param date when (RFC 3339)
 * @param active whether it is still active
 */
public record Notification(String text, String date, boolean active) {
}
