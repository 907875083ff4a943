package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return Demo.execute(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), false, StandardCharsets.UTF_8);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aShortRunPlaysTheIncidentOutWritesTheArtifactsAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        int code = run("--duration", "6s", "--speed", "5m", "--scrape-interval", "30s", "--out", dir.toString());

        String out = out();
        assertThat(code).as(out + err()).isZero();
        // not a terminal: plain lines, no ANSI codes
        assertThat(out).doesNotContain("\u001b").contains("00:30:00 of service time");
        for (String alert : List.of("CheckoutHighLatency", "CheckoutHighErrorRatio", "CheckoutErrorBudgetFastBurn")) {
            assertThat(out).as(alert).containsPattern(alert + ": (inactive|pending) -> FIRING")
                    .contains(alert + ": FIRING -> resolved")
                    .containsPattern("(?m)^  " + alert + " +pending \\d\\d:\\d\\d:\\d\\d, firing \\d\\d:\\d\\d:\\d\\d, "
                            + "resolved \\d\\d:\\d\\d:\\d\\d \\(fired for [0-9ms]+\\)$");
        }
        assertThat(out).contains("CheckoutHighLatency: inactive -> pending")
                // its 30-minute window still holds the burst at the end of a 30-minute run
                .containsPattern("(?m)^  CheckoutErrorBudgetSlowBurn +pending .*, still firing at the end");

        List<String> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
        assertThat(files).containsExactly("alertmanager/alertmanager.yml", "dashboards/checkout-red.json",
                "dashboards/grafana-dashboard-checkout-red.yaml", "manifests/prometheusrule-checkout-rules.yaml",
                "manifests/servicemonitor-checkout.yaml", "prometheus.yml", "rules/checkout.rules.yml");
        assertThat(out).contains("Wrote 7 files to " + dir + "/ (rules, manifests, dashboards and alertmanager from "
                + "monitoring-generate, then prometheus.yml):")
                .contains("Checked as the build does (rules check, manifests validate, dashboard lint, Alertmanager "
                        + "config, queries against the service's metrics): 0 errors, 0 warnings");
        RuleFile rules = RuleFiles.read(Files.readString(dir.resolve("rules/checkout.rules.yml")), "checkout.rules.yml");
        assertThat(rules.groups().stream().flatMap(g -> g.rules().stream())
                .filter(r -> r instanceof AlertingRule).count()).isEqualTo(4);
        assertThat(Files.readString(dir.resolve("manifests/servicemonitor-checkout.yaml"))).contains("kind: ServiceMonitor");
        assertThat(Files.readString(dir.resolve("prometheus.yml"))).contains("  - rules/checkout.rules.yml");

        Matcher port = Pattern.compile("checkout-service at http://127\\.0\\.0\\.1:(\\d+)").matcher(out);
        assertThat(port.find()).isTrue();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port.group(1))), 1000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThat(leftovers(before)).isEmpty();
    }

    /** The run's own threads still alive (the JDK's daemons, like HttpURLConnection's keep-alive timer, aside). */
    private static Set<String> leftovers(Set<Thread> before) throws InterruptedException {
        Set<String> names = Set.of();
        for (int i = 0; i < 40; i++) {
            names = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("demo-") || n.startsWith("checkout-") || n.startsWith("HTTP-Dispatcher")
                            || n.startsWith("mkit-"))
                    .collect(Collectors.toSet());
            if (names.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return names;
    }

    @Test
    void againstAPrometheusThatIsNotThereItSaysSoAndKeepsGoing(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        int code = run("--prometheus-url", "http://127.0.0.1:1", "--duration", "1s", "--port", Integer.toString(port),
                "--plain", "--out", dir.toString());

        assertThat(code).as(out() + err()).isZero();
        assertThat(out()).contains("Prometheus must scrape 127.0.0.1:" + port + " (job \"checkout\")")
                .contains("prometheus --config.file=" + dir.resolve("prometheus.yml"))
                .contains("Prometheus at http://127.0.0.1:1 - real time")
                .containsPattern("00:00:00  request rate -  error ratio -  p99 latency -  \\| steady traffic \\| query failed: .+");
        assertThat(Files.readString(dir.resolve("prometheus.yml")))
                .contains("- targets: ['127.0.0.1:" + port + "']", "  - rules/checkout.rules.yml", "namespace: shop");
    }

    @Test
    void helpListsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage: mkit demo", "--duration", "--speed", "--no-color", "--plain",
                "--prometheus-url", "--port", "--scrape-interval", "--out", "--help");
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() {
        assertThat(run("--speed", "fast")).isEqualTo(2);
        assertThat(err()).contains("'fast': not a speed; give service time per real second (e.g. 1m, 5m) or a "
                + "factor (e.g. 60, 300x), greater than zero");

        errBytes.reset();
        assertThat(run("--duration", "0s")).isEqualTo(2);
        assertThat(err()).contains("--duration '0s': not a duration greater than zero (e.g. 30s, 5m, 1h30m)");

        errBytes.reset();
        assertThat(run("--prometheus-url", "http://127.0.0.1:9090", "--speed", "5m")).isEqualTo(2);
        assertThat(err()).contains("--speed cannot be used with --prometheus-url: a real Prometheus scrapes and "
                + "evaluates on the wall clock");
    }
}
