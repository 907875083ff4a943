package io.monitoringkit.examples.demo;

import static io.monitoringkit.promql.PromQL.max;
import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.sum;

import io.monitoringkit.client.PrometheusClient;
import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.engine.rules.RuleEvaluator;
import io.monitoringkit.examples.checkout.CheckoutMonitoring;
import io.monitoringkit.examples.checkout.CheckoutService;
import io.monitoringkit.examples.checkout.Ticker;
import io.monitoringkit.generate.GenerationResult;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the demo: starts the checkout service, drives traffic with the {@link Scenario}'s incident, scrapes
 * the service into the in-process engine and evaluates its rules on a {@link SimulatedClock} (or lets a real
 * Prometheus do both), reads the view through {@link QueryApi} at every step, shows it on a {@link Display}, and
 * at the end prints a summary and writes the generated artifacts. Leaves no thread or port behind.
 *
 * <pre>{@code
 * DemoRun.Result r = new DemoRun(DemoOptions.defaults().withPlain(true), new PlainDisplay(System.out,
 *         Duration.ofMinutes(1)), System.out).run();
 * }</pre>
 */
public final class DemoRun {

    /** Requests per second of service time the shoppers aim at. */
    static final double SERVICE_RATE = 5;
    /** The most real requests per second the demo aims at, to stay light on small machines. */
    static final double MAX_REAL_RATE = 250;
    /** Real time between live-view steps against a real Prometheus. */
    static final Duration PROMETHEUS_STEP = Duration.ofSeconds(1);

    static {
        // The JDK's HTTP server writes a response's headers and body separately; without TCP_NODELAY each
        // keep-alive request waits for the client's delayed ACK (40 ms) and the shoppers could not keep up.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * What a run produced.
     *
     * @param view        everything the view saw
     * @param artifacts   the files written and what the generator's checks found (empty if none were written)
     * @param interrupted whether it was stopped before its end
     * @param realTime    how long it ran
     * @param requests    requests the shoppers sent
     * @param steps       steps run (scrape, evaluate, query, draw)
     * @param ruleErrors  rule evaluation errors (in-process engine only)
     */
    public record Result(ViewState view, Optional<Artifacts.Written> artifacts, boolean interrupted, Duration realTime,
                         long requests, int steps, List<String> ruleErrors) {
    }

    private final DemoOptions options;
    private final Display display;
    private final PrintStream out;
    private final boolean unicode;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile Thread runner;
    private volatile SimulatedClock clock;

    /** A run with {@code options}, showing steps on {@code display} and the summary on {@code out}. */
    public DemoRun(DemoOptions options, Display display, PrintStream out) {
        this.options = options;
        this.display = display;
        this.out = out;
        this.unicode = options.unicode() && !options.plain();
    }

    /** The view's panels: each a PromQL query over the rules' recorded series. */
    static ViewQueries queries(RuleFile rules) {
        return new ViewQueries(List.of(
                new ViewQueries.PanelQuery("request rate", Unit.REQUESTS_PER_SECOND,
                        sum(metric(CheckoutMonitoring.ROUTE_RATE))),
                // no 5xx series at all makes the recorded ratio absent: with traffic, that is a ratio of 0
                new ViewQueries.PanelQuery("error ratio", Unit.RATIO,
                        max(metric(CheckoutMonitoring.SLO_ERROR_RATIO + PromDuration.ofMinutes(5)))
                                .or(sum(metric(CheckoutMonitoring.ROUTE_RATE)).times(0))),
                new ViewQueries.PanelQuery("p99 latency", Unit.SECONDS,
                        max(metric(CheckoutMonitoring.ROUTE_P99)))),
                rules);
    }

    /** Asks a running {@link #run()} to stop at its next step (Ctrl-C) and waits up to {@code timeout} for it. */
    public boolean stop(Duration timeout) {
        stopped = true;
        SimulatedClock c = clock;
        if (c != null) {
            c.cancel();
        }
        Thread t = runner;
        if (t != null) {
            LockSupport.unpark(t);
        }
        try {
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the demo to its end (or until {@link #stop}). */
    public Result run() {
        try {
            return runToEnd();
        } finally {
            display.finish();
            runner = null;
            done.countDown();
        }
    }

    private Result runToEnd() {
        runner = Thread.currentThread();
        long startNanos = System.nanoTime();
        display.starting("monitoring-kit demo: starting the checkout service and loading its rules ...");
        boolean prometheus = options.prometheusUrl().isPresent();
        Speed speed = prometheus ? Speed.REAL_TIME : options.speed();
        Duration total = Duration.ofMillis(Math.round(options.duration().toMillis() * speed.factor()));
        Scenario scenario = Scenario.standard(total);
        RuleFile rules = CheckoutMonitoring.rules();
        ViewQueries queries = queries(rules);
        ViewState view = new ViewState(queries.panelSpecs(), queries.alertNames(), total);
        Optional<Artifacts.Written> artifacts = Optional.empty();
        List<String> ruleErrors = new ArrayList<>();
        long requests = 0;
        int steps = 0;
        Ticker ticker = prometheus ? Ticker.system() : new SimulatedLatencyTicker();
        int port = prometheus && options.port() == 0 ? DemoOptions.DEFAULT_PROMETHEUS_PORT : options.port();
        try (CheckoutService service = CheckoutService.builder().port(port).ticker(ticker).start();
             Backend backend = prometheus ? new PrometheusBackend(options.prometheusUrl().get())
                     : new EngineBackend(service, rules, speed, ruleErrors)) {
            String interval = PromDuration.of(options.scrapeInterval()).toString();
            // generating and checking the artifacts loads Jackson, fabric8, the Grafana model and the checks: a few
            // seconds on a cold JVM, spent while the run goes on, so that writing them at the end is quick
            FutureTask<GenerationResult> warmUp = new FutureTask<>(Artifacts::check);
            Thread generator = new Thread(warmUp, "demo-artifacts");
            generator.setDaemon(true);
            if (prometheus) {
                // Prometheus needs its configuration and the rule file before it can scrape and evaluate
                artifacts = Optional.of(Artifacts.write(options.out(), service.target(), interval));
            } else {
                generator.start();
            }
            display.start(header(service, rules, speed, total, prometheus, interval));
            SimulatedClock clock = backend.start();
            this.clock = clock;
            Duration step = prometheus ? PROMETHEUS_STEP : options.scrapeInterval();
            // requests per second of service time: 5, or fewer on a very fast clock to stay light on the machine
            double rate = Math.min(SERVICE_RATE, MAX_REAL_RATE / speed.factor());
            Random random = new Random(options.seed());
            Scenario.Phase current = null;
            try (Traffic traffic = Traffic.start(service.url(), 4, options.seed())) {
                Duration at = Duration.ZERO;
                while (!stopped) {
                    backend.step(clock.instant());
                    steps++;
                    String status = footer();
                    List<ViewState.Transition> changes = List.of();
                    try {
                        ViewQueries.Reading r = queries.read(backend.api());
                        changes = view.update(at, r.values(), r.active());
                    } catch (RuntimeException e) {
                        // a real Prometheus that is not up yet, or a query it rejects: show it and keep going
                        status = "query failed: " + e.getMessage();
                        if (!prometheus) {
                            throw e;
                        }
                    }
                    display.step(view.frame(title(service), subtitle(rules, speed, prometheus),
                            options.plain() ? scenario.at(at).name() : scenario.at(at).describe(), status), changes);
                    if (at.equals(total)) {
                        break;
                    }
                    Duration next = at.plus(step).compareTo(total) > 0 ? total : at.plus(step);
                    Scenario.Phase phase = scenario.at(at);
                    if (phase != current) {
                        // only on change: setting the error ratio restarts the service's even spreading of errors
                        service.faults().errorRatio(phase.errorRatio()).extraLatency(phase.extraLatency());
                        current = phase;
                    }
                    traffic.release(requests(rate, at, next.minus(at), random));
                    if (!clock.advanceTo(clock.origin().plus(next))) {
                        break;
                    }
                    // the next scrape sees every request of this step
                    traffic.awaitIdle(Duration.ofSeconds(5));
                    at = next;
                }
                requests = traffic.sent();
            }
            service.faults().clear();
            if (!prometheus) {
                try {
                    warmUp.get();
                } catch (ExecutionException e) {
                    // writing generates again and reports the problem itself
                }
                artifacts = Optional.of(Artifacts.write(options.out(), service.target(), interval));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the artifacts", e);
        } finally {
            display.finish();
        }
        Result result = new Result(view, artifacts, stopped, Duration.ofNanos(System.nanoTime() - startNanos),
                requests, steps, List.copyOf(ruleErrors));
        printSummary(result);
        return result;
    }

    /**
     * How many requests the shoppers send in {@code length} of service time from {@code at}: {@code rate} per
     * second, with a slow wave of plus or minus 15% (a 20-minute period) and Poisson-like noise.
     */
    static int requests(double rate, Duration at, Duration length, Random random) {
        double wave = 1 + 0.15 * Math.sin(2 * Math.PI * at.toMillis() / Duration.ofMinutes(20).toMillis());
        double mean = rate * wave * length.toMillis() / 1000.0;
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }

    private String dot() {
        return unicode ? " · " : " - ";
    }

    private String title(CheckoutService service) {
        return "monitoring-kit demo" + dot() + "checkout-service at " + service.url();
    }

    private String subtitle(RuleFile rules, Speed speed, boolean prometheus) {
        long recording = rules.groups().stream().flatMap(g -> g.rules().stream())
                .filter(r -> r instanceof RecordingRule).count();
        String engine = prometheus ? "Prometheus at " + options.prometheusUrl().get() + dot() + "real time"
                : "in-process PromQL engine" + dot() + speed;
        return engine + dot() + recording + " recording rules, " + (rules.ruleCount() - recording) + " alerts";
    }

    private String footer() {
        return options.plain() ? "" : "Ctrl-C stops" + dot() + "artifacts go to " + options.out();
    }

    private List<String> header(CheckoutService service, RuleFile rules, Speed speed, Duration total,
                                boolean prometheus, String interval) {
        List<String> h = new ArrayList<>();
        h.add(title(service));
        h.add(subtitle(rules, speed, prometheus));
        if (prometheus) {
            h.add("Prometheus must scrape " + service.target() + " (job \"" + CheckoutMonitoring.JOB
                    + "\") and load the rules; both are set up in " + options.out().resolve(Artifacts.PROMETHEUS_CONFIG)
                    + ":");
            h.add("  prometheus --config.file=" + options.out().resolve(Artifacts.PROMETHEUS_CONFIG)
                    + " --storage.tsdb.path=/tmp/mkit-demo-tsdb --web.listen-address=127.0.0.1:9090");
        }
        h.add(String.format(Locale.ROOT, "%s of real time = %s of service time, scraped every %s",
                PromDuration.of(options.duration()), FrameRenderer.clock(total), interval));
        h.add("traffic: " + String.join("; ", phases(Scenario.standard(total))));
        return h;
    }

    private static List<String> phases(Scenario s) {
        List<String> p = new ArrayList<>();
        for (Scenario.Phase ph : s.phases()) {
            if (ph.from().compareTo(s.total()) < 0) {
                p.add(FrameRenderer.clock(ph.from()) + " " + ph.describe());
            }
        }
        return p;
    }

    private void printSummary(Result r) {
        ViewState v = r.view();
        out.println();
        out.printf(Locale.ROOT, "%s %s of service time in %.1f s (%d steps), %,d requests%n",
                r.interrupted() ? "Stopped after" : "Summary:", FrameRenderer.clock(v.now()),
                r.realTime().toMillis() / 1000.0, r.steps(), r.requests());
        for (String alert : v.states().keySet()) {
            List<ViewState.Episode> eps = v.episodes().stream().filter(e -> e.alert().equals(alert)).toList();
            String name = FrameRenderer.pad("  " + alert, 32);
            if (eps.isEmpty()) {
                out.println(name + "stayed inactive");
            }
            for (ViewState.Episode e : eps) {
                StringBuilder sb = new StringBuilder(name).append("pending ").append(FrameRenderer.clock(e.pending()));
                e.firing().ifPresent(f -> sb.append(", firing ").append(FrameRenderer.clock(f)));
                if (e.ended().isPresent()) {
                    sb.append(e.firing().isPresent() ? ", resolved " : ", inactive again ")
                            .append(FrameRenderer.clock(e.ended().get()));
                } else {
                    sb.append(e.firing().isPresent() ? ", still firing at the end" : ", still pending at the end");
                }
                e.firingFor(v.now()).ifPresent(d -> sb.append(" (fired for ").append(PromDuration.of(d)).append(')'));
                if (e.firing().isEmpty() && e.ended().isPresent()) {
                    sb.append(" (did not fire)");
                }
                out.println(sb);
            }
        }
        if (!r.ruleErrors().isEmpty()) {
            out.println(r.ruleErrors().size() + " rule evaluation errors; the first: " + r.ruleErrors().get(0));
        }
        r.artifacts().ifPresent(w -> {
            Path dir = w.result().outputDirectory();
            out.println("Wrote " + w.files().size() + " files to " + dir + "/ (rules, manifests, dashboards and "
                    + "alertmanager from monitoring-generate, then prometheus.yml):");
            for (Path p : w.files()) {
                out.println("  " + dir.relativize(p));
            }
            int errors = w.result().errors().size();
            int warnings = w.result().warnings().size();
            out.println("Checked as the build does (rules check, manifests validate, dashboard lint, Alertmanager "
                    + "config, queries against the service's metrics): " + errors + (errors == 1 ? " error, " : " errors, ")
                    + warnings + (warnings == 1 ? " warning" : " warnings"));
            w.result().findings().forEach(f -> out.println("  " + f));
        });
        out.flush();
    }

    /** Where samples come from and queries go. */
    private interface Backend extends AutoCloseable {
        /** Called once, after the service started; returns the clock of the run. */
        SimulatedClock start();

        /** Brings samples and rule results up to {@code time}. */
        void step(Instant time);

        /** What the view reads. */
        QueryApi api();

        @Override
        void close();
    }

    /** The in-process engine: scrapes the service and evaluates the rules itself, on the simulated clock. */
    private static final class EngineBackend implements Backend {
        private final CheckoutService service;
        private final RuleFile rules;
        private final Speed speed;
        private final List<String> errors;
        private final Storage storage = Storage.create();
        private final Labels target;
        private PromEngine engine;
        private RuleEvaluator evaluator;

        EngineBackend(CheckoutService service, RuleFile rules, Speed speed, List<String> errors) {
            this.service = service;
            this.rules = rules;
            this.speed = speed;
            this.errors = errors;
            // the labels the Prometheus Operator gives a ServiceMonitor's target
            this.target = Labels.of("job", CheckoutMonitoring.JOB, "instance", service.target(),
                    "namespace", CheckoutMonitoring.NAMESPACE, "pod", Artifacts.POD, "service", CheckoutMonitoring.JOB,
                    "endpoint", "http");
        }

        @Override
        public SimulatedClock start() {
            Instant origin = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            SimulatedClock clock = SimulatedClock.start(origin, speed);
            engine = PromEngine.builder(storage).clock(clock).build();
            evaluator = RuleEvaluator.builder(engine).startTime(origin).build().addRuleFile(rules);
            return clock;
        }

        @Override
        public void step(Instant time) {
            HttpURLConnection c = null;
            try {
                c = (HttpURLConnection) service.url().resolve("/metrics").toURL().openConnection();
                c.setRequestProperty("Accept", ExpositionFormat.acceptHeader());
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                int code = c.getResponseCode();
                if (code != 200) {
                    storage.scrapeFailed(target, time);
                } else {
                    String body;
                    try (InputStream in = c.getInputStream()) {
                        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    storage.scrape(target, body, ExpositionFormat.detect(c.getContentType()), time);
                }
            } catch (IOException e) {
                storage.scrapeFailed(target, time);
                if (c != null) {
                    c.disconnect();
                }
            }
            for (RuleEvaluationError e : evaluator.advanceTo(time)) {
                errors.add(e.toString());
            }
        }

        @Override
        public QueryApi api() {
            return engine;
        }

        @Override
        public void close() {
            // the engine holds no threads or files
        }
    }

    /** A real Prometheus: it scrapes the service and evaluates the rules; the demo only queries it. */
    private static final class PrometheusBackend implements Backend {
        private final PrometheusClient client;

        PrometheusBackend(URI url) {
            this.client = PrometheusClient.builder(url.toString()).build();
        }

        @Override
        public SimulatedClock start() {
            return SimulatedClock.start(Instant.now(), Speed.REAL_TIME);
        }

        @Override
        public void step(Instant time) {
            // Prometheus scrapes and evaluates on its own schedule
        }

        @Override
        public QueryApi api() {
            return client;
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
