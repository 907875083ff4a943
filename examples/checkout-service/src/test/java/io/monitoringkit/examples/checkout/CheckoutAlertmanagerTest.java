package io.monitoringkit.examples.checkout;

import io.monitoringkit.alertmanager.AlertmanagerClient.PostableAlert;
import io.monitoringkit.alertmanager.test.AlertmanagerServerExtension;
import io.monitoringkit.alertmanager.test.Notification;
import io.monitoringkit.engine.rules.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.monitoringkit.promql.PromQL.minutes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts our rules fire reach the right people: the firing alerts of {@link CheckoutAlertsTest}'s incident
 * are posted to a real Alertmanager 0.25 running {@link CheckoutMonitoring#alertmanager()} (notifiers replaced by
 * a capturing webhook, group waits shortened).
 */
class CheckoutAlertmanagerTest {

    @RegisterExtension
    static final AlertmanagerServerExtension ALERTMANAGER = AlertmanagerServerExtension.of(CheckoutMonitoring.alertmanager());

    /**
     * The incident's alerts firing at 15m, as Prometheus would send them, in their own namespace: alerts stay
     * active in the Alertmanager across tests, and the inhibit rule works per namespace and job.
     */
    private static List<PostableAlert> firingAt15Minutes(String namespace, String... alertNames) {
        List<Alert> firing = CheckoutAlertsTest.incident().at(minutes(15)).alerts().stream()
                .filter(a -> List.of(alertNames).contains(a.alertName())).toList();
        assertThat(firing).hasSize(alertNames.length);
        return firing.stream().map(a -> {
            Map<String, String> labels = new HashMap<>(a.labels().asMap());
            labels.put("namespace", namespace);
            return new PostableAlert(labels, a.annotations(), Optional.empty(), Optional.empty(), "");
        }).toList();
    }

    @Test
    void theFastBurnPagesTheOnCallWithItsSummary() {
        ALERTMANAGER.postAlerts(firingAt15Minutes("shop-page", CheckoutMonitoring.ALERT_FAST_BURN));

        Notification page = ALERTMANAGER.awaitNotifications("checkout-pager", 1, Duration.ofSeconds(20)).get(0);
        assertThat(page.status()).isEqualTo("firing");
        assertThat(page.groupLabels()).containsEntry("alertname", "CheckoutErrorBudgetFastBurn")
                .containsEntry("namespace", "shop-page").containsEntry("job", "checkout");
        assertThat(page.commonAnnotations()).containsEntry("summary",
                "checkout burns its 99.9% availability error budget 14.4 times too fast");
    }

    @Test
    void aPageInhibitsTheSameServicesTickets() throws InterruptedException {
        ALERTMANAGER.postAlerts(firingAt15Minutes("shop-inhibit", CheckoutMonitoring.ALERT_FAST_BURN,
                CheckoutMonitoring.ALERT_SLOW_BURN,
                CheckoutMonitoring.ALERT_ERROR_RATIO, CheckoutMonitoring.ALERT_LATENCY));

        assertThat(ALERTMANAGER.awaitNotifications("checkout-pager", 1, Duration.ofSeconds(20)))
                .extracting(n -> n.groupLabels().get("alertname")).containsExactly("CheckoutErrorBudgetFastBurn");
        Thread.sleep(2_000);   // several group intervals of the fixture (1 s): time enough for a ticket to arrive
        assertThat(ALERTMANAGER.notifications("checkout-tickets")).isEmpty();
        assertThat(ALERTMANAGER.notifications("checkout-chat")).isEmpty();
    }

    @Test
    void ticketsGoToTheQueueWhenNothingPages() {
        ALERTMANAGER.postAlerts(firingAt15Minutes("shop-ticket", CheckoutMonitoring.ALERT_LATENCY));

        Notification ticket = ALERTMANAGER.awaitNotifications("checkout-tickets", 1, Duration.ofSeconds(20)).get(0);
        assertThat(ticket.commonLabels()).containsEntry("route", "/products").containsEntry("severity", "ticket");
        assertThat(ticket.commonAnnotations()).containsEntry("summary", "/products p99 latency is 497.5ms");
        assertThat(ALERTMANAGER.notifications("checkout-pager")).isEmpty();
    }
}
