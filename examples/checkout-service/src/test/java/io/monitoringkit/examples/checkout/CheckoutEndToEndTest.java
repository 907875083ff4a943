package io.monitoringkit.examples.checkout;

import io.monitoringkit.alertmanager.test.AlertmanagerServerExtension;
import io.monitoringkit.alertmanager.test.Notification;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.testkit.PrometheusServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path, with real parts only: the service fails a quarter of its requests, a real Prometheus 2.42 scrapes
 * it and evaluates {@link CheckoutMonitoring}'s rules (intervals 1 s, {@code for} 2 s instead of 2 m), sends the
 * firing fast-burn alert to a real Alertmanager 0.25 running {@link CheckoutMonitoring#alertmanager()}, and the
 * pager is notified.
 */
class CheckoutEndToEndTest {

    @RegisterExtension
    static final AlertmanagerServerExtension ALERTMANAGER = AlertmanagerServerExtension.of(CheckoutMonitoring.alertmanager());

    /** The rules with every group evaluated each second and every {@code for} shortened to 2 s. */
    static RuleFile fast(RuleFile rules) {
        return RuleFile.of(rules.groups().stream().map(g -> {
            RuleGroup.Builder b = RuleGroup.builder(g.name()).interval(PromDuration.ofSeconds(1));
            for (Rule r : g.rules()) {
                b.rule(r instanceof AlertingRule a ? a.toBuilder().forDuration(PromDuration.ofSeconds(2)).build() : r);
            }
            return b.build();
        }).toList());
    }

    @Test
    void anErrorBurstPagesTheOnCallThroughPrometheusAndAlertmanager() throws Exception {
        try (CheckoutService service = CheckoutService.start(0)) {
            String config = """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    alerting:
                      alertmanagers:
                      - static_configs:
                        - targets: ['%s']
                    rule_files: [checkout.rules.yml]
                    scrape_configs:
                    - job_name: %s
                      static_configs:
                      - targets: ['%s']
                        labels: {namespace: %s}
                    """.formatted(ALERTMANAGER.server().address(), CheckoutMonitoring.JOB, service.target(),
                    CheckoutMonitoring.NAMESPACE);
            try (PrometheusServer prometheus = PrometheusServer.builder().config(config)
                    .file("checkout.rules.yml", fast(CheckoutMonitoring.rules()).toYaml()).start()) {
                service.faults().errorRatio(0.25);
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(2);
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 2; i++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            http.send(HttpRequest.newBuilder(service.url().resolve("/products")).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            Thread.sleep(5);
                        }
                        return null;
                    });
                }
                try {
                    List<Notification> pages = ALERTMANAGER.awaitNotifications("checkout-pager", 1,
                            Duration.ofSeconds(60));
                    Notification page = pages.get(0);
                    assertThat(page.groupLabels()).containsEntry("alertname", CheckoutMonitoring.ALERT_FAST_BURN)
                            .containsEntry("namespace", "shop").containsEntry("job", "checkout");
                    assertThat(page.commonLabels()).containsEntry("severity", "page")
                            .containsEntry("slo", "availability");
                    assertThat(page.commonAnnotations().get("description")).endsWith("% of requests failed over"
                            + " the last 1h (the budget is 0.1%). At this rate the 30-day budget is gone in 2.1 days.");
                } catch (AssertionError e) {
                    e.addSuppressed(new AssertionError("prometheus log:\n" + prometheus.logTail(40)));
                    throw e;
                } finally {
                    running.set(false);
                    clients.shutdown();
                    clients.awaitTermination(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
