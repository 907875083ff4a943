package io.monitoringkit.alertmanager.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.monitoringkit.alertmanager.AlertmanagerClient;
import io.monitoringkit.alertmanager.AlertmanagerConfig;
import io.monitoringkit.alertmanager.AlertmanagerYaml;
import io.monitoringkit.alertmanager.NotifierConfig;
import io.monitoringkit.alertmanager.Receiver;
import io.monitoringkit.alertmanager.Route;
import io.monitoringkit.http.HttpTransport;
import io.monitoringkit.testkit.AlertmanagerServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JUnit 5 extension running a real Alertmanager (monitoring-testkit's {@link AlertmanagerServer}, on
 * 127.0.0.1) with the configuration under test, whose receivers all post to an in-process capture server (a
 * JDK {@code HttpServer} on 127.0.0.1): a test posts alerts and asserts which receivers were notified, grouped
 * how, with which labels — and that silences and inhibit rules hold.
 *
 * <p>What changes in the configuration under test: each receiver's notifiers are replaced by one webhook to
 * the capture server (the routing tree, grouping, inhibit rules and time intervals stay as written), and
 * {@code group_wait}/{@code group_interval} are shortened everywhere ({@link #timing(Duration, Duration)}) so
 * tests take a fraction of a second. Register it on a {@code static} field: one Alertmanager per test class;
 * the captured notifications are cleared before each test. Skips the class when Alertmanager is not installed.
 *
 * <pre>{@code
 * class PagingTest {
 *     @RegisterExtension
 *     static final AlertmanagerServerExtension AM = AlertmanagerServerExtension.of(MyAlerting.config());
 *
 *     @Test
 *     void databaseAlertsPageTheDbTeam() {
 *         AM.postAlert(Map.of("alertname", "DiskFull", "team", "db", "severity", "critical"));
 *         Notification n = AM.awaitNotifications("db-pager", 1, Duration.ofSeconds(10)).get(0);
 *         assertThat(n.groupLabels()).containsEntry("alertname", "DiskFull");
 *     }
 * }
 * }</pre>
 */
public final class AlertmanagerServerExtension implements BeforeAllCallback, BeforeEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertmanagerConfig config;
    private Duration groupWait = Duration.ofMillis(200);
    private Duration groupInterval = Duration.ofSeconds(1);
    private volatile Running running;
    private final List<Notification> captured = new ArrayList<>();

    private AlertmanagerServerExtension(AlertmanagerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** An extension for {@code config} (validated when built). */
    public static AlertmanagerServerExtension of(AlertmanagerConfig config) {
        return new AlertmanagerServerExtension(config);
    }

    /** An extension for an {@code alertmanager.yml} text; invalid configurations throw here. */
    public static AlertmanagerServerExtension of(String alertmanagerYaml) {
        return new AlertmanagerServerExtension(AlertmanagerYaml.read(alertmanagerYaml));
    }

    /** Sets the {@code group_wait} and {@code group_interval} every route gets (defaults 200 ms and 1 s). */
    public AlertmanagerServerExtension timing(Duration groupWait, Duration groupInterval) {
        this.groupWait = groupWait;
        this.groupInterval = groupInterval;
        return this;
    }

    /** The configuration the Alertmanager runs (webhooks to the capture server, short timings). */
    public AlertmanagerConfig effectiveConfig() {
        return running().effective;
    }

    /** The running Alertmanager. */
    public AlertmanagerServer server() {
        return running().server;
    }

    /** An API v2 client of the running Alertmanager (for silences, alert listings, ...). */
    public AlertmanagerClient client() {
        return running().client;
    }

    /** Posts one firing alert with {@code labels}. */
    public void postAlert(Map<String, String> labels) {
        client().postAlerts(List.of(AlertmanagerClient.PostableAlert.of(labels)));
    }

    /** Posts alerts. */
    public void postAlerts(List<AlertmanagerClient.PostableAlert> alerts) {
        client().postAlerts(alerts);
    }

    /** Every notification captured since the test started, in arrival order. */
    public List<Notification> notifications() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    /** The notifications captured for {@code receiver}. */
    public List<Notification> notifications(String receiver) {
        return notifications().stream().filter(n -> n.receiver().equals(receiver)).toList();
    }

    /**
     * Waits until {@code receiver} got at least {@code count} notifications and returns them.
     *
     * @throws AssertionError listing what did arrive when they do not within {@code timeout}
     */
    public List<Notification> awaitNotifications(String receiver, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (captured) {
            while (true) {
                List<Notification> got = captured.stream().filter(n -> n.receiver().equals(receiver)).toList();
                if (got.size() >= count) {
                    return got;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expecting " + count + " notification(s) to receiver '" + receiver
                            + "' within " + timeout.toMillis() + " ms but got " + got.size()
                            + "; all notifications: " + captured);
                }
                try {
                    captured.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for notifications", e);
                }
            }
        }
    }

    /** Forgets the notifications captured so far. */
    public void clear() {
        synchronized (captured) {
            captured.clear();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context);
        clear();
    }

    private Running running() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("no Alertmanager is running: register this extension with "
                    + "@RegisterExtension on a static field and use it inside tests");
        }
        return r;
    }

    private synchronized void start(ExtensionContext context) {
        if (running != null) {
            return;
        }
        HttpServer capture;
        try {
            capture = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the capture server", e);
        }
        capture.createContext("/receiver/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String receiver = URLDecoder.decode(exchange.getRequestURI().getRawPath()
                        .substring("/receiver/".length()), StandardCharsets.UTF_8);
                record(receiver, JSON.readTree(in));
                exchange.sendResponseHeaders(200, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        capture.start();
        String base = "http://127.0.0.1:" + capture.getAddress().getPort() + "/receiver/";
        AlertmanagerConfig effective = rewrite(base);
        AlertmanagerServer server;
        try {
            server = AlertmanagerServer.builder().config(AlertmanagerYaml.write(effective)).start();
        } catch (RuntimeException | Error e) {
            capture.stop(0);
            throw e;
        }
        HttpTransport http = HttpTransport.builder(server.baseUri().toString()).build();
        Running r = new Running(effective, server, capture, http, AlertmanagerClient.of(http));
        running = r;
        context.getStore(ExtensionContext.Namespace.create(AlertmanagerServerExtension.class, this))
                .put("running", new Stopper(r));
    }

    private AlertmanagerConfig rewrite(String captureBase) {
        List<Receiver> receivers = new ArrayList<>();
        for (Receiver r : config.receivers()) {
            receivers.add(Receiver.of(r.name(), NotifierConfig.webhook(captureBase
                    + java.net.URLEncoder.encode(r.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                    .sendResolved(true).build()));
        }
        AlertmanagerConfig.Builder fresh = AlertmanagerConfig.builder();
        config.global().ifPresent(fresh::global);
        fresh.route(shorten(config.rootRoute(), true))
                .receiver(receivers.toArray(Receiver[]::new))
                .inhibitRule(config.inhibitRules().toArray(io.monitoringkit.alertmanager.InhibitRule[]::new))
                .timeInterval(config.timeIntervals().toArray(io.monitoringkit.alertmanager.TimeInterval[]::new))
                .muteTimeInterval(config.muteTimeIntervals().toArray(io.monitoringkit.alertmanager.TimeInterval[]::new));
        return fresh.build();
    }

    private Route shorten(Route r, boolean root) {
        Route.Builder b = r.toBuilder();
        if (root || r.groupWait().isPresent()) {
            b.groupWait(io.monitoringkit.model.PromDuration.of(groupWait));
        }
        if (root || r.groupInterval().isPresent()) {
            b.groupInterval(io.monitoringkit.model.PromDuration.of(groupInterval));
        }
        List<Route> children = new ArrayList<>();
        r.routes().forEach(c -> children.add(shorten(c, false)));
        return b.routes(children).build();
    }

    private void record(String receiver, JsonNode n) {
        List<Notification.Alert> alerts = new ArrayList<>();
        n.path("alerts").forEach(a -> alerts.add(new Notification.Alert(a.path("status").asText(""),
                strings(a.path("labels")), strings(a.path("annotations")), a.path("fingerprint").asText(""))));
        Notification notification = new Notification(receiver, n.path("status").asText(""),
                n.path("groupKey").asText(""), strings(n.path("groupLabels")), strings(n.path("commonLabels")),
                strings(n.path("commonAnnotations")), alerts);
        synchronized (captured) {
            captured.add(notification);
            captured.notifyAll();
        }
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private record Running(AlertmanagerConfig effective, AlertmanagerServer server, HttpServer capture,
                           HttpTransport http, AlertmanagerClient client) {
    }

    /** Closed by JUnit with the store. */
    @SuppressWarnings("deprecation")
    private final class Stopper implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final Running r;

        Stopper(Running r) {
            this.r = r;
        }

        @Override
        public void close() {
            synchronized (AlertmanagerServerExtension.this) {
                if (running == r) {
                    running = null;
                }
            }
            try {
                r.http.close();
                r.server.close();
            } finally {
                r.capture.stop(0);
            }
        }
    }
}
