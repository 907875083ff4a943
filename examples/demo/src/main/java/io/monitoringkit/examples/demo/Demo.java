package io.monitoringkit.examples.demo;

import io.monitoringkit.model.PromDuration;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mkit demo}: the checkout service under synthetic traffic with an incident in the middle, its metrics
 * scraped into the in-process PromQL engine, its rules evaluated, shown live on a simulated clock.
 *
 * <pre>{@code
 * ./mkit demo                                  # 30 s, one real second = one minute of service time
 * ./mkit demo --duration 10s --speed 3m --plain
 * ./mkit demo --prometheus-url http://127.0.0.1:9090
 * }</pre>
 */
@Command(name = "mkit demo", mixinStandardHelpOptions = false, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Starts the example checkout service on 127.0.0.1, drives synthetic traffic with a latency spike and an "
                    + "error burst in the middle, scrapes it into the in-process PromQL engine, evaluates its "
                    + "recording and alerting rules on a simulated clock and shows request rate, error ratio, p99 "
                    + "latency and each alert's state live. At the end it prints a summary and writes every "
                    + "generated artifact (rules, PrometheusRule, ServiceMonitor, dashboard, ConfigMap, Alertmanager "
                    + "configuration) to the output directory.",
            "Output that is not a terminal gets one line per minute of service time (as with --plain)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the demo ran", "1:it failed", "2:bad options"})
public final class Demo implements Callable<Integer> {

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Real run time, e.g. 30s, 1m (default: 30s; 30m with --prometheus-url).")
    String duration;

    @Option(names = "--speed", paramLabel = "SPEED",
            description = "Service time per real second (1m, 5m) or a factor (60, 300x); default 1m.")
    String speed = "1m";

    @Option(names = "--no-color", description = "No ANSI colours (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--plain", description = "One line per minute of service time instead of the live view.")
    boolean plain;

    @Option(names = "--prometheus-url", paramLabel = "URL",
            description = "Query this Prometheus instead of the in-process engine; it must scrape the service and "
                    + "load the rules (the demo writes a prometheus.yml for that into the output directory). "
                    + "Runs in real time.")
    URI prometheusUrl;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The service's port (default: a free one; 18080 with --prometheus-url).")
    int port;

    @Option(names = "--scrape-interval", paramLabel = "DURATION",
            description = "Service time between scrapes and view updates (default: 15s, as the ServiceMonitor).")
    String scrapeInterval = "15s";

    @Option(names = "--out", paramLabel = "DIR", description = "Where the artifacts go (default: target/monitoring).")
    Path out = Path.of("target", "monitoring");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream stdout;
    private final boolean terminal;
    private final Charset charset;

    Demo(PrintStream stdout, boolean terminal, Charset charset) {
        this.stdout = stdout;
        this.terminal = terminal;
        this.charset = charset;
    }

    /** Runs {@code ./mkit demo} with {@code args}; exits with the demo's code. */
    public static void main(String[] args) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        System.exit(execute(args, System.out, System.err, terminal, Charset.defaultCharset()));
    }

    /** Parses {@code args} and runs the demo, printing to {@code out} and {@code err}. */
    static int execute(String[] args, PrintStream out, PrintStream err, boolean terminal, Charset charset) {
        CommandLine cl = new CommandLine(new Demo(out, terminal, charset));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("mkit demo: " + e.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    /** The options as a {@link DemoOptions}; bad values throw {@link CommandLine.ParameterException}. */
    DemoOptions options(CommandLine.Model.CommandSpec spec) {
        DemoOptions o = DemoOptions.defaults().withOut(out);
        try {
            if (prometheusUrl != null) {
                if (!"1m".equals(speed)) {
                    throw new IllegalArgumentException("--speed cannot be used with --prometheus-url: a real "
                            + "Prometheus scrapes and evaluates on the wall clock");
                }
                o = o.withPrometheusUrl(prometheusUrl).withSpeed(Speed.REAL_TIME)
                        .withDuration(DemoOptions.DEFAULT_PROMETHEUS_DURATION)
                        .withPort(port == 0 ? DemoOptions.DEFAULT_PROMETHEUS_PORT : port);
            } else {
                o = o.withSpeed(Speed.parse(speed)).withPort(port);
            }
            if (duration != null) {
                if (!PromDuration.isValid(duration) || PromDuration.parse(duration).isZero()) {
                    throw new IllegalArgumentException("--duration '" + duration + "': not a duration greater than "
                            + "zero (" + PromDuration.EXAMPLES + ")");
                }
                o = o.withDuration(PromDuration.parse(duration).toDuration());
            }
            if (!PromDuration.isValid(scrapeInterval) || PromDuration.parse(scrapeInterval).isZero()) {
                throw new IllegalArgumentException("--scrape-interval '" + scrapeInterval + "': not a duration "
                        + "greater than zero (" + PromDuration.EXAMPLES + ")");
            }
            o = o.withScrapeInterval(PromDuration.parse(scrapeInterval).toDuration());
            boolean isPlain = plain || !terminal;
            boolean unicode = charset.newEncoder().canEncode("█▁·░▒…");
            return o.withPlain(isPlain).withColor(!noColor && System.getenv("NO_COLOR") == null && !isPlain)
                    .withUnicode(unicode && !isPlain);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DemoOptions o = options(spec);
        PrintStream ps = stdout;
        Display display = o.plain() ? new PlainDisplay(ps, Duration.ofMinutes(1))
                : new LiveDisplay(ps, new FrameRenderer(new FrameRenderer.Style(o.color(), o.unicode())));
        DemoRun run = new DemoRun(o, display, ps);
        // Ctrl-C: stop the run (it closes the service and the traffic), then make sure the cursor is back
        Thread hook = new Thread(() -> {
            if (!run.stop(Duration.ofSeconds(3))) {
                display.finish();
            }
        }, "mkit-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us
            }
        }
        return 0;
    }
}
