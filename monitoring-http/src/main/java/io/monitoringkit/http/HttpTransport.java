package io.monitoringkit.http;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The HTTP plumbing every monitoring-kit client shares: a base URL with an optional path prefix, authentication
 * (basic, a static bearer token or a token supplier for rotating credentials), custom CA and mutual TLS, default
 * headers, timeouts as {@link Duration}, a {@link RetryPolicy}, error excerpts and redaction of secrets.
 *
 * <p>Built from an injected {@link OkHttpClient} when given one: the transport derives its own client with
 * {@code newBuilder()}, sharing the caller's connection pool and dispatcher, and {@link #close()} leaves those
 * alone. Only a client the transport created itself is shut down on close.
 *
 * <pre>{@code
 * try (HttpTransport http = HttpTransport.builder("https://prometheus.example.com")
 *         .pathPrefix("/prometheus")
 *         .bearerToken(() -> Secret.of(tokenCache.current()))
 *         .header("X-Scope-OrgID", "team-a")
 *         .retryPolicy(RetryPolicy.defaults().maxAttempts(5))
 *         .build()) {
 *     Request req = new Request.Builder().url(http.url("api/v1/status/buildinfo").build()).build();
 *     String body = http.execute(req, true, r -> r.body().string());
 * }
 * }</pre>
 */
public final class HttpTransport implements Closeable {
    private static final System.Logger LOG = System.getLogger("io.monitoringkit.http");
    /** Header names whose values are always secret. */
    private static final List<String> SECRET_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "x-auth-token");

    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final RetryPolicy retryPolicy;
    private final String authDescription;
    private final Map<String, String> headers;
    private final Map<String, Secret> secretHeaders;
    private final List<Secret> staticSecrets;
    private final Supplier<Secret> tokenSupplier;
    private final TlsConfig tls;
    private volatile Secret lastSuppliedToken;

    private HttpTransport(Builder b, HttpUrl baseUrl, OkHttpClient client, boolean ownsClient) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.ownsClient = ownsClient;
        this.retryPolicy = b.retryPolicy;
        this.authDescription = b.authDescription;
        this.headers = Map.copyOf(b.headers);
        this.secretHeaders = Map.copyOf(b.secretHeaders);
        this.tokenSupplier = b.tokenSupplier;
        this.tls = b.tls;
        List<Secret> secrets = new ArrayList<>(b.secretHeaders.values());
        if (b.basicPassword != null) {
            secrets.add(b.basicPassword);
        }
        if (b.staticToken != null) {
            secrets.add(b.staticToken);
        }
        this.staticSecrets = List.copyOf(secrets);
    }

    /**
     * @param baseUrl the server's root, e.g. {@code http://localhost:9090}; a path in it becomes the path prefix
     * @return a builder
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** @return the base URL including the path prefix, always ending in {@code /}. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** @return the retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the OkHttp client in use (derived from the injected one, or created). */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /**
     * @param path a path relative to the base URL and prefix, e.g. {@code api/v1/query}; its segments are
     *        percent-encoded as needed
     * @return a URL builder to add query parameters to
     */
    public HttpUrl.Builder url(String path) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        // the base ends in "/": drop the empty last segment before appending
        b.removePathSegment(baseUrl.pathSize() - 1);
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        return b;
    }

    /**
     * Executes a request, retrying as the policy allows, and hands the final response to {@code handler}.
     *
     * @param request the request (per-request headers go on it; auth and default headers are added)
     * @param idempotent whether the request may be repeated safely (reads are; POSTs that change state are not)
     * @param handler turns the response into the result; the transport closes the response afterwards
     * @return the handler's result
     * @throws IOException an {@link HttpTransportException} when the attempts are used up, with a redacted
     *         message
     */
    public <T> T execute(Request request, boolean idempotent, ResponseHandler<T> handler) throws IOException {
        return new Exchange<>(this, request, idempotent, handler).runBlocking();
    }

    /**
     * The asynchronous form of {@link #execute}: never blocks the caller; retries are scheduled, not slept.
     * Cancelling the returned future cancels the HTTP call in flight.
     *
     * @return a future completed with the handler's result or the failure
     */
    public <T> CompletableFuture<T> executeAsync(Request request, boolean idempotent, ResponseHandler<T> handler) {
        Exchange<T> exchange = new Exchange<>(this, request, idempotent, handler);
        exchange.start();
        return exchange;
    }

    /**
     * Replaces every secret this transport knows (passwords, tokens, secret header values) in {@code text} by
     * {@code [REDACTED]}; used for every message, log line and body excerpt.
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (Secret s : staticSecrets) {
            out = out.replace(s.reveal(), "[REDACTED]");
        }
        Secret last = lastSuppliedToken;
        if (last != null) {
            out = out.replace(last.reveal(), "[REDACTED]");
        }
        return out;
    }

    /** @return {@code METHOD scheme://host:port/path} without query string or credentials, for messages and logs. */
    public String describe(Request request) {
        HttpUrl u = request.url();
        return request.method() + " " + redact(u.scheme() + "://" + u.host() + ":" + u.port() + u.encodedPath());
    }

    /**
     * A short, single-line, redacted excerpt of a body for error messages: whitespace collapsed, HTML tags
     * stripped, at most {@code max} characters.
     */
    public String excerpt(String body, int max) {
        return redact(Excerpts.excerpt(body, max));
    }

    /** Closes the OkHttp client if this transport created it; an injected client's resources are left alone. */
    @Override
    public void close() {
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** @return the base URL, auth kind, header names and policies; never a secret. */
    @Override
    public String toString() {
        List<String> hs = new ArrayList<>();
        headers.forEach((k, v) -> hs.add(k + "=" + redact(v)));
        secretHeaders.keySet().forEach(k -> hs.add(k + "=[REDACTED]"));
        return "HttpTransport{baseUrl=" + baseUrl + ", auth=" + authDescription + ", headers=" + hs + ", tls=" + tls
                + ", " + retryPolicy + "}";
    }

    // ---- used by Exchange ----

    /** @return the OkHttp request with auth and default headers added. */
    Request decorate(Request request) {
        Request.Builder b = request.newBuilder();
        headers.forEach((k, v) -> {
            if (request.header(k) == null) {
                b.header(k, v);
            }
        });
        secretHeaders.forEach((k, v) -> {
            if (request.header(k) == null) {
                b.header(k, v.reveal());
            }
        });
        if (request.header("Authorization") == null && tokenSupplier != null) {
            Secret token = Objects.requireNonNull(tokenSupplier.get(), "the bearer token supplier returned null");
            lastSuppliedToken = token;
            b.header("Authorization", "Bearer " + token.reveal());
        }
        return b.build();
    }

    /** Logs at DEBUG through {@code System.Logger} "io.monitoringkit.http", redacted. */
    public void log(String message) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, redact(message));
        }
    }

    /**
     * Builds an {@link HttpTransport}.
     *
     * <pre>{@code
     * HttpTransport t = HttpTransport.builder("http://localhost:9090").basicAuth("admin", Secret.of(pw)).build();
     * }</pre>
     */
    public static final class Builder {
        private final HttpUrl url;
        private String pathPrefix = "";
        private OkHttpClient okHttpClient;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String authDescription = "none";
        private Secret basicPassword;
        private Secret staticToken;
        private Supplier<Secret> tokenSupplier;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, Secret> secretHeaders = new LinkedHashMap<>();
        private TlsConfig tls = TlsConfig.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofMinutes(2);
        private Duration callTimeout = Duration.ZERO;

        private Builder(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            HttpUrl parsed;
            try {
                parsed = HttpUrl.get(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + Excerpts.stripUserInfo(baseUrl)
                        + "\" is not a valid base URL; expected an absolute http:// or https:// URL", e);
            }
            if (parsed.query() != null || parsed.fragment() != null) {
                throw new IllegalArgumentException("\"" + parsed.newBuilder().username("").password("").build()
                        + "\" is not a valid base URL; it must not have a query or fragment");
            }
            if (!parsed.username().isEmpty()) {
                basicAuth(parsed.username(), Secret.of(parsed.password().isEmpty() ? " " : parsed.password()));
                parsed = parsed.newBuilder().username("").password("").build();
            }
            this.url = parsed;
        }

        /**
         * @param prefix a path inserted before every API path: {@code /prometheus} (Mimir), {@code
         *        /select/0/prometheus} (VictoriaMetrics cluster)
         * @return this
         */
        public Builder pathPrefix(String prefix) {
            Objects.requireNonNull(prefix, "pathPrefix");
            if (prefix.contains("?") || prefix.contains("#")) {
                throw new IllegalArgumentException("\"" + prefix + "\" is not a valid path prefix; it must not "
                        + "contain '?' or '#'");
            }
            this.pathPrefix = prefix;
            return this;
        }

        /** Uses (a derivative of) this client, sharing its pool and dispatcher. @return this */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = Objects.requireNonNull(client, "okHttpClient");
            return this;
        }

        /** Sends HTTP basic authentication. @return this */
        public Builder basicAuth(String username, Secret password) {
            Objects.requireNonNull(username, "username");
            this.basicPassword = Objects.requireNonNull(password, "password");
            this.staticToken = null;
            this.tokenSupplier = null;
            this.authDescription = "basic(" + username + ")";
            String value = Credentials.basic(username, password.reveal(), java.nio.charset.StandardCharsets.UTF_8);
            secretHeaders.put("Authorization", Secret.of(value));
            return this;
        }

        /** Sends {@code Authorization: Bearer <token>}. @return this */
        public Builder bearerToken(Secret token) {
            this.staticToken = Objects.requireNonNull(token, "token");
            this.basicPassword = null;
            this.tokenSupplier = null;
            this.authDescription = "bearer";
            secretHeaders.put("Authorization", Secret.of("Bearer " + token.reveal()));
            return this;
        }

        /**
         * Asks {@code supplier} for the token before every attempt, for credentials that rotate (service-account
         * tokens, OAuth access tokens). The supplier should cache; it is called on the request thread.
         *
         * @return this
         */
        public Builder bearerToken(Supplier<Secret> supplier) {
            this.tokenSupplier = Objects.requireNonNull(supplier, "supplier");
            this.staticToken = null;
            this.basicPassword = null;
            this.authDescription = "bearer(supplier)";
            secretHeaders.remove("Authorization");
            return this;
        }

        /**
         * Adds a header to every request (a per-request header of the same name wins).
         *
         * @return this
         * @throws IllegalArgumentException for headers that carry credentials; use {@link #header(String, Secret)}
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header \"" + name + "\" carries credentials; pass its value as "
                        + "a Secret (header(name, Secret)) or use basicAuth/bearerToken");
            }
            okhttp3.Headers.of(name, value); // validates name and value
            headers.put(name, value);
            return this;
        }

        /** Adds a header whose value is secret (an API key) to every request. @return this */
        public Builder header(String name, Secret value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            secretHeaders.put(name, value);
            return this;
        }

        /** Sets the TLS trust and client certificate. @return this */
        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** Sets the retry policy. @return this */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** Sets the connect timeout (default 10 s). @return this */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requireTimeout(timeout, "connectTimeout");
            return this;
        }

        /** Sets the read timeout between bytes (default 2 min). @return this */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = requireTimeout(timeout, "readTimeout");
            return this;
        }

        /** Sets the timeout of one whole attempt (default none). @return this */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = requireTimeout(timeout, "callTimeout");
            return this;
        }

        private static Duration requireTimeout(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(d + " is not a valid " + what + "; it must not be negative");
            }
            return d;
        }

        /** @return the transport; loads TLS files now so that mistakes show at build time */
        public HttpTransport build() {
            HttpUrl.Builder u = url.newBuilder();
            List<String> segments = new ArrayList<>(url.pathSegments());
            segments.removeIf(String::isEmpty);
            for (String s : pathPrefix.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
            u.encodedPath("/");
            for (String s : segments) {
                u.addPathSegment(s);
            }
            u.addPathSegment("");
            HttpUrl base = u.build();
            boolean owns = okHttpClient == null;
            OkHttpClient.Builder cb = owns ? new OkHttpClient.Builder() : okHttpClient.newBuilder();
            cb.connectTimeout(connectTimeout).readTimeout(readTimeout).callTimeout(callTimeout)
                    .retryOnConnectionFailure(false);
            if (tls.isCustom()) {
                TlsConfig.Materials m = tls.load();
                cb.sslSocketFactory(m.socketFactory(), m.trustManager());
            }
            return new HttpTransport(this, base, cb.build(), owns);
        }

        @Override
        public String toString() {
            return "HttpTransport.Builder{" + url + ", prefix=" + pathPrefix + ", auth=" + authDescription
                    + ", headers=" + headers.keySet().stream().collect(Collectors.toList()) + "}";
        }
    }
}
