package io.monitoringkit.client;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.monitoringkit.client.PrometheusApiException.UnexpectedResponseException;
import io.monitoringkit.client.internal.ApiDecoder;
import io.monitoringkit.client.internal.DecodeException;
import io.monitoringkit.client.internal.Records;
import io.monitoringkit.client.internal.TailInputStream;
import io.monitoringkit.http.HttpTransport;
import io.monitoringkit.http.HttpTransportException;
import io.monitoringkit.http.RetryPolicy;
import io.monitoringkit.http.Secret;
import io.monitoringkit.http.TlsConfig;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.query.LabelsResult;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryException;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.SeriesOptions;
import io.monitoringkit.query.SeriesResult;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A client for the Prometheus HTTP API ({@code /api/v1}), also for Thanos, Mimir/Cortex and VictoriaMetrics.
 * Implements {@link QueryApi}; offers every v1 endpoint with typed results, asynchronous variants whose
 * cancellation cancels the HTTP call, streaming decoding straight into primitive arrays, typed errors
 * ({@link PrometheusApiException} and subclasses, {@link PrometheusConnectionException}) and the retry, auth and TLS
 * plumbing of {@link HttpTransport}.
 *
 * <p>Queries, range queries, series and label-name lookups are sent as form POSTs (long PromQL does not hit URL
 * limits); when a server or proxy answers 405 or 501 the client falls back to GET, and remembers.
 *
 * <pre>{@code
 * try (PrometheusClient prom = PrometheusClient.builder("https://mimir.example.com")
 *         .pathPrefix("/prometheus")
 *         .tenant("team-a")
 *         .bearerToken(Secret.of(token))
 *         .build()) {
 *     QueryResult.Vector up = prom.query("up{job=\"api\"}").asVector();
 *     CompletableFuture<QueryResult.Matrix> m = prom.queryRangeAsync("rate(x[5m])", start, end,
 *             Duration.ofMinutes(1), QueryOptions.defaults());
 *     PrometheusClient thanos = prom.withExtraParams(ExtraParams.none().dedup(true));
 * }
 * }</pre>
 */
public final class PrometheusClient implements QueryApi, Closeable {
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final int EXCERPT = 200;
    private static final java.util.regex.Pattern JACKSON_SOURCE = java.util.regex.Pattern.compile(
            "\\s*\\(for \\w+ starting at \\[Source: .*?; line: \\d+, column: \\d+\\]\\)");

    private final HttpTransport http;
    private final boolean ownsTransport;
    private final ExtraParams extraParams;
    private final Map<String, String> extraHeaders;
    private final boolean featureCheck;
    private final AtomicBoolean postUnsupported;
    private final AtomicReference<ServerFeatures> features;

    private PrometheusClient(HttpTransport http, boolean ownsTransport, ExtraParams extraParams,
            Map<String, String> extraHeaders, boolean featureCheck, AtomicBoolean postUnsupported,
            AtomicReference<ServerFeatures> features) {
        this.http = http;
        this.ownsTransport = ownsTransport;
        this.extraParams = extraParams;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.featureCheck = featureCheck;
        this.postUnsupported = postUnsupported;
        this.features = features;
    }

    /**
     * @param baseUrl the server's root, e.g. {@code http://localhost:9090}
     * @return a builder
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /**
     * @return a view of this client sending {@code params} with every request as well; shares the connection,
     *         closing the view does nothing
     */
    public PrometheusClient withExtraParams(ExtraParams params) {
        return new PrometheusClient(http, false, extraParams.and(Objects.requireNonNull(params, "params")),
                extraHeaders, featureCheck, postUnsupported, features);
    }

    /**
     * @return a view of this client sending header {@code name: value} with every request (e.g. another tenant's
     *         {@code X-Scope-OrgID}); shares the connection, closing the view does nothing
     */
    public PrometheusClient withHeader(String name, String value) {
        okhttp3.Headers.of(name, value); // validates
        Map<String, String> h = new LinkedHashMap<>(extraHeaders);
        h.put(name, value);
        return new PrometheusClient(http, false, extraParams, h, featureCheck, postUnsupported, features);
    }

    /** @return the transport (base URL, retry policy, OkHttp client). */
    public HttpTransport transport() {
        return http;
    }

    // =================================================================== QueryApi

    @Override
    public QueryResult query(String promql, QueryOptions options) {
        return blocking(queryRequest(promql, options), queryReader());
    }

    /** Runs an instant query asynchronously; cancelling the future cancels the HTTP call. */
    public CompletableFuture<QueryResult> queryAsync(String promql, QueryOptions options) {
        return async(queryRequest(promql, options), queryReader());
    }

    /** Runs a typed instant query asynchronously. */
    public CompletableFuture<QueryResult> queryAsync(Expr expr, QueryOptions options) {
        return queryAsync(expr.toPromQL(), options);
    }

    @Override
    public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step,
            QueryOptions options) {
        return blocking(rangeRequest(promql, start, end, step, options), matrixReader());
    }

    /** Runs a range query asynchronously; cancelling the future cancels the HTTP call. */
    public CompletableFuture<QueryResult.Matrix> queryRangeAsync(String promql, Instant start, Instant end,
            Duration step, QueryOptions options) {
        return async(rangeRequest(promql, start, end, step, options), matrixReader());
    }

    @Override
    public SeriesResult series(List<String> matchers, SeriesOptions options) {
        return blocking(seriesRequest(matchers, options), seriesReader());
    }

    /** Finds series asynchronously. */
    public CompletableFuture<SeriesResult> seriesAsync(List<String> matchers, SeriesOptions options) {
        return async(seriesRequest(matchers, options), seriesReader());
    }

    @Override
    public LabelsResult labelNames(List<String> matchers, SeriesOptions options) {
        return blocking(labelNamesRequest(matchers, options), labelsReader());
    }

    /** Lists label names asynchronously. */
    public CompletableFuture<LabelsResult> labelNamesAsync(List<String> matchers, SeriesOptions options) {
        return async(labelNamesRequest(matchers, options), labelsReader());
    }

    @Override
    public LabelsResult labelValues(String labelName, List<String> matchers, SeriesOptions options) {
        return blocking(labelValuesRequest(labelName, matchers, options), labelsReader());
    }

    /** Lists label values asynchronously. */
    public CompletableFuture<LabelsResult> labelValuesAsync(String labelName, List<String> matchers,
            SeriesOptions options) {
        return async(labelValuesRequest(labelName, matchers, options), labelsReader());
    }

    // =================================================================== other endpoints

    /** {@code /api/v1/format_query}: the server's pretty-printed form of {@code promql}. */
    public String formatQuery(String promql) {
        return blocking(ApiRequest.get("api/v1/format_query").param("query", promql), stringReader());
    }

    /** {@code /api/v1/parse_query} (Prometheus 3.x): the server's JSON syntax tree of {@code promql}, as JSON text. */
    public String parseQuery(String promql) {
        return blocking(ApiRequest.get("api/v1/parse_query").param("query", promql),
                raw(p -> io.monitoringkit.client.internal.JsonText.copy(p)));
    }

    /** {@code /api/v1/query_exemplars}. */
    public List<Exemplars> queryExemplars(String promql, Instant start, Instant end) {
        return blocking(ApiRequest.get("api/v1/query_exemplars").param("query", promql)
                .param("start", formatTime(start)).param("end", formatTime(end)), generic(Records::exemplars));
    }

    /** {@code /api/v1/targets} with the {@code state} filter. */
    public Targets targets(Targets.State state) {
        return targets(state, "");
    }

    /** {@code /api/v1/targets} with the {@code state} and {@code scrapePool} filters ({@code ""}: all pools). */
    public Targets targets(Targets.State state, String scrapePool) {
        ApiRequest r = ApiRequest.get("api/v1/targets").param("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (!scrapePool.isEmpty()) {
            r.param("scrapePool", scrapePool);
        }
        return blocking(r, generic(Records::targets));
    }

    /**
     * {@code /api/v1/targets/metadata}.
     *
     * @param matchTarget a label selector of targets, {@code ""} for all
     * @param metric a metric name, {@code ""} for all
     * @param limit the maximum number of targets, 0 for no limit
     */
    public List<MetricMetadata> targetsMetadata(String matchTarget, String metric, int limit) {
        ApiRequest r = ApiRequest.get("api/v1/targets/metadata");
        if (!matchTarget.isEmpty()) {
            r.param("match_target", matchTarget);
        }
        if (!metric.isEmpty()) {
            r.param("metric", metric);
        }
        if (limit > 0) {
            r.param("limit", Integer.toString(limit));
        }
        return blocking(r, generic(Records::targetMetadata));
    }

    /**
     * {@code /api/v1/metadata}.
     *
     * @param metric a metric name, {@code ""} for all
     * @param limit the maximum number of metrics, 0 for no limit
     */
    public Map<String, List<MetricMetadata>> metadata(String metric, int limit) {
        ApiRequest r = ApiRequest.get("api/v1/metadata");
        if (!metric.isEmpty()) {
            r.param("metric", metric);
        }
        if (limit > 0) {
            r.param("limit", Integer.toString(limit));
        }
        return blocking(r, generic(Records::metadata));
    }

    /** {@code /api/v1/rules} with filters. */
    public RulesResult rules(RulesFilter filter) {
        ApiRequest r = ApiRequest.get("api/v1/rules");
        filter.toParams().forEach(kv -> r.param(kv[0], kv[1]));
        return blocking(r, generic(Records::rules));
    }

    /** {@code /api/v1/alerts}. */
    public List<Alert> alerts() {
        return blocking(ApiRequest.get("api/v1/alerts"),
                generic(d -> Records.alerts(Records.object(d, "alerts").get("alerts"))));
    }

    /** {@code /api/v1/alertmanagers}. */
    public AlertmanagerDiscovery alertmanagers() {
        return blocking(ApiRequest.get("api/v1/alertmanagers"), generic(Records::alertmanagers));
    }

    /** {@code /api/v1/scrape_pools}. */
    public List<String> scrapePools() {
        return blocking(ApiRequest.get("api/v1/scrape_pools"), generic(d -> {
            List<String> out = new ArrayList<>();
            for (Object o : Records.list(Records.object(d, "scrape_pools").get("scrapePools"), "scrapePools")) {
                out.add(String.valueOf(o));
            }
            return List.copyOf(out);
        }));
    }

    /** {@code /api/v1/status/config}: the loaded configuration as YAML. */
    public String config() {
        return blocking(ApiRequest.get("api/v1/status/config"),
                generic(d -> String.valueOf(Records.object(d, "config").getOrDefault("yaml", ""))));
    }

    /** {@code /api/v1/status/flags}. */
    public Map<String, String> flags() {
        return blocking(ApiRequest.get("api/v1/status/flags"), generic(Records::flags));
    }

    /** {@code /api/v1/status/runtimeinfo}. */
    public RuntimeInfo runtimeInfo() {
        return blocking(ApiRequest.get("api/v1/status/runtimeinfo"), generic(Records::runtimeInfo));
    }

    /** {@code /api/v1/status/buildinfo}. */
    public BuildInfo buildInfo() {
        return blocking(ApiRequest.get("api/v1/status/buildinfo"), generic(Records::buildInfo));
    }

    /** {@code /api/v1/status/tsdb}; {@code limit} entries per list (0: the server's default, 10). */
    public TsdbStatus tsdbStatus(int limit) {
        ApiRequest r = ApiRequest.get("api/v1/status/tsdb");
        if (limit > 0) {
            r.param("limit", Integer.toString(limit));
        }
        return blocking(r, generic(Records::tsdb));
    }

    /** {@code /api/v1/status/walreplay}. */
    public WalReplayStatus walReplay() {
        return blocking(ApiRequest.get("api/v1/status/walreplay"), generic(Records::walReplay));
    }

    /** {@code /api/v1/notifications} (Prometheus 3.x). */
    public List<Notification> notifications() {
        return blocking(ApiRequest.get("api/v1/notifications"), generic(Records::notifications));
    }

    /** Admin: {@code POST /api/v1/admin/tsdb/snapshot}; needs {@code --web.enable-admin-api}. @return the name */
    public String snapshot(boolean skipHead) {
        ApiRequest r = ApiRequest.admin("api/v1/admin/tsdb/snapshot");
        if (skipHead) {
            r.param("skip_head", "true");
        }
        return blocking(r, generic(d -> Records.object(d, "snapshot").getOrDefault("name", "").toString()));
    }

    /** Admin: {@code POST /api/v1/admin/tsdb/delete_series} for all time. */
    public void deleteSeries(List<String> matchers) {
        deleteSeries(matchers, null, null);
    }

    /** Admin: {@code POST /api/v1/admin/tsdb/delete_series} between {@code start} and {@code end}. */
    public void deleteSeries(List<String> matchers, Instant start, Instant end) {
        requireMatchers(matchers, "deleteSeries");
        ApiRequest r = ApiRequest.admin("api/v1/admin/tsdb/delete_series");
        matchers.forEach(m -> r.param("match[]", m));
        if (start != null) {
            r.param("start", formatTime(start));
        }
        if (end != null) {
            r.param("end", formatTime(end));
        }
        blocking(r, raw(p -> {
            p.skipChildren();
            return null;
        }));
    }

    /** Admin: {@code POST /api/v1/admin/tsdb/clean_tombstones}. */
    public void cleanTombstones() {
        blocking(ApiRequest.admin("api/v1/admin/tsdb/clean_tombstones"), raw(p -> {
            p.skipChildren();
            return null;
        }));
    }

    /**
     * @return what the server supports, from its buildinfo (asked once and remembered); unknown when the server
     *         is not Prometheus or does not answer
     */
    public ServerFeatures features() {
        ServerFeatures f = features.get();
        if (f == null) {
            try {
                BuildInfo b = buildInfo();
                f = b.other().containsKey("application") ? ServerFeatures.unknown()
                        : new ServerFeatures(ServerFeatures.PromVersion.parse(b.version()).orElse(null));
            } catch (QueryException e) {
                f = ServerFeatures.unknown();
            }
            features.compareAndSet(null, f);
        }
        return f;
    }

    /** Closes the transport if this client created it (not for views). */
    @Override
    public void close() {
        if (ownsTransport) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "PrometheusClient{" + http + (extraParams.pairs().isEmpty() ? "" : ", " + extraParams) + "}";
    }

    // =================================================================== requests

    private ApiRequest queryRequest(String promql, QueryOptions options) {
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(options, "options");
        ApiRequest r = ApiRequest.postable("api/v1/query").param("query", promql);
        options.time().ifPresent(t -> r.param("time", formatTime(t)));
        addQueryOptions(r, options);
        return r;
    }

    private ApiRequest rangeRequest(String promql, Instant start, Instant end, Duration step, QueryOptions options) {
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException(step + " is not a valid step; it must be positive");
        }
        if (options.time().isPresent()) {
            throw new IllegalArgumentException("the time option is for instant queries; a range query takes start, "
                    + "end and step");
        }
        ApiRequest r = ApiRequest.postable("api/v1/query_range").param("query", promql)
                .param("start", formatTime(start)).param("end", formatTime(end)).param("step", formatDuration(step));
        addQueryOptions(r, options);
        return r;
    }

    private void addQueryOptions(ApiRequest r, QueryOptions options) {
        options.timeout().ifPresent(t -> r.param("timeout", formatDuration(t)));
        if (options.limit().isPresent()) {
            require(ServerFeatures.Feature.QUERY_LIMIT);
            r.param("limit", Integer.toString(options.limit().getAsInt()));
        }
        if (options.lookbackDelta().isPresent()) {
            require(ServerFeatures.Feature.LOOKBACK_DELTA);
            r.param("lookback_delta", formatDuration(options.lookbackDelta().get()));
        }
        if (options.stats()) {
            r.param("stats", "all");
        }
    }

    private ApiRequest seriesRequest(List<String> matchers, SeriesOptions options) {
        requireMatchers(matchers, "series");
        ApiRequest r = ApiRequest.postable("api/v1/series");
        matchers.forEach(m -> r.param("match[]", m));
        addSeriesOptions(r, options);
        return r;
    }

    private ApiRequest labelNamesRequest(List<String> matchers, SeriesOptions options) {
        ApiRequest r = ApiRequest.postable("api/v1/labels");
        matchers.forEach(m -> r.param("match[]", Objects.requireNonNull(m, "matcher")));
        addSeriesOptions(r, options);
        return r;
    }

    private ApiRequest labelValuesRequest(String labelName, List<String> matchers, SeriesOptions options) {
        Objects.requireNonNull(labelName, "labelName");
        if (labelName.isEmpty()) {
            throw new IllegalArgumentException("labelValues needs a label name");
        }
        ApiRequest r = ApiRequest.get("api/v1/label/" + escapeLabelName(labelName) + "/values");
        matchers.forEach(m -> r.param("match[]", Objects.requireNonNull(m, "matcher")));
        addSeriesOptions(r, options);
        return r;
    }

    private void addSeriesOptions(ApiRequest r, SeriesOptions options) {
        options.start().ifPresent(t -> r.param("start", formatTime(t)));
        options.end().ifPresent(t -> r.param("end", formatTime(t)));
        if (options.limit().isPresent()) {
            require(ServerFeatures.Feature.SERIES_LIMIT);
            r.param("limit", Integer.toString(options.limit().getAsInt()));
        }
    }

    private static void requireMatchers(List<String> matchers, String what) {
        Objects.requireNonNull(matchers, "matchers");
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one series selector (match[])");
        }
        for (int i = 0; i < matchers.size(); i++) {
            if (matchers.get(i) == null || matchers.get(i).isBlank()) {
                throw new IllegalArgumentException("matchers[" + i + "] is empty; expected a series selector");
            }
        }
    }

    private void require(ServerFeatures.Feature feature) {
        if (!featureCheck) {
            return;
        }
        ServerFeatures f = features();
        if (!f.supports(feature)) {
            throw new UnsupportedFeatureException(feature.description() + " needs Prometheus " + feature.since()
                    + " or later; the server is " + f.version().map(Object::toString).orElse("unknown")
                    + " and would silently ignore it (turn the check off with featureCheck(false))");
        }
    }

    /**
     * Label names in URL paths: legacy names as they are; others (UTF-8 names, Prometheus 3.x) in Prometheus'
     * values escaping with the {@code U__} prefix.
     */
    static String escapeLabelName(String name) {
        if (Names.isLegacyLabelName(name)) {
            return name;
        }
        StringBuilder sb = new StringBuilder("U__");
        name.codePoints().forEach(cp -> {
            if (cp == '_') {
                sb.append("__");
            } else if (cp < 128 && (Character.isLetterOrDigit(cp))) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('_').append(Integer.toHexString(cp)).append('_');
            }
        });
        return sb.toString();
    }

    /** @return {@code t} as Unix seconds with up to millisecond decimals, as the API accepts. */
    static String formatTime(Instant t) {
        return millisAsSeconds(t.toEpochMilli());
    }

    /** @return {@code d} as seconds with up to millisecond decimals. */
    static String formatDuration(Duration d) {
        return millisAsSeconds(d.toMillis());
    }

    private static String millisAsSeconds(long ms) {
        if (ms < 0) {
            return "-" + millisAsSeconds(-ms);
        }
        long s = Math.floorDiv(ms, 1000);
        long rem = Math.floorMod(ms, 1000);
        if (rem == 0) {
            return Long.toString(s);
        }
        String frac = String.format("%03d", rem);
        while (frac.endsWith("0")) {
            frac = frac.substring(0, frac.length() - 1);
        }
        return s + "." + frac;
    }

    // =================================================================== readers and execution

    /** Turns a decoded envelope into the endpoint's result. */
    @FunctionalInterface
    private interface Finisher<D, T> {
        T finish(ApiDecoder.Envelope<D> env);
    }

    private record Endpoint<D, T>(Supplier<ApiDecoder.DataReader<D>> reader, Finisher<D, T> finisher) {
    }

    private static Endpoint<ApiDecoder.QueryData, QueryResult> queryReader() {
        return new Endpoint<>(ApiDecoder.QueryReader::new, env -> env.data.finish(env.warnings, env.infos));
    }

    private static Endpoint<ApiDecoder.QueryData, QueryResult.Matrix> matrixReader() {
        return new Endpoint<>(ApiDecoder.QueryReader::new, env -> {
            QueryResult r = env.data.finish(env.warnings, env.infos);
            if (r instanceof QueryResult.Matrix m) {
                return m;
            }
            throw new DecodeException("a range query returned a " + r.resultType() + " instead of a matrix");
        });
    }

    private static Endpoint<List<Labels>, SeriesResult> seriesReader() {
        return new Endpoint<>(() -> ApiDecoder::readLabelSets,
                env -> new SeriesResult(env.data, env.warnings, env.infos));
    }

    private static Endpoint<List<String>, LabelsResult> labelsReader() {
        return new Endpoint<>(() -> ApiDecoder::readStrings,
                env -> new LabelsResult(env.data, env.warnings, env.infos));
    }

    private static Endpoint<String, String> stringReader() {
        return new Endpoint<>(() -> p -> {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new DecodeException("expected \"data\" to be a string but found "
                        + ApiDecoder.describe(p.currentToken()));
            }
            return p.getText();
        }, env -> env.data);
    }

    private static <T> Endpoint<T, T> generic(java.util.function.Function<Object, T> mapper) {
        return new Endpoint<>(() -> p -> mapper.apply(ApiDecoder.readAny(p, p.currentToken())), env -> env.data);
    }

    private static <T> Endpoint<T, T> raw(ApiDecoder.DataReader<T> reader) {
        return new Endpoint<>(() -> reader, env -> env.data);
    }

    /** Thrown by the handler when a POST is answered with 405 or 501: try again with GET. */
    private static final class FallbackToGet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FallbackToGet() {
            super(null, null, false, false);
        }
    }

    private boolean usePost(ApiRequest r) {
        return r.kind == ApiRequest.Kind.ADMIN || r.kind == ApiRequest.Kind.POSTABLE && !postUnsupported.get();
    }

    private <D, T> T blocking(ApiRequest r, Endpoint<D, T> endpoint) {
        boolean post = usePost(r);
        Request request = build(r, post);
        try {
            return http.execute(request, r.kind != ApiRequest.Kind.ADMIN,
                    resp -> handle(resp, r, post, endpoint, http.describe(request)));
        } catch (FallbackToGet f) {
            postUnsupported.set(true);
            http.log(http.describe(request) + " is not allowed; falling back to GET for query endpoints");
            return blocking(r, endpoint);
        } catch (HttpTransportException e) {
            throw new PrometheusConnectionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new PrometheusConnectionException(http.redact(http.describe(request) + " failed: " + e), e);
        }
    }

    private <D, T> CompletableFuture<T> async(ApiRequest r, Endpoint<D, T> endpoint) {
        Chained<T> out = new Chained<>();
        startAsync(out, r, endpoint);
        return out;
    }

    private <D, T> void startAsync(Chained<T> out, ApiRequest r, Endpoint<D, T> endpoint) {
        boolean post = usePost(r);
        Request request;
        try {
            request = build(r, post);
        } catch (RuntimeException e) {
            out.completeExceptionally(e);
            return;
        }
        CompletableFuture<T> f = http.executeAsync(request, r.kind != ApiRequest.Kind.ADMIN,
                resp -> handle(resp, r, post, endpoint, http.describe(request)));
        out.current = f;
        if (out.isCancelled()) {
            f.cancel(true);
        }
        f.whenComplete((v, e) -> {
            if (e == null) {
                out.complete(v);
                return;
            }
            Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (c instanceof FallbackToGet) {
                postUnsupported.set(true);
                startAsync(out, r, endpoint);
            } else if (c instanceof HttpTransportException h) {
                out.completeExceptionally(new PrometheusConnectionException(h.getMessage(), h));
            } else if (c instanceof IOException io) {
                out.completeExceptionally(new PrometheusConnectionException(
                        http.redact(http.describe(request) + " failed: " + io), io));
            } else {
                out.completeExceptionally(c);
            }
        });
    }

    /** A future whose cancellation reaches the HTTP call in flight, across the GET fallback. */
    private static final class Chained<T> extends CompletableFuture<T> {
        volatile CompletableFuture<?> current;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean r = super.cancel(mayInterruptIfRunning);
            CompletableFuture<?> c = current;
            if (c != null) {
                c.cancel(mayInterruptIfRunning);
            }
            return r;
        }
    }

    private Request build(ApiRequest r, boolean post) {
        HttpUrl.Builder u = http.url(r.path);
        List<String[]> params = new ArrayList<>(r.params);
        params.addAll(extraParams.pairs());
        Request.Builder b = new Request.Builder();
        if (post) {
            FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
            params.forEach(kv -> form.add(kv[0], kv[1]));
            RequestBody body = form.build();
            b.url(u.build()).post(body);
        } else {
            params.forEach(kv -> u.addQueryParameter(kv[0], kv[1]));
            b.url(u.build()).get();
        }
        extraHeaders.forEach(b::header);
        b.header("Accept", "application/json");
        return b.build();
    }

    private <D, T> T handle(Response resp, ApiRequest r, boolean post, Endpoint<D, T> endpoint, String request)
            throws IOException {
        int code = resp.code();
        if (post && r.kind == ApiRequest.Kind.POSTABLE && (code == 405 || code == 501)) {
            throw new FallbackToGet();
        }
        if (r.kind == ApiRequest.Kind.ADMIN && code == 204) {
            return null;
        }
        ResponseBody body = resp.body();
        MediaType ct = body.contentType();
        boolean json = ct != null && (ct.subtype().equals("json") || ct.subtype().endsWith("+json"));
        if (!json) {
            String text = readCapped(body.byteStream(), ERROR_BODY_LIMIT);
            if (!text.stripLeading().startsWith("{")) {
                throw new UnexpectedResponseException(code, statusHint(code) + "expected a JSON API response but got "
                        + (ct == null ? (text.isEmpty() ? "an empty body" : "a body without content type")
                                : ct.type() + "/" + ct.subtype()),
                        http.excerpt(text, EXCERPT), request, null);
            }
            return decode(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), code, r,
                    endpoint, request);
        }
        return decode(body.byteStream(), code, r, endpoint, request);
    }

    private <D, T> T decode(InputStream in, int code, ApiRequest r, Endpoint<D, T> endpoint, String request)
            throws IOException {
        TailInputStream tail = new TailInputStream(in, 160);
        ApiDecoder.Envelope<D> env;
        try (JsonParser p = ApiDecoder.FACTORY.createParser(tail)) {
            env = ApiDecoder.readEnvelope(p, endpoint.reader().get());
            // drain what already arrived after the JSON (a newline, a gzip trailer) so the connection can be
            // reused; never block on a body without a length
            byte[] rest = new byte[512];
            for (int i = 0; i < 128 && tail.available() > 0 && tail.read(rest) >= 0; i++) {
                // discard
            }
        } catch (JsonProcessingException e) {
            String reason = JACKSON_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
            if (e instanceof JsonEOFException || reason.startsWith("Unexpected end-of-input")) {
                throw new UnexpectedResponseException(code, "truncated JSON: the body ended after " + tail.count()
                        + " bytes, in the middle of a value", "..." + http.excerpt(tail.tail(), EXCERPT), request, e);
            }
            throw new UnexpectedResponseException(code, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + http.redact(reason),
                    "..." + http.excerpt(tail.tail(), EXCERPT), request, e);
        } catch (DecodeException | NumberFormatException e) {
            throw new UnexpectedResponseException(code, "not a Prometheus API response: " + e.getMessage(),
                    (tail.count() > 160 ? "..." : "") + http.excerpt(tail.tail(), EXCERPT), request, e);
        }
        if ("error".equals(env.status) || !env.errorType.isEmpty()) {
            throw PrometheusApiException.of(code, env.errorType, http.redact(env.error), request, env.warnings);
        }
        if (!"success".equals(env.status)) {
            throw new UnexpectedResponseException(code, "the response's status is \"" + env.status
                    + "\"; expected \"success\" or \"error\"", "", request, null);
        }
        if (code < 200 || code > 299) {
            throw new UnexpectedResponseException(code, statusHint(code) + "an error status with a success body", "",
                    request, null);
        }
        if (!env.hasData && r.kind != ApiRequest.Kind.ADMIN) {
            throw new UnexpectedResponseException(code, "the response has no data", "", request, null);
        }
        try {
            return endpoint.finisher().finish(env);
        } catch (DecodeException | NumberFormatException e) {
            throw new UnexpectedResponseException(code, "not a Prometheus API response: " + e.getMessage(), "",
                    request, e);
        }
    }

    private static String statusHint(int code) {
        return switch (code) {
            case 401 -> "not authenticated (check the credentials); ";
            case 403 -> "forbidden (check the credentials and the tenant); ";
            case 404 -> "no such endpoint or resource (check the base URL and path prefix); ";
            case 405 -> "method not allowed; ";
            case 407 -> "proxy authentication required; ";
            case 413 -> "request too large; ";
            case 429 -> "too many requests; ";
            case 502, 503, 504 -> "the server or a proxy in front of it is unavailable; ";
            default -> "";
        };
    }

    private static String readCapped(InputStream in, int max) throws IOException {
        byte[] buf = in.readNBytes(max);
        return new String(buf, StandardCharsets.UTF_8);
    }

    /** One API request before it is turned into GET or POST. */
    private static final class ApiRequest {
        enum Kind { GET, POSTABLE, ADMIN }

        final String path;
        final Kind kind;
        final List<String[]> params = new ArrayList<>();

        private ApiRequest(String path, Kind kind) {
            this.path = path;
            this.kind = kind;
        }

        static ApiRequest get(String path) {
            return new ApiRequest(path, Kind.GET);
        }

        static ApiRequest postable(String path) {
            return new ApiRequest(path, Kind.POSTABLE);
        }

        static ApiRequest admin(String path) {
            return new ApiRequest(path, Kind.ADMIN);
        }

        ApiRequest param(String name, String value) {
            params.add(new String[] {name, Objects.requireNonNull(value, name)});
            return this;
        }
    }

    /**
     * Builds a {@link PrometheusClient}.
     *
     * <pre>{@code
     * PrometheusClient c = PrometheusClient.builder("http://localhost:9090")
     *         .readTimeout(Duration.ofSeconds(30))
     *         .retryPolicy(RetryPolicy.none())
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final HttpTransport.Builder transport;
        private HttpTransport shared;
        private ExtraParams extraParams = ExtraParams.none();
        private boolean featureCheck = true;

        private Builder(String baseUrl) {
            this.transport = HttpTransport.builder(baseUrl);
        }

        /** Path prefix: {@code /prometheus} (Mimir), {@code /select/0/prometheus} (VictoriaMetrics). @return this */
        public Builder pathPrefix(String prefix) {
            transport.pathPrefix(prefix);
            return this;
        }

        /** Uses a derivative of this OkHttp client (shared pool and dispatcher, never closed by us). @return this */
        public Builder okHttpClient(OkHttpClient client) {
            transport.okHttpClient(client);
            return this;
        }

        /** Uses an existing transport as it is; other transport settings of this builder are ignored. @return this */
        public Builder transport(HttpTransport transport) {
            this.shared = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** HTTP basic authentication. @return this */
        public Builder basicAuth(String username, Secret password) {
            transport.basicAuth(username, password);
            return this;
        }

        /** A static bearer token. @return this */
        public Builder bearerToken(Secret token) {
            transport.bearerToken(token);
            return this;
        }

        /** A bearer token asked for before every attempt (rotating credentials). @return this */
        public Builder bearerToken(Supplier<Secret> token) {
            transport.bearerToken(token);
            return this;
        }

        /** Mimir/Cortex (and Loki-style) tenant: {@code X-Scope-OrgID}. @return this */
        public Builder tenant(String orgId) {
            transport.header("X-Scope-OrgID", orgId);
            return this;
        }

        /** Thanos tenant: {@code THANOS-TENANT}. @return this */
        public Builder thanosTenant(String tenant) {
            transport.header("THANOS-TENANT", tenant);
            return this;
        }

        /** A header sent with every request. @return this */
        public Builder header(String name, String value) {
            transport.header(name, value);
            return this;
        }

        /** A secret header sent with every request (API keys). @return this */
        public Builder header(String name, Secret value) {
            transport.header(name, value);
            return this;
        }

        /** TLS trust and client certificate. @return this */
        public Builder tls(TlsConfig tls) {
            transport.tls(tls);
            return this;
        }

        /** The retry policy (default {@link RetryPolicy#defaults()}). @return this */
        public Builder retryPolicy(RetryPolicy policy) {
            transport.retryPolicy(policy);
            return this;
        }

        /** Connect timeout. @return this */
        public Builder connectTimeout(Duration timeout) {
            transport.connectTimeout(timeout);
            return this;
        }

        /** Read timeout between bytes. @return this */
        public Builder readTimeout(Duration timeout) {
            transport.readTimeout(timeout);
            return this;
        }

        /** Timeout of one whole attempt. @return this */
        public Builder callTimeout(Duration timeout) {
            transport.callTimeout(timeout);
            return this;
        }

        /** Parameters sent with every request (Thanos, VictoriaMetrics). @return this */
        public Builder extraParams(ExtraParams params) {
            this.extraParams = Objects.requireNonNull(params, "params");
            return this;
        }

        /**
         * Whether to check version-dependent parameters against the server's buildinfo first (default true).
         *
         * @return this
         */
        public Builder featureCheck(boolean check) {
            this.featureCheck = check;
            return this;
        }

        /** @return the client */
        public PrometheusClient build() {
            boolean owns = shared == null;
            HttpTransport t = owns ? transport.build() : shared;
            return new PrometheusClient(t, owns, extraParams, Map.of(), featureCheck, new AtomicBoolean(),
                    new AtomicReference<>());
        }
    }
}
