package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.model.Labels;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScrapeTest {
    private static final CollectorRegistry REGISTRY = new CollectorRegistry();
    private static final Counter JOBS = Counter.build("jobs_processed_total", "Jobs processed.")
            .labelNames("queue").register(REGISTRY);
    private static io.prometheus.client.exporter.HTTPServer app;
    private static HttpServer textOnly;

    @BeforeAll
    static void start() throws IOException {
        app = new io.prometheus.client.exporter.HTTPServer.Builder()
                .withInetAddress(InetAddress.getByName("127.0.0.1")).withPort(0).withRegistry(REGISTRY).build();
        textOnly = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        textOnly.createContext("/metrics", exchange -> {
            byte[] body = "# TYPE up gauge\nup 1\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        textOnly.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        textOnly.start();
    }

    @AfterAll
    static void stop() {
        app.close();
        textOnly.stop(0);
    }

    @Test
    void negotiatesOpenMetricsWithAClientThatSpeaksIt() {
        JOBS.labels("mail").inc(2);
        Scrape before = Scrape.of("http://127.0.0.1:" + app.getPort() + "/metrics");
        JOBS.labels("mail").inc();
        assertThat(Scrape.of(before.uri()))
                .hasFormat(ExpositionFormat.OPENMETRICS)
                .hasCounter("jobs_processed_total")
                .hasIncreasedBy(before.exposition(), "jobs_processed_total", Labels.of("queue", "mail"), 1);
    }

    @Test
    void fallsBackToTheTextFormat() {
        String url = "http://127.0.0.1:" + textOnly.getAddress().getPort() + "/metrics";
        Scrape scrape = Scrape.of(url);
        assertThat(scrape).hasFormat(ExpositionFormat.PROMETHEUS_TEXT).hasGauge("up");
        assertThatThrownBy(() -> assertThat(scrape).hasFormat(ExpositionFormat.OPENMETRICS))
                .hasMessage("Expecting scrape of " + url + " to be in format OPENMETRICS\nbut was PROMETHEUS_TEXT "
                        + "(Content-Type: text/plain; version=0.0.4; charset=utf-8)");
        assertThatThrownBy(() -> assertThat(scrape).hasCounter("upp"))
                .hasMessage("Expecting scrape of " + url + " to have a counter named \"upp\"\n"
                        + "but there is no metric of that name.\nNearest matches: [up]\nAvailable metric names: [up]");
    }

    @Test
    void failsOnANonOkAnswer() {
        String url = "http://127.0.0.1:" + textOnly.getAddress().getPort() + "/missing";
        assertThatThrownBy(() -> Scrape.of(url))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("java.io.IOException: scrape of " + url + " answered HTTP 404");
    }
}
