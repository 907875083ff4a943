package io.monitoringkit.client;

import java.util.List;

/**
 * {@code /api/v1/alertmanagers}: the Alertmanager URLs the server sends to, and the dropped ones.
 *
 * <pre>{@code
 * client.alertmanagers().active();   // [http://127.0.0.1:9093/api/v2/alerts]
 * }</pre>
 *
 * @param active URLs in use
 * @param dropped URLs dropped by relabelling
 */
public record AlertmanagerDiscovery(List<String> active, List<String> dropped) {
    /** Copies the lists. */
    public AlertmanagerDiscovery {
        active = List.copyOf(active);
        dropped = List.copyOf(dropped);
    }
}
