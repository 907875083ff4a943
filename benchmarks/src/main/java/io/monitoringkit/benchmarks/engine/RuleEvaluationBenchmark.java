package io.monitoringkit.benchmarks.engine;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.engine.rules.RuleEvaluator;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import io.monitoringkit.testkit.Tool;
import io.monitoringkit.testkit.ToolLocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Rule evaluation over a day at 1m: 20 counters and 20 {@code up} series (one instance down for the second half
 * of the day), 5 rules (a 5m rate, a 30-day {@code increase}, an error ratio from recorded series, two alerts with
 * templated annotations), evaluated promtool-style at every minute (1,441 evaluations, loading included). JMH
 * measures {@link RuleEvaluator}; the same rules and series as a promtool test file go through
 * {@code promtool test rules} (whole process, median of 3) and are printed side by side at the end of the run,
 * with the evaluator's thread CPU time per day, which a loaded machine distorts less than wall time.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar RuleEvaluationBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class RuleEvaluationBenchmark {

    static final int SERIES = 20;
    static final int MINUTES = 1440;
    static final String RULES = """
            groups:
              - name: api
                rules:
                  - record: job_code:http_requests:rate5m
                    expr: sum by (job, code) (rate(http_requests_total[5m]))
                  - record: job:http_requests:increase30d
                    expr: sum by (job) (increase(http_requests_total[30d]))
                  - record: job:errors:ratio5m
                    expr: sum by (job) (job_code:http_requests:rate5m{code="500"}) / sum by (job) (job_code:http_requests:rate5m)
                  - alert: HighErrors
                    expr: job:errors:ratio5m > 0.1
                    for: 5m
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.job }} has {{ $value | humanizePercentage }} errors"
                  - alert: InstanceDown
                    expr: up == 0
                    for: 5m
                    annotations:
                      summary: "{{ $labels.instance }} of {{ $labels.job }} is down"
            """;

    RuleFile rules;
    final List<Long> cpuNanos = new ArrayList<>();

    static List<String[]> series() {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            out.add(new String[] {"http_requests_total{job=\"api\",instance=\"i" + i + "\",code=\""
                    + (i % 2 == 0 ? "200" : "500") + "\"}", "0+" + (i + 1) + "x" + MINUTES});
            out.add(new String[] {"up{job=\"api\",instance=\"i" + i + "\"}",
                    i == 3 ? "1x" + (MINUTES / 2) + " 0x" + (MINUTES / 2 - 1) : "1x" + MINUTES});
        }
        return out;
    }

    @Setup(Level.Trial)
    public void setUp() {
        rules = RuleFiles.read(RULES, "api.rules.yml");
    }

    /** @return the alerts at the end of the day (so nothing is optimised away). */
    @Benchmark
    public Object dayAtOneMinute() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        Storage storage = Storage.create();
        for (String[] s : series()) {
            storage.loadSeries(s[0], s[1], PromDuration.ofMinutes(1));
        }
        RuleEvaluator ev = RuleEvaluator.create(PromEngine.create(storage)).addRuleFile(rules);
        for (int m = 0; m <= MINUTES; m++) {
            ev.evaluate(Instant.ofEpochSecond(60L * m));
        }
        cpuNanos.add(mx.getCurrentThreadCpuTime() - cpu0);
        if (ev.alerts().size() != 2) {
            throw new IllegalStateException("expected HighErrors and InstanceDown firing, got " + ev.alerts());
        }
        return ev.alerts();
    }

    @TearDown(Level.Trial)
    public void promtoolSideBySide() throws IOException {
        List<Long> cpu = new ArrayList<>(cpuNanos);
        cpu.sort(null);
        System.out.printf(Locale.ROOT, "%nRuleEvaluator thread CPU per day: first (cold) %.0f ms, median %.0f ms%n",
                cpuNanos.get(0) / 1e6, cpu.get(cpu.size() / 2) / 1e6);
        if (!ToolLocator.system().isAvailable(Tool.PROMTOOL)) {
            System.out.println("promtool not installed: no side-by-side numbers");
            return;
        }
        Path dir = Files.createTempDirectory("rule-bench");
        Files.writeString(dir.resolve("api.rules.yml"), RULES);
        StringBuilder t = new StringBuilder("""
                rule_files: [api.rules.yml]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                """);
        for (String[] s : series()) {
            t.append("      - series: '").append(s[0]).append("'\n        values: '").append(s[1]).append("'\n");
        }
        t.append("""
                    alert_rule_test:
                      - eval_time: %dm
                        alertname: InstanceDown
                        exp_alerts:
                          - exp_labels: {job: api, instance: i3}
                            exp_annotations: {summary: "i3 of api is down"}
                """.formatted(MINUTES));
        Path test = dir.resolve("api.test.yml");
        Files.writeString(test, t.toString());
        Promtool promtool = Promtool.locate().inDirectory(dir);
        List<Long> wall = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CommandResult r = promtool.testRules(test).requireSuccess();
            wall.add(r.duration().toMillis());
        }
        wall.sort(null);
        System.out.printf(Locale.ROOT, "promtool %s test rules, same day (whole process): median %d ms of %s%n",
                promtool.version(), wall.get(1), wall);
    }
}
