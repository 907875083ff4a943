package io.monitoringkit.test;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;

/** An application under test: simpleclient metrics served by simpleclient's HTTP server on 127.0.0.1. */
final class TestApp implements AutoCloseable {
    final CollectorRegistry registry = new CollectorRegistry();
    final Counter orders = Counter.build("orders_total", "Orders placed.").labelNames("status").register(registry);
    final Gauge queueSize = Gauge.build("queue_size", "Orders waiting.").register(registry);
    final Histogram latency = Histogram.build("latency_seconds", "Checkout latency.").buckets(0.1, 0.5, 1)
            .register(registry);
    private final HTTPServer server;

    private TestApp() throws IOException {
        server = new HTTPServer.Builder().withInetAddress(InetAddress.getByName("127.0.0.1")).withPort(0)
                .withDaemonThreads(true).withRegistry(registry).build();
    }

    static TestApp start() {
        try {
            return new TestApp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort() + "/metrics";
    }

    @Override
    public void close() {
        server.close();
    }
}
