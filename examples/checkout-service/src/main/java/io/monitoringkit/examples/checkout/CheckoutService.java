package io.monitoringkit.examples.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, real HTTP service — a shop's checkout — on the JDK's HTTP server, instrumented with Prometheus
 * simpleclient in its own registry ({@link CheckoutMetrics}). It is what {@link CheckoutMonitoring} monitors.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /products}</td><td>the catalog as JSON</td></tr>
 *   <tr><td>{@code GET /products/{id}}</td><td>one product, 404 when unknown</td></tr>
 *   <tr><td>{@code POST /checkout}</td><td>body {@code {"product":"p-1","quantity":2}}: 201 with the order,
 *       400 when invalid</td></tr>
 *   <tr><td>{@code GET /health}</td><td>{@code ok}</td></tr>
 *   <tr><td>{@code GET /metrics}</td><td>the registry, as OpenMetrics when the {@code Accept} header asks for it,
 *       text format 0.0.4 otherwise (not counted itself)</td></tr>
 *   <tr><td>{@code GET|POST|DELETE /admin/faults}</td><td>{@link Faults} over HTTP (not counted)</td></tr>
 * </table>
 *
 * <p>Every counted request is recorded under its route template (never the raw path, so the label's
 * cardinality is bounded); unknown paths are recorded as route {@code "unmatched"}.
 *
 * <pre>{@code
 * try (CheckoutService service = CheckoutService.start(0)) {        // a free port on 127.0.0.1
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.url().resolve("/products")).build(),
 *             HttpResponse.BodyHandlers.ofString());
 *     service.faults().errorRatio(0.3).extraLatency(Duration.ofMillis(300));
 * }
 * }</pre>
 */
public final class CheckoutService implements AutoCloseable {

    /** The route recorded for paths that match no route. */
    public static final String UNMATCHED = "unmatched";

    private static final Pattern PRODUCT = Pattern.compile("/products/([A-Za-z0-9-]{1,32})");
    private static final Pattern CHECKOUT_BODY = Pattern.compile(
            "\\s*\\{\\s*\"product\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"quantity\"\\s*:\\s*(-?\\d{1,9})\\s*}\\s*");
    private static final Map<String, Long> PRICES_CENTS = prices();

    private final HttpServer server;
    private final ExecutorService executor;
    private final CollectorRegistry registry;
    private final CheckoutMetrics metrics;
    private final Faults faults = new Faults();
    private final Ticker ticker;
    private final AtomicLong orderIds = new AtomicLong();

    private CheckoutService(Builder b) throws IOException {
        this.registry = b.registry;
        this.metrics = CheckoutMetrics.registerIn(registry);
        this.ticker = b.ticker;
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 64);
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "checkout-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts the service on 127.0.0.1.
     *
     * @param port the port, 0 for a free one
     * @return the running service
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static CheckoutService start(int port) {
        return builder().port(port).start();
    }

    /** @return a builder: 127.0.0.1, a free port, a new registry, the real clock, 8 threads. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the port the service listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return URI.create("http://" + hostForUrl() + ":" + port());
    }

    /** @return the scrape target, {@code host:port}, as Prometheus' {@code static_configs} want it. */
    public String target() {
        return hostForUrl() + ":" + port();
    }

    /** @return the registry the service's collectors are in (and that {@code /metrics} exposes). */
    public CollectorRegistry registry() {
        return registry;
    }

    /** @return the service's collectors. */
    public CheckoutMetrics metrics() {
        return metrics;
    }

    /** @return the fault switches, changeable at any time. */
    public Faults faults() {
        return faults;
    }

    /** Stops accepting requests, waits up to a second for those in flight, and stops the threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "CheckoutService[" + url() + ", faults=" + faults + "]";
    }

    /**
     * Runs the service until the process is stopped.
     *
     * <pre>{@code
     * java -cp ... io.monitoringkit.examples.checkout.CheckoutService 8080   # then curl localhost:8080/metrics
     * }</pre>
     *
     * @param args optional port (default 8080) and bind address (default 127.0.0.1)
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        CheckoutService service = builder().host(host).port(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        System.out.println("checkout-service listening on " + service.url()
                + " (GET /products, POST /checkout, GET /health, GET /metrics, POST /admin/faults?errorRatio=0.3&latencyMs=300)");
        Thread.currentThread().join();
    }

    private String hostForUrl() {
        String h = server.getAddress().getAddress().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    // ---- request handling ----

    private record Response(int code, String contentType, String body) {
        static Response json(int code, String body) {
            return new Response(code, "application/json", body);
        }

        static Response text(int code, String body) {
            return new Response(code, "text/plain; charset=utf-8", body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/metrics")) {
                send(exchange, metricsResponse(exchange));
                return;
            }
            if (path.equals("/admin/faults")) {
                send(exchange, admin(method, exchange.getRequestURI().getRawQuery()));
                return;
            }
            long start = ticker.nanoTime();
            metrics.inFlight().inc();
            String route = route(path);
            Response response;
            try {
                response = dispatch(route, method, path, exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response = Response.text(503, "interrupted\n");
            } catch (RuntimeException e) {
                response = Response.text(500, "internal error\n");
            } finally {
                metrics.inFlight().dec();
            }
            send(exchange, response);
            double seconds = (ticker.nanoTime() - start) / 1e9;
            metrics.duration().labels(method, route).observe(seconds);
            metrics.requests().labels(method, route, Integer.toString(response.code())).inc();
        }
    }

    private static String route(String path) {
        if (path.equals("/products") || path.equals("/checkout") || path.equals("/health")) {
            return path;
        }
        if (PRODUCT.matcher(path).matches()) {
            return "/products/{id}";
        }
        return UNMATCHED;
    }

    private Response dispatch(String route, String method, String path, HttpExchange exchange)
            throws IOException, InterruptedException {
        switch (route) {
            case "/health":
                return method.equals("GET") ? Response.text(200, "ok\n") : notAllowed("GET");
            case "/products":
                if (!method.equals("GET")) {
                    return notAllowed("GET");
                }
                return faulty().orElseGet(() -> Response.json(200, catalog()));
            case "/products/{id}": {
                if (!method.equals("GET")) {
                    return notAllowed("GET");
                }
                Matcher m = PRODUCT.matcher(path);
                m.matches();
                String id = m.group(1);
                var fault = faulty();
                if (fault.isPresent()) {
                    return fault.get();
                }
                Long price = PRICES_CENTS.get(id);
                return price == null ? Response.json(404, "{\"error\":\"no product " + id + "\"}")
                        : Response.json(200, product(id, price));
            }
            case "/checkout":
                if (!method.equals("POST")) {
                    return notAllowed("POST");
                }
                return checkout(readBody(exchange.getRequestBody()));
            default:
                return Response.json(404, "{\"error\":\"not found\"}");
        }
    }

    private java.util.Optional<Response> faulty() throws InterruptedException {
        Duration extra = faults.extraLatency();
        if (!extra.isZero()) {
            ticker.sleep(extra);
        }
        if (faults.nextFails()) {
            return java.util.Optional.of(Response.json(503, "{\"error\":\"injected fault\"}"));
        }
        return java.util.Optional.empty();
    }

    private Response checkout(String body) throws InterruptedException {
        Matcher m = CHECKOUT_BODY.matcher(body);
        if (!m.matches()) {
            metrics.orders().labels("rejected").inc();
            return Response.json(400, "{\"error\":\"expected {\\\"product\\\":\\\"ID\\\",\\\"quantity\\\":N}\"}");
        }
        String product = m.group(1);
        int quantity = Integer.parseInt(m.group(2));
        Long price = PRICES_CENTS.get(product);
        if (price == null || quantity < 1 || quantity > 100) {
            metrics.orders().labels("rejected").inc();
            return Response.json(400, price == null ? "{\"error\":\"unknown product\"}"
                    : "{\"error\":\"quantity must be between 1 and 100\"}");
        }
        var fault = faulty();
        if (fault.isPresent()) {
            metrics.orders().labels("failed").inc();
            return fault.get();
        }
        metrics.orders().labels("completed").inc();
        long id = orderIds.incrementAndGet();
        return Response.json(201, String.format(Locale.ROOT,
                "{\"order\":%d,\"product\":\"%s\",\"quantity\":%d,\"totalCents\":%d}", id, product, quantity,
                price * quantity));
    }

    private Response admin(String method, String rawQuery) {
        switch (method) {
            case "GET":
                return Response.json(200, faults.toString());
            case "DELETE":
                faults.clear();
                return Response.json(200, faults.toString());
            case "POST": {
                Map<String, String> q = query(rawQuery);
                try {
                    if (q.containsKey("errorRatio")) {
                        faults.errorRatio(Double.parseDouble(q.get("errorRatio")));
                    }
                    if (q.containsKey("latencyMs")) {
                        faults.extraLatency(Duration.ofMillis(Long.parseLong(q.get("latencyMs"))));
                    }
                } catch (IllegalArgumentException e) {
                    return Response.json(400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
                }
                return Response.json(200, faults.toString());
            }
            default:
                return notAllowed("GET, POST, DELETE");
        }
    }

    private Response metricsResponse(HttpExchange exchange) throws IOException {
        String contentType = TextFormat.chooseContentType(exchange.getRequestHeaders().getFirst("Accept"));
        StringWriter out = new StringWriter();
        TextFormat.writeFormat(contentType, out, registry.metricFamilySamples());
        return new Response(200, contentType, out.toString());
    }

    private static Response notAllowed(String allowed) {
        return Response.json(405, "{\"error\":\"method not allowed; use " + allowed + "\"}");
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.code(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(4096);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(k, v);
        }
        return result;
    }

    private static String catalog() {
        StringBuilder sb = new StringBuilder("[");
        PRICES_CENTS.forEach((id, price) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(product(id, price));
        });
        return sb.append(']').toString();
    }

    private static String product(String id, long priceCents) {
        return "{\"id\":\"" + id + "\",\"priceCents\":" + priceCents + "}";
    }

    private static Map<String, Long> prices() {
        Map<String, Long> p = new LinkedHashMap<>();
        p.put("p-1", 1299L);
        p.put("p-2", 4500L);
        p.put("p-3", 250L);
        return Map.copyOf(p);
    }

    /**
     * Options for {@link CheckoutService}.
     *
     * <pre>{@code
     * CheckoutService service = CheckoutService.builder().port(0).registry(new CollectorRegistry()).start();
     * }</pre>
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private CollectorRegistry registry = new CollectorRegistry();
        private Ticker ticker = Ticker.system();
        private int threads = 8;

        private Builder() {
        }

        /** @param host the address to bind, 127.0.0.1 by default @return this */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** @param port the port, 0 (the default) for a free one @return this */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(port + ": the port must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** @param registry where the collectors are registered (a new one by default) @return this */
        public Builder registry(CollectorRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** @param ticker the time source for durations and injected latency @return this */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** @param threads the request threads, 8 by default @return this */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException(threads + ": at least one thread is needed");
            }
            this.threads = threads;
            return this;
        }

        /** @return the started service @throws UncheckedIOException when the port cannot be bound */
        public CheckoutService start() {
            try {
                return new CheckoutService(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
