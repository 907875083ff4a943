package io.monitoringkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private static final String TOKEN = "s3cr3t-token-value";
    private static final RetryPolicy FAST = RetryPolicy.defaults().initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5));

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("status " + code).build();
    }

    private static String get(HttpTransport t, String path) throws IOException {
        Request r = new Request.Builder().url(t.url(path).build()).build();
        return t.execute(r, true, resp -> resp.code() + " " + resp.body().string());
    }

    @Test
    void pathPrefixAndBasePathAreKeptAndSegmentsEncoded() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base() + "/root").pathPrefix("/select/0/prometheus/").build()) {
            assertThat(t.baseUrl().encodedPath()).isEqualTo("/root/select/0/prometheus/");
            assertThat(t.url("api/v1/label/a b%/values").build().encodedPath())
                    .isEqualTo("/root/select/0/prometheus/api/v1/label/a%20b%25/values");
            server.enqueue(ok("x"));
            assertThat(get(t, "api/v1/query")).isEqualTo("200 x");
            assertThat(server.takeRequest().getUrl().encodedPath())
                    .isEqualTo("/root/select/0/prometheus/api/v1/query");
        }
    }

    @Test
    void rejectsBadBaseUrlsNamingThemWithoutCredentials() {
        assertThatThrownBy(() -> HttpTransport.builder("localhost:9090"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"localhost:9090\" is not a valid base URL; expected an absolute http:// or https:// URL");
        assertThatThrownBy(() -> HttpTransport.builder("ftp://u:pw@host/"))
                .hasMessage("\"ftp://host/\" is not a valid base URL; expected an absolute http:// or https:// URL");
        assertThatThrownBy(() -> HttpTransport.builder("http://host/?a=b"))
                .hasMessage("\"http://host/?a=b\" is not a valid base URL; it must not have a query or fragment");
    }

    @Test
    void sendsBasicAuthAndTakesCredentialsOutOfTheUrl() throws Exception {
        try (HttpTransport t = HttpTransport.builder("http://admin:" + TOKEN + "@127.0.0.1:" + server.getPort())
                .build()) {
            assertThat(t.baseUrl().toString()).doesNotContain(TOKEN).doesNotContain("admin");
            assertThat(t.toString()).doesNotContain(TOKEN).contains("auth=basic(admin)");
            server.enqueue(ok("x"));
            get(t, "x");
            assertThat(server.takeRequest().getHeaders().get("Authorization"))
                    .isEqualTo(okhttp3.Credentials.basic("admin", TOKEN));
        }
    }

    @Test
    void asksTheTokenSupplierBeforeEveryAttempt() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST)
                .bearerToken(() -> Secret.of("token-" + n.incrementAndGet())).build()) {
            server.enqueue(status(503));
            server.enqueue(ok("x"));
            assertThat(get(t, "x")).isEqualTo("200 x");
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
        }
    }

    @Test
    void defaultHeadersYieldToPerRequestHeaders() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).header("X-Scope-OrgID", "team-a")
                .header("X-Api-Key", Secret.of(TOKEN)).build()) {
            server.enqueue(ok("a"));
            server.enqueue(ok("b"));
            get(t, "x");
            t.execute(new Request.Builder().url(t.url("x").build()).header("X-Scope-OrgID", "team-b").build(), true,
                    r -> null);
            RecordedRequest first = server.takeRequest();
            assertThat(first.getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
            assertThat(first.getHeaders().get("X-Api-Key")).isEqualTo(TOKEN);
            assertThat(server.takeRequest().getHeaders().get("X-Scope-OrgID")).isEqualTo("team-b");
            assertThat(t.toString()).contains("X-Scope-OrgID=team-a", "X-Api-Key=[REDACTED]").doesNotContain(TOKEN);
        }
    }

    @Test
    void refusesCredentialHeadersAsPlainStrings() {
        assertThatThrownBy(() -> HttpTransport.builder(base()).header("Authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header \"Authorization\" carries credentials; pass its value as a Secret "
                        + "(header(name, Secret)) or use basicAuth/bearerToken");
    }

    @Test
    void retries503HonouringRetryAfter() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST).build()) {
            server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build());
            server.enqueue(ok("done"));
            long start = System.nanoTime();
            assertThat(get(t, "x")).isEqualTo("200 done");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1000);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void retries429And502And504ButNever400Or422() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST.maxAttempts(4)).build()) {
            server.enqueue(status(429));
            server.enqueue(status(502));
            server.enqueue(status(504));
            server.enqueue(ok("x"));
            assertThat(get(t, "x")).isEqualTo("200 x");
            server.enqueue(status(400));
            assertThat(get(t, "x")).isEqualTo("400 status 400");
            server.enqueue(status(422));
            assertThat(get(t, "x")).isEqualTo("422 status 422");
            assertThat(server.getRequestCount()).isEqualTo(6);
        }
    }

    @Test
    void handsTheLastResponseOverWhenAttemptsRunOut() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST.maxAttempts(2)).build()) {
            server.enqueue(status(503));
            server.enqueue(status(503));
            assertThat(get(t, "x")).isEqualTo("503 status 503");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void doesNotWaitPastTheDeadlineForRetryAfter() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST.deadline(Duration.ofSeconds(2)))
                .build()) {
            server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "120").build());
            long start = System.nanoTime();
            assertThat(get(t, "x")).startsWith("503");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        }
    }

    @Test
    void nonIdempotentRequestsAreNotRetriedUnlessConfigured() throws Exception {
        Request post = new Request.Builder().url(base() + "/snap")
                .post(okhttp3.RequestBody.create(new byte[0], null)).build();
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST).build()) {
            server.enqueue(status(503));
            assertThat(t.<Integer>execute(post, false, r -> r.code())).isEqualTo(503);
        }
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST.retryNonIdempotent(true)).build()) {
            server.enqueue(status(503));
            server.enqueue(ok("x"));
            assertThat(t.<Integer>execute(post, false, r -> r.code())).isEqualTo(200);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesAConnectionDroppedBeforeTheResponse() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST).build()) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
            server.enqueue(ok("second"));
            assertThat(get(t, "x")).isEqualTo("200 second");
        }
    }

    @Test
    void givesUpWithARedactedMessageNamingAttempts() throws Exception {
        int port = server.getPort();
        server.close();
        try (HttpTransport t = HttpTransport.builder("http://127.0.0.1:" + port).bearerToken(Secret.of(TOKEN))
                .retryPolicy(FAST.maxAttempts(2)).build()) {
            assertThatThrownBy(() -> get(t, "api/v1/query"))
                    .isInstanceOf(HttpTransportException.class)
                    .hasMessageStartingWith("GET http://127.0.0.1:" + port + "/api/v1/query failed after 2 attempts in ")
                    .hasMessageContaining("ConnectException")
                    .satisfies(e -> assertThat(((HttpTransportException) e).attempts()).isEqualTo(2))
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
        }
    }

    @Test
    void asyncCompletesAndCancellingCancelsTheCall() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).build()) {
            server.enqueue(ok("async"));
            Request r = new Request.Builder().url(t.url("x").build()).build();
            assertThat(t.executeAsync(r, true, resp -> resp.body().string()).get(5, TimeUnit.SECONDS))
                    .isEqualTo("async");

            server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("late").build());
            CompletableFuture<String> f = t.executeAsync(r, true, resp -> resp.body().string());
            server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(f.cancel(true)).isTrue();
            assertThat(f).isCancelled();
            // the OkHttp call is cancelled: the dispatcher has nothing running soon after
            long deadline = System.currentTimeMillis() + 5000;
            while (t.okHttpClient().dispatcher().runningCallsCount() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(t.okHttpClient().dispatcher().runningCallsCount()).isZero();
        }
    }

    @Test
    void asyncRetriesWithoutBlocking() throws Exception {
        try (HttpTransport t = HttpTransport.builder(base()).retryPolicy(FAST).build()) {
            server.enqueue(status(502));
            server.enqueue(ok("after retry"));
            Request r = new Request.Builder().url(t.url("x").build()).build();
            assertThat(t.executeAsync(r, true, resp -> resp.body().string()).get(5, TimeUnit.SECONDS))
                    .isEqualTo("after retry");
        }
    }

    @Test
    void closeLeavesAnInjectedClientAlone() {
        OkHttpClient shared = new OkHttpClient();
        HttpTransport t = HttpTransport.builder(base()).okHttpClient(shared).build();
        assertThat(t.okHttpClient().dispatcher()).isSameAs(shared.dispatcher());
        t.close();
        assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
        HttpTransport own = HttpTransport.builder(base()).build();
        own.okHttpClient().dispatcher().executorService();
        own.close();
        assertThat(own.okHttpClient().dispatcher().executorService().isShutdown()).isTrue();
    }

    @Test
    void tokenNeverAppearsInToStringLogsMessagesOrExcerpts() throws Exception {
        Logger jul = Logger.getLogger("io.monitoringkit.http");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level old = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.addHandler(h);
        try (HttpTransport t = HttpTransport.builder(base()).bearerToken(Secret.of(TOKEN)).retryPolicy(FAST)
                .build()) {
            server.enqueue(new MockResponse.Builder().code(503).body("echo: Bearer " + TOKEN).build());
            server.enqueue(new MockResponse.Builder().code(401).body("bad token " + TOKEN).build());
            String body = get(t, "x?token=" + TOKEN);
            assertThat(body).contains(TOKEN); // the raw body is the caller's; excerpts are redacted
            assertThat(t.excerpt(body, 100)).isEqualTo("401 bad token [REDACTED]");
            assertThat(t.toString()).doesNotContain(TOKEN);
            assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(TOKEN));
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        } finally {
            jul.removeHandler(h);
            jul.setLevel(old);
        }
    }
}
