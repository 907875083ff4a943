package io.monitoringkit.alertmanager.test;

import java.util.List;
import java.util.Map;

/**
 * One notification Alertmanager sent to a receiver, as captured by {@link AlertmanagerServerExtension} (the
 * webhook payload, version 4).
 *
 * <pre>{@code
 * Notification n = AM.awaitNotifications("db-pager", 1, Duration.ofSeconds(10)).get(0);
 * assertThat(n.groupLabels()).containsEntry("alertname", "DiskFull");
 * assertThat(n.alerts()).extracting(Notification.Alert::labels).hasSize(2);
 * }</pre>
 *
 * @param receiver          the receiver's name
 * @param status            {@code firing} or {@code resolved}
 * @param groupKey          the group's key
 * @param groupLabels       the labels the group is keyed by ({@code group_by})
 * @param commonLabels      labels all alerts share
 * @param commonAnnotations annotations all alerts share
 * @param alerts            the alerts
 */
public record Notification(String receiver, String status, String groupKey, Map<String, String> groupLabels,
                           Map<String, String> commonLabels, Map<String, String> commonAnnotations,
                           List<Alert> alerts) {

    /** Copies the collections. */
    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        commonLabels = Map.copyOf(commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations);
        alerts = List.copyOf(alerts);
    }

    /**
     * One alert of a notification.
     *
     * @param status      {@code firing} or {@code resolved}
     * @param labels      its labels
     * @param annotations its annotations
     * @param fingerprint its fingerprint
     */
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations,
                        String fingerprint) {
        /** Copies the maps. */
        public Alert {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }
    }

    /** The values of label {@code name} over the alerts, in order. */
    public List<String> labelValues(String name) {
        return alerts.stream().map(a -> a.labels().getOrDefault(name, "")).toList();
    }
}
