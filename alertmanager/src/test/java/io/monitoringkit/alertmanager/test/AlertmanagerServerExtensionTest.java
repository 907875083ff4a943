package io.monitoringkit.alertmanager.test;

import io.monitoringkit.alertmanager.AlertmanagerClient;
import io.monitoringkit.alertmanager.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end: a real Alertmanager routes, groups, silences and inhibits; the capture server sees the result. */
class AlertmanagerServerExtensionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final AlertmanagerServerExtension AM = AlertmanagerServerExtension.of("""
            route:
              receiver: default
              group_by: [alertname]
              group_wait: 30s
              routes:
                - matchers: [team="db"]
                  receiver: db-pager
                  group_by: [alertname, cluster]
                - matchers: [team="web"]
                  receiver: web
            receivers:
              - name: default
              - name: db-pager
                pagerduty_configs: [{routing_key: not-used-in-tests}]
              - name: web
            inhibit_rules:
              - source_matchers: [severity="critical"]
                target_matchers: [severity="warning"]
                equal: [alertname]
            """);

    @Test
    void alertsAreGroupedAndRoutedToTheirReceiver() {
        AM.postAlerts(List.of(
                AlertmanagerClient.PostableAlert.of(Map.of("alertname", "DiskFull", "team", "db", "cluster", "eu",
                        "instance", "a")),
                AlertmanagerClient.PostableAlert.of(Map.of("alertname", "DiskFull", "team", "db", "cluster", "eu",
                        "instance", "b")),
                AlertmanagerClient.PostableAlert.of(Map.of("alertname", "DiskFull", "team", "db", "cluster", "us",
                        "instance", "c"))));
        List<Notification> got = AM.awaitNotifications("db-pager", 2, WAIT);
        assertThat(got).hasSize(2).allSatisfy(n -> assertThat(n.status()).isEqualTo("firing"));
        Notification eu = got.stream().filter(n -> "eu".equals(n.groupLabels().get("cluster"))).findFirst().orElseThrow();
        assertThat(eu.groupLabels()).isEqualTo(Map.of("alertname", "DiskFull", "cluster", "eu"));
        assertThat(eu.labelValues("instance")).containsExactlyInAnyOrder("a", "b");
        assertThat(AM.notifications("default")).isEmpty();
    }

    @Test
    void aSilencedAlertSendsNothingWhileOthersDo() {
        Instant now = Instant.now();
        String id = AM.client().createSilence(AlertmanagerClient.SilenceSpec.of(
                List.of(Matcher.equal("alertname", "Flapping")), now.minusSeconds(1), now.plusSeconds(600),
                "test", "silence holds"));
        AM.postAlert(Map.of("alertname", "Flapping", "team", "web"));
        AM.postAlert(Map.of("alertname", "Marker", "team", "web"));
        List<Notification> got = AM.awaitNotifications("web", 1, WAIT);
        assertThat(got).flatExtracting(n -> n.labelValues("alertname")).containsExactly("Marker");
        assertThat(AM.client().alerts(AlertmanagerClient.AlertFilter.all()
                .matching(Matcher.equal("alertname", "Flapping"))))
                .singleElement().satisfies(a -> assertThat(a.silencedBy()).containsExactly(id));
        assertThat(AM.notifications("web")).flatExtracting(n -> n.labelValues("alertname"))
                .doesNotContain("Flapping");
        AM.client().expireSilence(id);
    }

    @Test
    void aCriticalAlertInhibitsTheWarningWithTheSameAlertname() {
        AM.postAlerts(List.of(
                AlertmanagerClient.PostableAlert.of(Map.of("alertname", "Latency", "severity", "critical")),
                AlertmanagerClient.PostableAlert.of(Map.of("alertname", "Latency", "severity", "warning"))));
        Notification n = AM.awaitNotifications("default", 1, WAIT).get(0);
        assertThat(n.groupLabels()).isEqualTo(Map.of("alertname", "Latency"));
        assertThat(n.labelValues("severity")).containsExactly("critical");
    }

    @Test
    void theEffectiveConfigurationSendsEveryReceiverToTheCaptureServer() {
        assertThat(AM.effectiveConfig().receivers()).allSatisfy(r -> assertThat(r.notifiers())
                .singleElement().satisfies(c -> assertThat(c.text("url").orElseThrow())
                        .startsWith("http://127.0.0.1:").endsWith("/receiver/" + r.name().replace("-", "-"))));
        assertThat(AM.effectiveConfig().rootRoute().groupWait()).contains("200ms");
    }
}
