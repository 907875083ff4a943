package io.monitoringkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.http.RetryPolicy;
import io.monitoringkit.query.QueryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes wrong between the client and the server, injected with MockWebServer. */
class FaultInjectionTest {
    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[{\"metric\":{\"job\":\"api\"},\"value\":[1700000000,\"42\"]}]}}";
    private static final RetryPolicy FAST = RetryPolicy.defaults().initialBackoff(Duration.ofMillis(1));

    private final MockWebServer server = new MockWebServer();
    private String base;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server.start();
        base = "http://127.0.0.1:" + server.getPort();
        url = "POST " + base + "/api/v1/query";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PrometheusClient client(RetryPolicy policy) {
        return PrometheusClient.builder(base).retryPolicy(policy).featureCheck(false).build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void retries503WithRetryAfterAndSucceeds() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1")
                .setHeader("Content-Type", "text/plain").body("Service Unavailable").build());
        server.enqueue(json(200, VECTOR));
        try (PrometheusClient c = client(FAST)) {
            long t0 = System.nanoTime();
            assertThat(c.query("up").asVector().single().value()).isEqualTo(42);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(1000);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void connectionDroppedMidBodyIsRetried() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(VECTOR)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(200, VECTOR));
        try (PrometheusClient c = client(FAST)) {
            assertThat(c.query("up").asVector().single().value()).isEqualTo(42);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void connectionDroppedMidBodyWithoutRetriesIsAConnectionError() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(VECTOR)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (PrometheusClient c = client(RetryPolicy.none())) {
            assertThatThrownBy(() -> c.query("up"))
                    .isInstanceOf(PrometheusConnectionException.class)
                    .hasMessageStartingWith(url + " failed after 1 attempt in ")
                    .satisfies(e -> assertThat(((PrometheusConnectionException) e).errorType()).isEmpty());
        }
    }

    @Test
    void slowBodyPastTheReadTimeoutFails() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(VECTOR)
                .throttleBody(8, 1, TimeUnit.SECONDS).build());
        try (PrometheusClient c = PrometheusClient.builder(base).retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofMillis(300)).build()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> c.query("up"))
                    .isInstanceOf(PrometheusConnectionException.class)
                    .hasMessageMatching(java.util.regex.Pattern.quote(url)
                            + " failed after 1 attempt in \\d+ ms: SocketTimeoutException: (timeout|Read timed out)");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
        }
    }

    @Test
    void gzipBodiesAreDecompressed() throws Exception {
        Buffer gz = new Buffer();
        try (BufferedSink sink = Okio.buffer(new GzipSink(gz))) {
            sink.writeUtf8(VECTOR);
        }
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .setHeader("Content-Encoding", "gzip").body(gz).build());
        try (PrometheusClient c = client(FAST)) {
            assertThat(c.query("up").asVector().single().value()).isEqualTo(42);
        }
        assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void htmlErrorPageOfAProxy() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html").body("""
                <html>
                <head><title>502 Bad Gateway</title></head>
                <body>
                <center><h1>502 Bad Gateway</h1></center>
                <hr><center>nginx/1.25.3</center>
                </body>
                </html>
                """).build());
        try (PrometheusClient c = client(RetryPolicy.none())) {
            assertThatThrownBy(() -> c.query("up"))
                    .isInstanceOf(PrometheusApiException.UnexpectedResponseException.class)
                    .hasMessage("the server or a proxy in front of it is unavailable; expected a JSON API response "
                            + "but got text/html: 502 Bad Gateway 502 Bad Gateway nginx/1.25.3 (HTTP 502 from " + url
                            + ")")
                    .satisfies(e -> {
                        var u = (PrometheusApiException.UnexpectedResponseException) e;
                        assertThat(u.status()).isEqualTo(502);
                        assertThat(u.excerpt()).isEqualTo("502 Bad Gateway 502 Bad Gateway nginx/1.25.3");
                    });
        }
    }

    @Test
    void malformedJson() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[}}"));
        try (PrometheusClient c = client(FAST)) {
            assertThatThrownBy(() -> c.query("up"))
                    .isInstanceOf(PrometheusApiException.UnexpectedResponseException.class)
                    .hasMessage("malformed JSON at line 1, column 61: Unexpected close marker '}': expected ']': "
                            + "...{\"status\":\"success\",\"data\":{\"resultType\":"
                            + "\"vector\",\"result\":[}} (HTTP 200 from " + url + ")");
        }
        assertThat(server.getRequestCount()).isEqualTo(1); // never retried
    }

    @Test
    void truncatedJson() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
                + "[{\"metric\":{},\"values\":[[1,\"1\"],[2,"));
        try (PrometheusClient c = client(FAST)) {
            assertThatThrownBy(() -> c.queryRange("up", Instant.EPOCH, Instant.EPOCH, Duration.ofSeconds(1)))
                    .isInstanceOf(PrometheusApiException.UnexpectedResponseException.class)
                    .hasMessage("truncated JSON: the body ended after 94 bytes, in the middle of a value: ...{\"status"
                            + "\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\""
                            + ":[[1,\"1\"],[2, (HTTP 200 from POST " + base + "/api/v1/query_range)");
        }
    }

    @Test
    void jsonOfTheWrongShapeNamesWhatIsWrong() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{\"code\":200},\"value\":[1,\"1\"]}]}}"));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{},\"value\":[1,\"one\"]}]}}"));
        server.enqueue(json(200, "{\"status\":\"success\"}"));
        server.enqueue(json(200, ""));
        try (PrometheusClient c = client(FAST)) {
            assertThatThrownBy(() -> c.query("up")).hasMessageStartingWith(
                    "not a Prometheus API response: label \"code\" has a number value; label values are strings: ");
            assertThatThrownBy(() -> c.query("up")).hasMessageStartingWith(
                    "not a Prometheus API response: \"one\" is not a sample value: ");
            assertThatThrownBy(() -> c.query("up")).hasMessage("the response has no data (HTTP 200 from " + url + ")");
            assertThatThrownBy(() -> c.query("up")).hasMessage("not a Prometheus API response: expected a JSON "
                    + "object but the body starts with the end of the body (HTTP 200 from " + url + ")");
        }
    }

    @Test
    void unauthorizedForbiddenAndNotFound() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "text/plain")
                .body("Unauthorized\n").build());
        server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "text/plain")
                .body("no org id\n").build());
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/plain; charset=utf-8")
                .body("404 page not found\n").build());
        try (PrometheusClient c = client(FAST)) {
            assertThatThrownBy(() -> c.query("up")).isInstanceOf(PrometheusApiException.UnexpectedResponseException.class)
                    .hasMessage("not authenticated (check the credentials); expected a JSON API response but got "
                            + "text/plain: Unauthorized (HTTP 401 from " + url + ")");
            assertThatThrownBy(() -> c.query("up"))
                    .hasMessage("forbidden (check the credentials and the tenant); expected a JSON API response but "
                            + "got text/plain: no org id (HTTP 403 from " + url + ")");
            assertThatThrownBy(c::walReplay)
                    .hasMessage("no such endpoint or resource (check the base URL and path prefix); expected a JSON "
                            + "API response but got text/plain: 404 page not found (HTTP 404 from GET " + base
                            + "/api/v1/status/walreplay)");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aHugeResponseIsStreamedWithinBoundedMemory() {
        // ~320 MiB of JSON the decoder must skip, generated lazily: it cannot fit this JVM's heap (-Xmx256m).
        long padding = 320L * 1024;
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(new Generated(padding)).build());
        try (PrometheusClient c = client(FAST)) {
            QueryResult.Vector v = c.query("up").asVector();
            assertThat(v.single().value()).isEqualTo(42);
        }
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(600L * 1024 * 1024);
    }

    @Test
    void aLargeMatrixRetainsAbout16BytesPerSample() {
        int series = 500;
        int samples = 2000;
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(new Matrix(series, samples)).build());
        try (PrometheusClient c = client(FAST)) {
            long before = usedAfterGc();
            QueryResult.Matrix m = c.queryRange("x", Instant.EPOCH, Instant.EPOCH, Duration.ofSeconds(15));
            long after = usedAfterGc();
            assertThat(m.sampleCount()).isEqualTo((long) series * samples);
            assertThat(m.series().get(499).value(1999)).isEqualTo(1999.5);
            double perSample = (after - before) / (double) m.sampleCount();
            assertThat(perSample).as("retained bytes per sample").isLessThan(20.0);
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A vector response with {@code kib} KiB of padding in an unknown field, written lazily. */
    private static final class Generated implements MockResponseBody {
        private final long kib;

        Generated(long kib) {
            this.kib = kib;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"padding\":[");
            byte[] chunk = ("\"" + "x".repeat(1021) + "\",").getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < kib; i++) {
                sink.write(chunk);
            }
            sink.writeUtf8("0],\"result\":[{\"metric\":{\"job\":\"api\"},\"value\":[1700000000,\"42\"]}]}}");
        }
    }

    /** A matrix response written lazily. */
    private static final class Matrix implements MockResponseBody {
        private final int series;
        private final int samples;

        Matrix(int series, int samples) {
            this.series = series;
            this.samples = samples;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < samples; i++) {
                values.append(i == 0 ? "[" : ",[").append(1700000000L + 15L * i).append(".5,\"").append(i)
                        .append(".5\"]");
            }
            byte[] valueBytes = values.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            for (int s = 0; s < series; s++) {
                sink.writeUtf8(s == 0 ? "" : ",").writeUtf8("{\"metric\":{\"__name__\":\"x\",\"job\":\"api\","
                        + "\"instance\":\"host-" + s + ":9100\"},\"values\":[");
                sink.write(valueBytes);
            }
            sink.writeUtf8("]}}");
        }
    }
}
