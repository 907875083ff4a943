package io.monitoringkit.test;

import io.monitoringkit.client.PrometheusClient;
import io.monitoringkit.client.Targets;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.test.internal.Await;
import io.monitoringkit.testkit.PrometheusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit 5 extension running the real Prometheus (through monitoring-testkit) on 127.0.0.1 with a free port and a
 * temporary directory, scraping the application under test every second. Registered on a {@code static} field it
 * serves the whole class; on an instance field, each test. JUnit stops it through its store. When the
 * {@code prometheus} binary is missing, the tests are skipped with a message saying how to install it.
 *
 * <p>Target URLs may come from suppliers: they are resolved again before each test and when awaiting, and when the
 * resolved targets change the configuration is rewritten and reloaded.
 *
 * <pre>{@code
 * class CheckoutMonitoringIT {
 *     static final HTTPServer APP = startApp();
 *
 *     @RegisterExtension
 *     static final PrometheusServerExtension PROMETHEUS = PrometheusServerExtension.builder()
 *             .target("checkout", () -> "http://127.0.0.1:" + APP.getPort() + "/metrics")
 *             .ruleFile(Path.of("src/main/prometheus/checkout-rules.yml"))
 *             .ruleFile(RuleFile.of(List.of(RuleGroup.builder("checkout")
 *                     .rule(RecordingRule.of("job:orders:rate1m", "sum by (job) (rate(orders_total[1m]))"))
 *                     .build())))
 *             .build();
 *
 *     @Test
 *     void scrapesTheApp() {
 *         PROMETHEUS.awaitTargetHealthy("checkout");
 *         assertThat(PROMETHEUS.client().query("up{job=\"checkout\"}"))
 *                 .hasSeriesWithValue(Labels.of("job", "checkout"), 1);
 *     }
 * }
 * }</pre>
 */
public final class PrometheusServerExtension
        implements BeforeAllCallback, BeforeEachCallback, TestExecutionExceptionHandler, PrometheusFixture {
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final Map<String, ScrapeTarget> targets;
    private final List<Path> ruleFiles;
    private final List<RuleFile> rules;
    private final Duration scrapeInterval;
    private final Duration evaluationInterval;
    private final Supplier<PrometheusServer.Builder> serverBuilder;
    private final Map<String, String> resolveErrors = new LinkedHashMap<>();
    private volatile Running running;

    private PrometheusServerExtension(Builder b) {
        this.targets = new LinkedHashMap<>(b.targets);
        this.ruleFiles = List.copyOf(b.ruleFiles);
        this.rules = List.copyOf(b.rules);
        this.scrapeInterval = b.scrapeInterval;
        this.evaluationInterval = b.evaluationInterval;
        this.serverBuilder = b.serverBuilder;
    }

    /** @return a builder: no targets, no rules, 1 s scrape and evaluation intervals */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the running server (its logs, files, HTTP helpers) */
    public PrometheusServer server() {
        return running().server;
    }

    /** @return a client of the running server */
    public PrometheusClient client() {
        return running().client;
    }

    @Override
    public QueryApi queryApi() {
        return client();
    }

    /** Adds (or replaces) a scrape target and reloads the configuration. */
    public synchronized void addTarget(ScrapeTarget target) {
        Objects.requireNonNull(target, "target");
        targets.put(target.job(), target);
        refresh();
    }

    /** Removes the scrape job {@code job} and reloads the configuration. */
    public synchronized void removeTarget(String job) {
        targets.remove(job);
        refresh();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIn(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIn(context);
        refresh();
    }

    /** Attaches the server's configuration and last log lines to a failing test, as a suppressed exception. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Running r = running;
        if (r != null && !(throwable instanceof TestAbortedException)) {
            throwable.addSuppressed(new ServerLog(r.server + " configuration:\n" + r.config + "log (last "
                    + LOG_LINES_ON_FAILURE + " lines):\n" + r.server.logTail(LOG_LINES_ON_FAILURE)));
        }
        throw throwable;
    }

    @Override
    public void awaitTargetHealthy(String job, Duration timeout) {
        Objects.requireNonNull(job, "job");
        refresh();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = List.of();
        RuntimeException failure = null;
        do {
            try {
                Targets t = client().targets(Targets.State.ACTIVE);
                List<Targets.ActiveTarget> ofJob = t.active().stream().filter(a -> a.scrapePool().equals(job)).toList();
                if (ofJob.stream().anyMatch(a -> a.health().equals("up"))) {
                    return;
                }
                seen = ofJob.stream().map(a -> a.scrapeUrl() + " is " + a.health()
                        + (a.lastError().isEmpty() ? "" : " (" + a.lastError() + ")")).toList();
                failure = null;
            } catch (RuntimeException e) {
                failure = e;
            }
            Await.sleep(Await.POLL);
        } while (System.nanoTime() < deadline);
        String problem;
        synchronized (this) {
            problem = resolveErrors.containsKey(job) ? "\nIts URL could not be resolved: " + resolveErrors.get(job)
                    : "";
        }
        throw new AssertionError("Expecting a target of job \"" + job + "\" to be up within " + timeout
                + "\nbut " + (failure != null ? "the targets API failed: " + failure
                : seen.isEmpty() ? "there is no target of that job; jobs: " + targets.keySet() : "was: " + seen)
                + problem);
    }

    @Override
    public QueryResult awaitQuery(String promql, Predicate<QueryResult> condition, Duration timeout) {
        return Await.query(client(), this::refresh, promql, condition, timeout);
    }

    @Override
    public QueryResult awaitQuerySatisfies(String promql, Consumer<QueryResult> assertion, Duration timeout) {
        return Await.satisfies(client(), this::refresh, promql, assertion, timeout);
    }

    /** @return the configuration the server runs with now */
    public synchronized String config() {
        return render();
    }

    private Running running() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("Prometheus is not running: use this extension inside tests of a class "
                    + "that registers it with @RegisterExtension");
        }
        return r;
    }

    private synchronized void startIn(ExtensionContext context) {
        if (running != null) {
            return;
        }
        String config = render();
        PrometheusServer.Builder builder = serverBuilder.get().config(config);
        for (int i = 0; i < rules.size(); i++) {
            builder.file(ruleFileName(i), rules.get(i).toYaml());
        }
        PrometheusServer server = builder.start();
        PrometheusClient client;
        try {
            client = PrometheusClient.builder(server.baseUri().toString()).build();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Running r = new Running(server, client, config);
        running = r;
        context.getStore(ExtensionContext.Namespace.create(PrometheusServerExtension.class, this)).put("server", r);
    }

    private synchronized void refresh() {
        Running r = running;
        if (r == null) {
            return;
        }
        String config = render();
        if (!config.equals(r.config)) {
            r.server.reload(config);
            r.config = config;
        }
    }

    private String render() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("global:\n")
                .append("  scrape_interval: ").append(scrapeInterval.toMillis()).append("ms\n")
                .append("  scrape_timeout: ").append(scrapeInterval.toMillis()).append("ms\n")
                .append("  evaluation_interval: ").append(evaluationInterval.toMillis()).append("ms\n");
        if (!ruleFiles.isEmpty() || !rules.isEmpty()) {
            yaml.append("rule_files:\n");
            for (Path p : ruleFiles) {
                yaml.append("  - ").append(quote(p.toAbsolutePath().toString())).append('\n');
            }
            for (int i = 0; i < rules.size(); i++) {
                yaml.append("  - ").append(quote(ruleFileName(i))).append('\n');
            }
        }
        yaml.append("scrape_configs:\n");
        if (targets.isEmpty()) {
            yaml.setLength(yaml.length() - 1);
            yaml.append(" []\n");
        }
        for (ScrapeTarget t : targets.values()) {
            URI uri;
            try {
                uri = t.resolve();
                resolveErrors.remove(t.job());
            } catch (RuntimeException e) {
                resolveErrors.put(t.job(), e.toString());
                continue;
            }
            yaml.append("  - job_name: ").append(quote(t.job())).append('\n')
                    .append("    scheme: ").append(uri.getScheme()).append('\n')
                    .append("    metrics_path: ").append(quote(uri.getRawPath() == null || uri.getRawPath().isEmpty()
                            ? "/metrics" : uri.getRawPath())).append('\n')
                    .append("    static_configs:\n")
                    .append("      - targets: [").append(quote(uri.getHost() + ":" + uri.getPort())).append("]\n");
        }
        return yaml.toString();
    }

    private static String ruleFileName(int i) {
        return "rules/rules-" + i + ".yml";
    }

    /** YAML double-quoted scalar (JSON escapes). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Configures a {@link PrometheusServerExtension}.
     *
     * <pre>{@code
     * PrometheusServerExtension.builder()
     *         .target("app", "http://127.0.0.1:8080/metrics")
     *         .scrapeInterval(Duration.ofMillis(500))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, ScrapeTarget> targets = new LinkedHashMap<>();
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<RuleFile> rules = new ArrayList<>();
        private Duration scrapeInterval = Duration.ofSeconds(1);
        private Duration evaluationInterval = Duration.ofSeconds(1);
        private Supplier<PrometheusServer.Builder> serverBuilder = PrometheusServer::builder;

        private Builder() {
        }

        /** Scrapes {@code url} as job {@code job}. */
        public Builder target(String job, String url) {
            return target(ScrapeTarget.of(job, url));
        }

        /** Scrapes the URL {@code url} supplies (asked again before each test) as job {@code job}. */
        public Builder target(String job, Supplier<String> url) {
            return target(ScrapeTarget.of(job, url));
        }

        /** Adds a scrape target; a second target of the same job replaces the first. */
        public Builder target(ScrapeTarget target) {
            targets.put(Objects.requireNonNull(target, "target").job(), target);
            return this;
        }

        /** Loads the Prometheus rule file at {@code path} (read by the server; relative to the working directory). */
        public Builder ruleFile(Path path) {
            ruleFiles.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /** Loads {@code rules}, written as YAML into the server's directory. */
        public Builder ruleFile(RuleFile rules) {
            this.rules.add(Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /** Sets the scrape interval (and timeout); default 1 s. */
        public Builder scrapeInterval(Duration interval) {
            this.scrapeInterval = positive(interval, "scrapeInterval");
            return this;
        }

        /** Sets the rule evaluation interval; default 1 s. */
        public Builder evaluationInterval(Duration interval) {
            this.evaluationInterval = positive(interval, "evaluationInterval");
            return this;
        }

        /** Starts the server from {@code builder} (extra flags, another binary); the config is set by the extension. */
        public Builder server(Supplier<PrometheusServer.Builder> builder) {
            this.serverBuilder = Objects.requireNonNull(builder, "builder");
            return this;
        }

        /** @return the extension, to register with {@code @RegisterExtension} */
        public PrometheusServerExtension build() {
            return new PrometheusServerExtension(this);
        }

        private static Duration positive(Duration d, String field) {
            Objects.requireNonNull(d, field);
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(d + " is not a valid " + field + ": must be at least 1ms");
            }
            return d;
        }
    }

    /** The server's configuration and log, attached to a failing test. */
    static final class ServerLog extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServerLog(String message) {
            super(message, null, false, false);
        }
    }

    /** The server and client of one run, closed by JUnit with the store. */
    @SuppressWarnings("deprecation")
    private final class Running implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        final PrometheusServer server;
        final PrometheusClient client;
        String config;

        Running(PrometheusServer server, PrometheusClient client, String config) {
            this.server = server;
            this.client = client;
            this.config = config;
        }

        @Override
        public void close() {
            synchronized (PrometheusServerExtension.this) {
                if (running == this) {
                    running = null;
                }
            }
            try {
                client.close();
            } finally {
                server.close();
            }
        }
    }
}
