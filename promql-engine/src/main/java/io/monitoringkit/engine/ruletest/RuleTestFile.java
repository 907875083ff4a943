package io.monitoringkit.engine.ruletest;

import io.monitoringkit.engine.ruletest.internal.TestFileReader;
import io.monitoringkit.model.PromDuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A promtool rule unit-test file ({@code promtool test rules}), read and checked the way promtool's strict YAML
 * decoding reads it: unknown or repeated fields, wrong types and bad durations are errors that name the file, line,
 * column and field. What promtool only finds while running a test (series notation, label syntax, a missing
 * {@code alertname}) is checked by {@link RuleTestRunner} per test group, as promtool does.
 *
 * <pre>{@code
 * RuleTestFile file = RuleTestFile.read(Path.of("alerts.test.yml"));
 * file.ruleFiles();             // [alerts.yml]  (globs, relative to the test file)
 * file.evaluationInterval();    // 1m unless set
 * file.tests().get(0).alertRuleTests().get(0).alertname();
 * }</pre>
 *
 * <p>Besides promtool 2.x' fields it reads the 3.x additions {@code fuzzy_compare} and {@code start_timestamp};
 * {@code exp_samples[].histogram} (native histograms) is rejected, because the engine has no native histograms.
 */
public final class RuleTestFile {

    private final Path path;
    private final List<String> ruleFiles;
    private final PromDuration evaluationInterval;
    private final List<String> groupEvalOrder;
    private final List<TestGroup> tests;
    private final boolean fuzzyCompare;
    private final Map<String, String> locations;

    /**
     * For the reader.
     *
     * @param path the file's path as given
     * @param ruleFiles {@code rule_files}, as written
     * @param evaluationInterval {@code evaluation_interval} (1m when absent or zero)
     * @param groupEvalOrder {@code group_eval_order}
     * @param tests {@code tests}
     * @param fuzzyCompare {@code fuzzy_compare}
     * @param locations field path to {@code FILE:LINE:COLUMN}
     */
    RuleTestFile(Path path, List<String> ruleFiles, PromDuration evaluationInterval, List<String> groupEvalOrder,
                 List<TestGroup> tests, boolean fuzzyCompare, Map<String, String> locations) {
        this.path = Objects.requireNonNull(path, "path");
        this.ruleFiles = List.copyOf(ruleFiles);
        this.evaluationInterval = evaluationInterval.millis() == 0 ? PromDuration.ofMinutes(1) : evaluationInterval;
        this.groupEvalOrder = List.copyOf(groupEvalOrder);
        this.tests = List.copyOf(tests);
        this.fuzzyCompare = fuzzyCompare;
        this.locations = Map.copyOf(locations);
    }

    /**
     * Reads and checks a test file.
     *
     * @throws RuleTestFileException listing every problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static RuleTestFile read(Path path) {
        Objects.requireNonNull(path, "path");
        String yaml;
        try {
            yaml = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("open " + path + ": no such file or directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("open " + path + ": " + e.getMessage(), e);
        }
        return parse(yaml, path);
    }

    /**
     * Parses a test file's text; {@code path} locates it (rule files are relative to its directory) and names it in
     * messages.
     *
     * @throws RuleTestFileException listing every problem
     */
    public static RuleTestFile parse(String yaml, Path path) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(path, "path");
        TestFileReader.Decoded d = TestFileReader.decode(yaml, path.toString());
        if (!d.problems().isEmpty()) {
            throw new RuleTestFileException(d.problems());
        }
        return new RuleTestFile(path, d.ruleFiles(), d.evaluationInterval(), d.groupEvalOrder(), d.tests(),
                d.fuzzyCompare(), d.locations());
    }

    /** @return the file's path, as given. */
    public Path path() {
        return path;
    }

    /** @return {@code rule_files}: file names or globs, relative to the test file's directory unless absolute. */
    public List<String> ruleFiles() {
        return ruleFiles;
    }

    /** @return {@code evaluation_interval}: the rules are evaluated at every multiple of it (default 1m). */
    public PromDuration evaluationInterval() {
        return evaluationInterval;
    }

    /** @return {@code group_eval_order}: groups named here are evaluated in this order, the others first. */
    public List<String> groupEvalOrder() {
        return groupEvalOrder;
    }

    /** @return {@code tests}: the test groups. */
    public List<TestGroup> tests() {
        return tests;
    }

    /** @return {@code fuzzy_compare} (promtool 3.x): floats equal when at most one ulp apart. */
    public boolean fuzzyCompare() {
        return fuzzyCompare;
    }

    /** @return {@code FILE:LINE:COLUMN} of a field path such as {@code tests[0].input_series[1].values}. */
    Optional<String> location(String fieldPath) {
        return Optional.ofNullable(locations.get(fieldPath));
    }

    @Override
    public String toString() {
        return "RuleTestFile[" + path + ", " + tests.size() + " tests]";
    }

    /**
     * One entry of {@code tests}: input series and the checks on them.
     *
     * <pre>{@code
     * TestGroup t = file.tests().get(0);
     * t.name();          // "" when unnamed (promtool then says unnamed#0)
     * t.interval();      // 0s means: the file's evaluation_interval
     * }</pre>
     *
     * @param name {@code name}, "" when absent
     * @param interval {@code interval}: the spacing of input samples; zero means the evaluation interval
     * @param inputSeries {@code input_series}
     * @param alertRuleTests {@code alert_rule_test}
     * @param promqlExprTests {@code promql_expr_test}
     * @param externalLabels {@code external_labels}, sorted by name
     * @param externalUrl {@code external_url}, "" when absent
     * @param startTimestamp {@code start_timestamp} (promtool 3.x): time 0 of the test, the Unix epoch by default
     */
    public record TestGroup(String name, PromDuration interval, List<InputSeries> inputSeries,
                            List<AlertRuleTest> alertRuleTests, List<PromqlExprTest> promqlExprTests,
                            Map<String, String> externalLabels, String externalUrl, Instant startTimestamp) {
        /** Copies. */
        public TestGroup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(interval, "interval");
            inputSeries = List.copyOf(inputSeries);
            alertRuleTests = List.copyOf(alertRuleTests);
            promqlExprTests = List.copyOf(promqlExprTests);
            externalLabels = Collections.unmodifiableSortedMap(new TreeMap<>(externalLabels));
            Objects.requireNonNull(externalUrl, "externalUrl");
            Objects.requireNonNull(startTimestamp, "startTimestamp");
        }

        /** @return the latest {@code eval_time} of all alert and PromQL checks (0s when there are none). */
        public PromDuration maxEvalTime() {
            long max = 0;
            for (AlertRuleTest a : alertRuleTests) {
                max = Math.max(max, a.evalTime().millis());
            }
            for (PromqlExprTest p : promqlExprTests) {
                max = Math.max(max, p.evalTime().millis());
            }
            return PromDuration.ofMillis(max);
        }
    }

    /**
     * One {@code input_series} entry.
     *
     * <pre>{@code
     * new InputSeries("http_requests_total{code=\"500\"}", "0+10x30 _x5 stale");
     * }</pre>
     *
     * @param series the series in metric notation
     * @param values the values in expanding notation ({@code a+bxn}, {@code _}, {@code stale})
     */
    public record InputSeries(String series, String values) {
        /** Rejects nulls. */
        public InputSeries {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(values, "values");
        }
    }

    /**
     * One {@code alert_rule_test} entry: the alerts named {@code alertname} that must be firing at {@code eval_time}.
     *
     * <pre>{@code
     * new AlertRuleTest(PromDuration.ofMinutes(10), "HighErrorRate",
     *         List.of(new ExpectedAlert(Map.of("severity", "page"), Map.of("summary", "api is failing"))));
     * }</pre>
     *
     * @param evalTime {@code eval_time}
     * @param alertname {@code alertname} ("" when missing, which fails the test group as in promtool)
     * @param expAlerts {@code exp_alerts}: empty means none may be firing
     */
    public record AlertRuleTest(PromDuration evalTime, String alertname, List<ExpectedAlert> expAlerts) {
        /** Copies. */
        public AlertRuleTest {
            Objects.requireNonNull(evalTime, "evalTime");
            Objects.requireNonNull(alertname, "alertname");
            expAlerts = List.copyOf(expAlerts);
        }
    }

    /**
     * One {@code exp_alerts} entry. Values may be empty strings (which, as in promtool, an alert's labels never are).
     *
     * <pre>{@code
     * new ExpectedAlert(Map.of("severity", "page", "job", "api"), Map.of("summary", "api is down"));
     * }</pre>
     *
     * @param labels {@code exp_labels}, sorted by name (without {@code alertname}, which the runner adds)
     * @param annotations {@code exp_annotations}, sorted by name
     */
    public record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
        /** Copies into sorted maps. */
        public ExpectedAlert {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        }
    }

    /**
     * One {@code promql_expr_test} entry: the samples {@code expr} must return at {@code eval_time}, in any order.
     *
     * <pre>{@code
     * new PromqlExprTest("sum(up)", PromDuration.ofMinutes(5), List.of(new ExpectedSample("{}", 3)));
     * }</pre>
     *
     * @param expr {@code expr}
     * @param evalTime {@code eval_time}
     * @param expSamples {@code exp_samples}
     */
    public record PromqlExprTest(String expr, PromDuration evalTime, List<ExpectedSample> expSamples) {
        /** Copies. */
        public PromqlExprTest {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(evalTime, "evalTime");
            expSamples = List.copyOf(expSamples);
        }
    }

    /**
     * One {@code exp_samples} entry.
     *
     * <pre>{@code
     * new ExpectedSample("job:errors:rate5m{job=\"api\"}", 0.5);
     * }</pre>
     *
     * @param labels the sample's labels in metric notation, as written (parsed when the test runs)
     * @param value the expected value
     */
    public record ExpectedSample(String labels, double value) {
        /** Rejects nulls. */
        public ExpectedSample {
            Objects.requireNonNull(labels, "labels");
        }
    }
}
