package io.monitoringkit.examples.checkout;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.test.PrometheusServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;

/**
 * A real Prometheus 2.42 scrapes the running service every second and evaluates {@link CheckoutMonitoring}'s rules
 * (their group intervals shortened to 1 s); the recording rules' values follow the faults injected into the
 * service, and the alerts go pending.
 */
class CheckoutPrometheusServerTest {

    static final CheckoutService SERVICE = CheckoutService.start(0);
    static final Duration WAIT = Duration.ofSeconds(40);

    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = PrometheusServerExtension.builder()
            .target(CheckoutMonitoring.JOB, () -> SERVICE.url().resolve("/metrics").toString())
            .ruleFile(everySecond(CheckoutMonitoring.rules()))
            .build();

    static RuleFile everySecond(RuleFile rules) {
        return RuleFile.of(rules.groups().stream()
                .map(g -> g.toBuilder().interval(PromDuration.ofSeconds(1)).build()).toList());
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @Test
    void recordingRulesFollowTheInjectedErrorsAndLatencyAndTheAlertsGoPending() throws Exception {
        PROMETHEUS.awaitTargetHealthy(CheckoutMonitoring.JOB, WAIT);
        SERVICE.faults().errorRatio(0.25).extraLatency(Duration.ofMillis(120));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    http.send(HttpRequest.newBuilder(SERVICE.url().resolve("/products")).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                return null;
            });
        }
        try {
            Labels products = Labels.of("job", "checkout", "route", "/products");
            PROMETHEUS.awaitQuerySatisfies("job_route:http_request_errors:ratio_rate5m",
                    r -> assertThat(r).usingTolerance(0.03).hasSeriesWithValue(products, 0.25), WAIT);
            PROMETHEUS.awaitQuerySatisfies("job:slo_errors_per_request:ratio_rate5m",
                    r -> assertThat(r).usingTolerance(0.03).hasSeriesWithValue(Labels.of("job", "checkout"), 0.25),
                    WAIT);
            // 120 ms lands in the (0.1, 0.25] bucket: the p99 estimate is inside it
            PROMETHEUS.awaitQuerySatisfies(
                    "job_route:http_request_duration_seconds:p99_5m{route=\"/products\"} > 0.1 <= 0.25",
                    r -> assertThat(r).hasSeriesCount(1), WAIT);
            PROMETHEUS.awaitQuerySatisfies("job_route:http_requests:rate5m{route=\"/products\"} > 1",
                    r -> assertThat(r).hasSeriesCount(1), WAIT);
            for (String alert : new String[] {CheckoutMonitoring.ALERT_ERROR_RATIO,
                    CheckoutMonitoring.ALERT_FAST_BURN, CheckoutMonitoring.ALERT_SLOW_BURN}) {
                PROMETHEUS.awaitQuerySatisfies("ALERTS{alertname=\"" + alert + "\"}",
                        r -> assertThat(r).hasSeries(Labels.of("alertstate", "pending")), WAIT);
            }
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
