package io.monitoringkit.examples.checkout;

import io.monitoringkit.test.RuleTester;
import io.monitoringkit.test.RuleTesterAt;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.monitoringkit.examples.checkout.CheckoutMonitoring.ALERT_ERROR_RATIO;
import static io.monitoringkit.examples.checkout.CheckoutMonitoring.ALERT_FAST_BURN;
import static io.monitoringkit.examples.checkout.CheckoutMonitoring.ALERT_LATENCY;
import static io.monitoringkit.examples.checkout.CheckoutMonitoring.ALERT_SLOW_BURN;
import static io.monitoringkit.promql.PromQL.minutes;

/**
 * Every alert of {@link CheckoutMonitoring} fires and resolves on synthetic series, on the in-process engine
 * (promtool's semantics: rules evaluated every minute from 0). The incident: 10 requests per second to
 * {@code POST /checkout} all along; from minute 11 to 30 one more per second fails with 503 (9.1% errors), and
 * {@code GET /products} answers in 250–500 ms instead of under 100 ms.
 */
class CheckoutAlertsTest {

    static final String CHECKOUT = "job=\"checkout\",namespace=\"shop\",method=\"POST\",route=\"/checkout\"";
    static final String PRODUCTS = "job=\"checkout\",namespace=\"shop\",method=\"GET\",route=\"/products\"";

    /** The incident above, as promtool input series (one value a minute). */
    static RuleTester incident() {
        return RuleTester.of(CheckoutMonitoring.rules())
                .series("http_requests_total{" + CHECKOUT + ",code=\"201\"}", "0+600x120")
                .series("http_requests_total{" + CHECKOUT + ",code=\"503\"}", "0x10 60+60x19 1200x90")
                .series("http_request_duration_seconds_bucket{" + PRODUCTS + ",le=\"0.1\"}",
                        "0+600x10 6000x20 6600+600x89")
                .series("http_request_duration_seconds_bucket{" + PRODUCTS + ",le=\"0.25\"}",
                        "0+600x10 6000x20 6600+600x89")
                .series("http_request_duration_seconds_bucket{" + PRODUCTS + ",le=\"0.5\"}", "0+600x120")
                .series("http_request_duration_seconds_bucket{" + PRODUCTS + ",le=\"+Inf\"}", "0+600x120");
    }

    @Test
    void nothingFiresOnAHealthyService() {
        incident().at(minutes(10))
                .assertInactive(ALERT_ERROR_RATIO)
                .assertInactive(ALERT_LATENCY)
                .assertInactive(ALERT_FAST_BURN)
                .assertInactive(ALERT_SLOW_BURN)
                .assertValue("job_route:http_request_errors:ratio_rate5m", 0)
                .assertValue("job_route:http_request_duration_seconds:p99_5m", 0.099);
    }

    @Test
    void errorRatioAlertGoesPendingThenFiresAfterTwoMinutesThenResolves() {
        incident().at(minutes(13))
                .assertPending(ALERT_ERROR_RATIO).activeSince(minutes(13))
                .at(minutes(15))
                .assertFiring(ALERT_ERROR_RATIO)
                .withLabels(Map.of("severity", "ticket", "route", "/checkout", "namespace", "shop", "job", "checkout"))
                .withAnnotation("summary", "/checkout fails 9.091% of requests")
                .withAnnotation("description", "More than 5% of requests to /checkout on checkout in shop were"
                        + " answered with 5xx over the last 5 minutes.")
                .at(minutes(32))
                .assertInactive(ALERT_ERROR_RATIO);
    }

    @Test
    void latencyAlertFiresWhileP99IsAbove250msAndResolvesWhenTheSlowRequestsLeaveTheWindow() {
        RuleTesterAt slow = incident().at(minutes(13));
        slow.assertFiring(ALERT_LATENCY).withLabel("route", "/products").withValue(0.4966666666666667)
                .withAnnotation("summary", "/products p99 latency is 496.7ms");
        slow.at(minutes(34)).assertFiring(ALERT_LATENCY)
                .at(minutes(35)).assertInactive(ALERT_LATENCY)
                .assertValue("job_route:http_request_duration_seconds:p99_5m", 0.099);
    }

    @Test
    void fastBurnPagesWithinMinutesAndResolvesWhenTheShortWindowClears() {
        incident().at(minutes(12))
                .assertPending(ALERT_FAST_BURN)
                .at(minutes(14))
                .assertFiring(ALERT_FAST_BURN)
                .withLabels(Map.of("severity", "page", "slo", "availability"))
                .withAnnotation("summary", "checkout burns its 99.9% availability error budget 14.4 times too fast")
                .at(minutes(33)).assertFiring(ALERT_FAST_BURN)
                // the 1h window still burns, but the 5m window has cleared: the page resolves
                .at(minutes(34)).assertInactive(ALERT_FAST_BURN)
                .assertValue("job:slo_errors_per_request:ratio_rate5m", 0);
    }

    @Test
    void slowBurnTicketsAndResolvesWhenTheThirtyMinuteWindowClears() {
        incident().at(minutes(13))
                .assertFiring(ALERT_SLOW_BURN)
                .withLabels(Map.of("severity", "ticket", "slo", "availability"))
                .withAnnotation("description", "2.256% of requests failed over the last 6h (the budget is 0.1%). At"
                        + " this rate the 30-day budget is gone in 5 days.")
                .at(minutes(57)).assertFiring(ALERT_SLOW_BURN)
                .at(minutes(58)).assertInactive(ALERT_SLOW_BURN);
    }
}
