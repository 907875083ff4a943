package io.monitoringkit.examples.checkout;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

/**
 * The checkout service's collectors (Prometheus simpleclient), declared once: the service records into them and
 * {@link CheckoutMonitoring} builds its queries, rules and panels from them, so a renamed metric or label
 * breaks the build rather than a dashboard.
 *
 * <pre>{@code
 * CollectorRegistry registry = new CollectorRegistry();
 * CheckoutMetrics metrics = CheckoutMetrics.registerIn(registry);
 * metrics.requests().labels("GET", "/products", "200").inc();
 * CheckoutMetrics unregistered = CheckoutMetrics.create();   // for definitions: nothing is exposed
 * }</pre>
 */
public final class CheckoutMetrics {

    /** The latency histogram's buckets in seconds: fine below 100 ms, coarse up to 10 s. */
    public static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Counter requests = Counter.build()
            .name("http_requests_total")
            .help("HTTP requests handled, by method, route template and status code.")
            .labelNames("method", "route", "code")
            .create();
    private final Histogram duration = Histogram.build()
            .name("http_request_duration_seconds")
            .help("Time from reading a request to writing its response, by method and route template.")
            .labelNames("method", "route")
            .buckets(LATENCY_BUCKETS)
            .create();
    private final Gauge inFlight = Gauge.build()
            .name("http_requests_in_flight")
            .help("HTTP requests being handled now.")
            .create();
    private final Counter orders = Counter.build()
            .name("checkout_orders_total")
            .help("Checkout attempts by outcome: completed, rejected (bad input) or failed (server error).")
            .labelNames("status")
            .create();

    private CheckoutMetrics() {
    }

    /** @return the collectors, not registered anywhere (for monitoring definitions and tests). */
    public static CheckoutMetrics create() {
        return new CheckoutMetrics();
    }

    /** @return the collectors, registered in {@code registry}. */
    public static CheckoutMetrics registerIn(CollectorRegistry registry) {
        CheckoutMetrics m = new CheckoutMetrics();
        registry.register(m.requests);
        registry.register(m.duration);
        registry.register(m.inFlight);
        registry.register(m.orders);
        return m;
    }

    /** @return {@code http_requests_total{method, route, code}}. */
    public Counter requests() {
        return requests;
    }

    /** @return {@code http_request_duration_seconds{method, route}}. */
    public Histogram duration() {
        return duration;
    }

    /** @return {@code http_requests_in_flight}. */
    public Gauge inFlight() {
        return inFlight;
    }

    /** @return {@code checkout_orders_total{status}}. */
    public Counter orders() {
        return orders;
    }
}
