package io.monitoringkit.test;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.engine.rules.RuleEvaluator;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.LabelsResult;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.SeriesOptions;
import io.monitoringkit.query.SeriesResult;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.test.internal.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that scrapes the application under test into the in-process engine ({@code promql-engine})
 * — on demand with {@link #scrapeNow()}, and on a schedule when a {@linkplain Builder#scrapeInterval(Duration)
 * scrape interval} is set — and serves it as a {@link QueryApi}. Tests written against {@link PrometheusFixture}
 * run unchanged here (milliseconds, no binary) and against {@link PrometheusServerExtension}.
 *
 * <p>Each scrape is ingested as Prometheus' scrape loop does: target labels {@code job} and {@code instance}, the
 * {@code up} series, staleness markers for series that disappeared; a failed scrape writes {@code up} 0.
 *
 * <p>With {@linkplain Builder#ruleFile(Path) rule files}, every scrape is followed by one evaluation of all rule
 * groups, in order, at the scrape's time (after the last target's scrape), as {@code promtool test rules} evaluates
 * them at each step: recording rules and {@code ALERTS}/{@code ALERTS_FOR_STATE} are then queryable, and
 * {@link #alerts()} holds every alert's state. Group intervals are ignored; {@code for} and {@code keep_firing_for}
 * count in the extension's {@linkplain Builder#clock(Clock) clock}, which a test can drive itself.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedPrometheusExtension PROMETHEUS = EmbeddedPrometheusExtension.builder()
 *         .target("checkout", () -> "http://127.0.0.1:" + APP.getPort() + "/metrics")
 *         .build();
 *
 * @Test
 * void countsOrders() {
 *     checkout.placeOrder();
 *     PROMETHEUS.scrapeNow();
 *     assertThat(PROMETHEUS.queryApi().query("orders_total")).hasSeriesCount(1);
 * }
 *
 * @RegisterExtension
 * static final EmbeddedPrometheusExtension WITH_RULES = EmbeddedPrometheusExtension.builder()
 *         .target("checkout", () -> "http://127.0.0.1:" + APP.getPort() + "/metrics")
 *         .ruleFile(Path.of("src/main/prometheus/checkout.rules.yml"))
 *         .build();
 *
 * @Test
 * void recordsTheOrderRate() {
 *     WITH_RULES.scrapeNow();                     // scrapes, then evaluates every rule group
 *     WITH_RULES.queryApi().query("job:orders:rate5m");
 *     WITH_RULES.alerts();                        // [pending {alertname="NoOrders", ...} ...]
 * }
 * }</pre>
 */
public final class EmbeddedPrometheusExtension implements BeforeAllCallback, BeforeEachCallback, PrometheusFixture {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, ScrapeTarget> targets;
    private final Optional<Duration> scrapeInterval;
    private final List<Path> ruleFiles;
    private final List<RuleFile> rules;
    private final Labels externalLabels;
    private final Optional<String> externalUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Object lock = new Object();
    private final Map<String, String> lastErrors = new LinkedHashMap<>();
    private final Map<String, Labels> lastTargetLabels = new LinkedHashMap<>();
    private volatile Running running;

    private EmbeddedPrometheusExtension(Builder b) {
        this.targets = new LinkedHashMap<>(b.targets);
        this.scrapeInterval = b.scrapeInterval;
        this.ruleFiles = List.copyOf(b.ruleFiles);
        this.rules = List.copyOf(b.rules);
        this.externalLabels = b.externalLabels;
        this.externalUrl = b.externalUrl;
        this.clock = b.clock;
    }

    /** @return a builder: no targets, scraping on demand only */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the engine's storage, e.g. to load more series */
    public Storage storage() {
        return running().storage;
    }

    /** @return the engine over everything scraped so far; queries and scrapes do not interleave */
    @Override
    public QueryApi queryApi() {
        return running().api;
    }

    /** Adds (or replaces) a scrape target. */
    public void addTarget(ScrapeTarget target) {
        Objects.requireNonNull(target, "target");
        synchronized (lock) {
            targets.put(target.job(), target);
        }
    }

    /** Removes the scrape job {@code job}; its series get staleness markers as in Prometheus. */
    public void removeTarget(String job) {
        synchronized (lock) {
            targets.remove(job);
            Labels gone = lastTargetLabels.remove(job);
            if (gone != null && running != null) {
                running.storage.targetRemoved(gone, clock.instant());
            }
        }
    }

    /**
     * Scrapes every target once, now, then evaluates the rules (if any) at the clock's time.
     *
     * @return the number of samples ingested
     * @throws IllegalArgumentException when the clock went back before the previous rule evaluation
     */
    public int scrapeNow() {
        Running r = running();
        int samples = 0;
        synchronized (lock) {
            for (ScrapeTarget t : targets.values()) {
                samples += scrape(r.storage, t);
            }
            r.rules.ifPresent(ev -> ev.evaluate(clock.instant()));
        }
        return samples;
    }

    /**
     * @return every alert of the rules now: pending, firing, and resolved ones kept 15 minutes, in rule order (empty
     *     without rule files)
     */
    public List<Alert> alerts() {
        Running r = running();
        synchronized (lock) {
            return r.rules.map(RuleEvaluator::alerts).orElse(List.of());
        }
    }

    /** @return the alerts of the alerting rule(s) named {@code alertName} now */
    public List<Alert> alerts(String alertName) {
        Objects.requireNonNull(alertName, "alertName");
        return alerts().stream().filter(a -> a.alertName().equals(alertName)).toList();
    }

    /** @return the rules whose latest evaluation failed, with the error (Prometheus' rule health) */
    public List<RuleEvaluationError> ruleErrors() {
        Running r = running();
        synchronized (lock) {
            return r.rules.map(RuleEvaluator::errors).orElse(List.of());
        }
    }

    private int scrape(Storage storage, ScrapeTarget t) {
        URI uri;
        try {
            uri = t.resolve();
        } catch (RuntimeException e) {
            lastErrors.put(t.job(), "its URL could not be resolved: " + e);
            return 0;
        }
        Labels target = Labels.of("job", t.job(), "instance", uri.getHost() + ":" + uri.getPort());
        Labels previous = lastTargetLabels.put(t.job(), target);
        Instant now = clock.instant();
        if (previous != null && !previous.equals(target)) {
            storage.targetRemoved(previous, now);
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Accept", ExpositionFormat.acceptHeader()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("server returned HTTP status " + response.statusCode());
            }
            ExpositionFormat format = ExpositionFormat.detect(
                    response.headers().firstValue("Content-Type").orElse(null));
            int n = storage.scrape(target, new String(response.body(), StandardCharsets.UTF_8), format, now);
            lastErrors.remove(t.job());
            return n;
        } catch (IOException | RuntimeException e) {
            lastErrors.put(t.job(), uri + ": " + e.getMessage());
            storage.scrapeFailed(target, now);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scraping " + uri, e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIn(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIn(context);
    }

    /** Scrapes (when there is no schedule) and checks {@code up{job="..."}} until it is 1. */
    @Override
    public void awaitTargetHealthy(String job, Duration timeout) {
        Objects.requireNonNull(job, "job");
        String expr = "up{job=" + PrometheusServerExtension.quote(job) + "} == 1";
        try {
            Await.query(queryApi(), this::scrapeIfOnDemand, expr, r -> !r.asVector().isEmpty(), timeout);
        } catch (AssertionError e) {
            String error;
            synchronized (lock) {
                error = !targets.containsKey(job) ? "there is no target of that job; jobs: " + targets.keySet()
                        : "its last scrape failed: " + lastErrors.getOrDefault(job, "(no error recorded)");
            }
            throw new AssertionError("Expecting a target of job \"" + job + "\" to be up within " + timeout
                    + "\nbut " + error);
        }
    }

    @Override
    public QueryResult awaitQuery(String promql, Predicate<QueryResult> condition, Duration timeout) {
        return Await.query(queryApi(), this::scrapeIfOnDemand, promql, condition, timeout);
    }

    @Override
    public QueryResult awaitQuerySatisfies(String promql, Consumer<QueryResult> assertion, Duration timeout) {
        return Await.satisfies(queryApi(), this::scrapeIfOnDemand, promql, assertion, timeout);
    }

    private void scrapeIfOnDemand() {
        if (scrapeInterval.isEmpty()) {
            scrapeNow();
        }
    }

    private Running running() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("the embedded Prometheus is not running: use this extension inside "
                    + "tests of a class that registers it with @RegisterExtension");
        }
        return r;
    }

    private void startIn(ExtensionContext context) {
        synchronized (lock) {
            if (running != null) {
                return;
            }
            Storage storage = Storage.create();
            PromEngine engine = PromEngine.builder(storage).clock(clock).build();
            Optional<RuleEvaluator> evaluator = loadRules(engine);
            Running r = new Running(storage, new LockedQueryApi(engine, lock), evaluator, scrapeInterval.map(i -> {
                ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "embedded-prometheus-scraper");
                    thread.setDaemon(true);
                    return thread;
                });
                s.scheduleWithFixedDelay(this::scrapeQuietly, 0, i.toMillis(), TimeUnit.MILLISECONDS);
                return s;
            }));
            running = r;
            lastTargetLabels.clear();
            lastErrors.clear();
            context.getStore(ExtensionContext.Namespace.create(EmbeddedPrometheusExtension.class, this))
                    .put("engine", r);
        }
    }

    private Optional<RuleEvaluator> loadRules(PromEngine engine) {
        if (ruleFiles.isEmpty() && rules.isEmpty()) {
            return Optional.empty();
        }
        RuleEvaluator.Builder b = RuleEvaluator.builder(engine).externalLabels(externalLabels);
        externalUrl.ifPresent(b::externalUrl);
        RuleEvaluator evaluator = b.build();
        for (Path p : ruleFiles) {
            String yaml;
            try {
                yaml = Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + p + ": " + e.getMessage(), e);
            }
            evaluator.addRuleFile(RuleFiles.read(yaml, p.toString()));
        }
        rules.forEach(evaluator::addRuleFile);
        return Optional.of(evaluator);
    }

    private void scrapeQuietly() {
        try {
            if (running != null) {
                scrapeNow();
            }
        } catch (RuntimeException e) {
            // a scheduled scrape must not kill the schedule; errors are kept per job in lastErrors
        }
    }

    /**
     * Configures an {@link EmbeddedPrometheusExtension}.
     *
     * <pre>{@code
     * EmbeddedPrometheusExtension.builder()
     *         .target("app", "http://127.0.0.1:8080/metrics")
     *         .scrapeInterval(Duration.ofMillis(200))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, ScrapeTarget> targets = new LinkedHashMap<>();
        private Optional<Duration> scrapeInterval = Optional.empty();
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<RuleFile> rules = new ArrayList<>();
        private Labels externalLabels = Labels.empty();
        private Optional<String> externalUrl = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Scrapes {@code url} as job {@code job}. */
        public Builder target(String job, String url) {
            return target(ScrapeTarget.of(job, url));
        }

        /** Scrapes the URL {@code url} supplies (asked at each scrape) as job {@code job}. */
        public Builder target(String job, Supplier<String> url) {
            return target(ScrapeTarget.of(job, url));
        }

        /** Adds a scrape target; a second target of the same job replaces the first. */
        public Builder target(ScrapeTarget target) {
            targets.put(Objects.requireNonNull(target, "target").job(), target);
            return this;
        }

        /** Also scrapes every {@code interval} in the background (default: only on demand). */
        public Builder scrapeInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.toMillis() < 1) {
                throw new IllegalArgumentException(interval + " is not a valid scrapeInterval: must be at least 1ms");
            }
            this.scrapeInterval = Optional.of(interval);
            return this;
        }

        /**
         * Evaluates the rule file (a Prometheus rule file or PrometheusRule manifest) after every scrape; it is read
         * when the extension starts, and a file with errors fails the tests with every problem.
         */
        public Builder ruleFile(Path path) {
            ruleFiles.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /** Evaluates the rules of {@code rules} after every scrape. */
        public Builder ruleFile(RuleFile rules) {
            this.rules.add(Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /** The external labels rule templates see as {@code $externalLabels}. */
        public Builder externalLabels(Map<String, String> labels) {
            this.externalLabels = Labels.from(Objects.requireNonNull(labels, "labels"));
            return this;
        }

        /** The external URL rule templates see as {@code $externalURL}. */
        public Builder externalUrl(String url) {
            this.externalUrl = Optional.of(Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * The clock that timestamps scrapes and rule evaluations and is "now" for queries (default: the system's).
         * A test can pass a clock it moves itself, to let {@code for} durations pass without waiting.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the extension, to register with {@code @RegisterExtension} */
        public EmbeddedPrometheusExtension build() {
            return new EmbeddedPrometheusExtension(this);
        }
    }

    /** Serialises queries with scrapes. */
    private static final class LockedQueryApi implements QueryApi {
        private final PromEngine engine;
        private final Object lock;

        LockedQueryApi(PromEngine engine, Object lock) {
            this.engine = engine;
            this.lock = lock;
        }

        @Override
        public QueryResult query(String promql, QueryOptions options) {
            synchronized (lock) {
                return engine.query(promql, options);
            }
        }

        @Override
        public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step,
                QueryOptions options) {
            synchronized (lock) {
                return engine.queryRange(promql, start, end, step, options);
            }
        }

        @Override
        public SeriesResult series(List<String> matchers, SeriesOptions options) {
            synchronized (lock) {
                return engine.series(matchers, options);
            }
        }

        @Override
        public LabelsResult labelNames(List<String> matchers, SeriesOptions options) {
            synchronized (lock) {
                return engine.labelNames(matchers, options);
            }
        }

        @Override
        public LabelsResult labelValues(String labelName, List<String> matchers, SeriesOptions options) {
            synchronized (lock) {
                return engine.labelValues(labelName, matchers, options);
            }
        }
    }

    /** The engine of one run and its scheduler, closed by JUnit with the store. */
    @SuppressWarnings("deprecation")
    private final class Running implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        final Storage storage;
        final QueryApi api;
        final Optional<RuleEvaluator> rules;
        final Optional<ScheduledExecutorService> scheduler;

        Running(Storage storage, QueryApi api, Optional<RuleEvaluator> rules,
                Optional<ScheduledExecutorService> scheduler) {
            this.storage = storage;
            this.api = api;
            this.rules = rules;
            this.scheduler = scheduler;
        }

        @Override
        public void close() {
            scheduler.ifPresent(ScheduledExecutorService::shutdownNow);
            synchronized (lock) {
                if (running == this) {
                    running = null;
                }
            }
        }
    }
}
