package io.monitoringkit.examples.checkout;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.model.Labels;
import io.monitoringkit.test.Scrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CheckoutService service;

    @BeforeAll
    static void start() {
        service = CheckoutService.start(0);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void noFaults() {
        service.faults().clear();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(service.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(service.url().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Scrape scrape() {
        return Scrape.of(service.url().resolve("/metrics").toString());
    }

    @Test
    void listensOnLoopbackWithAFreePort() {
        assertThat(service.port()).isPositive();
        assertThat(service.url()).isEqualTo(URI.create("http://127.0.0.1:" + service.port()));
        assertThat(service.target()).isEqualTo("127.0.0.1:" + service.port());
    }

    @Test
    void countsRequestsByMethodRouteTemplateAndCode() throws Exception {
        Scrape before = scrape();
        assertThat(get("/products").statusCode()).isEqualTo(200);
        assertThat(get("/products/p-2").body()).isEqualTo("{\"id\":\"p-2\",\"priceCents\":4500}");
        assertThat(get("/products/nope").statusCode()).isEqualTo(404);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(post("/products", "").statusCode()).isEqualTo(405);

        assertThat(scrape())
                .hasCounter("http_requests_total")
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "GET", "route", "/products", "code", "200"), 1)
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "GET", "route", "/products/{id}", "code", "200"), 1)
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "GET", "route", "/products/{id}", "code", "404"), 1)
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "GET", "route", "unmatched", "code", "404"), 1)
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "POST", "route", "/products", "code", "405"), 1)
                .doesNotHaveSeries("http_requests_total", Labels.of("route", "/nowhere"))
                .doesNotHaveSeries("http_requests_total", Labels.of("route", "/metrics"));
    }

    @Test
    void checkoutCountsOrdersByOutcome() throws Exception {
        Scrape before = scrape();
        HttpResponse<String> ok = post("/checkout", "{\"product\":\"p-1\",\"quantity\":2}");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).endsWith("\"product\":\"p-1\",\"quantity\":2,\"totalCents\":2598}");
        assertThat(post("/checkout", "{\"product\":\"p-9\",\"quantity\":2}").body())
                .isEqualTo("{\"error\":\"unknown product\"}");
        assertThat(post("/checkout", "{\"product\":\"p-1\",\"quantity\":0}").statusCode()).isEqualTo(400);
        assertThat(post("/checkout", "garbage").statusCode()).isEqualTo(400);
        service.faults().errorRatio(1);
        assertThat(post("/checkout", "{\"product\":\"p-3\",\"quantity\":1}").statusCode()).isEqualTo(503);

        assertThat(scrape())
                .hasIncreasedBy(before.exposition(), "checkout_orders_total", Labels.of("status", "completed"), 1)
                .hasIncreasedBy(before.exposition(), "checkout_orders_total", Labels.of("status", "rejected"), 3)
                .hasIncreasedBy(before.exposition(), "checkout_orders_total", Labels.of("status", "failed"), 1)
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "POST", "route", "/checkout", "code", "503"), 1);
    }

    @Test
    void errorRatioFailsExactlyThatShareOfBusinessRequestsButNotHealth() throws Exception {
        Scrape before = scrape();
        service.faults().errorRatio(0.25);
        int failed = 0;
        for (int i = 0; i < 20; i++) {
            if (get("/products").statusCode() == 503) {
                failed++;
            }
            assertThat(get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(failed).isEqualTo(5);
        assertThat(scrape())
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "GET", "route", "/products", "code", "503"), 5)
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "GET", "route", "/products", "code", "200"), 15)
                .hasIncreasedBy(before.exposition(), "http_requests_total",
                        Labels.of("method", "GET", "route", "/health", "code", "200"), 20);
    }

    @Test
    void extraLatencyIsRealAndLandsInTheHistogram() throws Exception {
        Scrape before = scrape();
        service.faults().extraLatency(Duration.ofMillis(120));
        long start = System.nanoTime();
        assertThat(get("/products").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));

        Labels products = Labels.of("method", "GET", "route", "/products");
        assertThat(scrape())
                .hasHistogram("http_request_duration_seconds")
                .hasIncreasedBy(before.exposition(), "http_request_duration_seconds_count", products, 1)
                .hasIncreasedBy(before.exposition(), "http_request_duration_seconds_bucket",
                        products.with("le", "0.25"), 1)
                .hasIncreasedBy(before.exposition(), "http_request_duration_seconds_bucket",
                        products.with("le", "0.1"), 0);
    }

    @Test
    void metricsSpeakOpenMetricsWhenAskedAndTextOtherwise() throws Exception {
        assertThat(scrape()).hasFormat(ExpositionFormat.OPENMETRICS).hasGauge("http_requests_in_flight");
        HttpResponse<String> text = get("/metrics");
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text.body()).contains("# TYPE http_requests_total counter").doesNotContain("# EOF");
    }

    @Test
    void adminEndpointSetsShowsAndClearsFaults() throws Exception {
        assertThat(post("/admin/faults?errorRatio=0.5&latencyMs=30", "").body())
                .isEqualTo("{\"errorRatio\":0.5,\"extraLatencyMs\":30}");
        assertThat(service.faults().errorRatio()).isEqualTo(0.5);
        assertThat(service.faults().extraLatency()).isEqualTo(Duration.ofMillis(30));
        assertThat(post("/admin/faults?errorRatio=2", "").body())
                .isEqualTo("{\"error\":\"2.0: the error ratio must be between 0 and 1\"}");
        HttpResponse<String> cleared = HTTP.send(HttpRequest.newBuilder(service.url().resolve("/admin/faults"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cleared.body()).isEqualTo("{\"errorRatio\":0.0,\"extraLatencyMs\":0}");
    }

    @Test
    void faultsRejectOutOfRangeValuesQuotingThem() {
        assertThatThrownBy(() -> service.faults().errorRatio(-0.1))
                .hasMessage("-0.1: the error ratio must be between 0 and 1");
        assertThatThrownBy(() -> service.faults().extraLatency(Duration.ofMillis(-1)))
                .hasMessage("PT-0.001S: the extra latency must not be negative");
    }
}
