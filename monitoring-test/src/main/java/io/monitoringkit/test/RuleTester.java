package io.monitoringkit.test;

import io.monitoringkit.engine.Storage;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleValidationException;
import io.monitoringkit.test.internal.RuleRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Unit tests for alerting and recording rules in plain Java, on the in-process engine: what
 * {@code promtool test rules} does with a YAML test file, next to the code that defines the rules.
 *
 * <p>A tester holds the rules, the input series and the settings; it is immutable, so a base tester can be kept in
 * a field and each test adds its own series. {@link #at(PromDuration)} loads the series into a fresh engine and
 * evaluates every rule group, in file order, at every evaluation step from 0 up to that time, as promtool does. The
 * {@link RuleTesterAt} it returns checks alerts and expressions at that time and can move on to a later time.
 *
 * <pre>{@code
 * import static io.monitoringkit.promql.PromQL.minutes;
 *
 * RuleTester.of(Path.of("src/main/prometheus/api.rules.yml"))
 *         .series("http_requests_total{job=\"api\", code=\"500\"}", "0+10x30")
 *         .series("http_requests_total{job=\"api\", code=\"200\"}", "0+90x30")
 *         .at(minutes(10))
 *         .assertFiring("HighErrorRate").withLabels(Map.of("severity", "page"))
 *                 .withAnnotation("summary", "api: 10% of requests fail")
 *         .assertValue("job:http_errors:ratio_rate5m", 0.1)
 *         .at(minutes(40))
 *         .assertNotFiring("HighErrorRate");
 * }</pre>
 *
 * <p>Series use promtool's expanding notation ({@code 0+10x30}, {@code 1-1x5}, {@code 3x4}, {@code _x3},
 * {@code stale}); the first value is at time 0 and the next ones follow every {@linkplain #seriesInterval(PromDuration)
 * series interval} (the evaluation interval unless set). Times are durations since that start, like promtool's
 * {@code eval_time}.
 */
public final class RuleTester {
    private static final PromDuration DEFAULT_INTERVAL = PromDuration.ofMinutes(1);

    private final RuleFile rules;
    private final PromDuration interval;
    private final Optional<PromDuration> seriesInterval;
    private final Labels externalLabels;
    private final Optional<String> externalUrl;
    private final List<RuleRun.InputSeries> series;
    private final List<String> groupOrder;
    private final boolean allowRuleErrors;

    private RuleTester(RuleFile rules, PromDuration interval, Optional<PromDuration> seriesInterval,
            Labels externalLabels, Optional<String> externalUrl, List<RuleRun.InputSeries> series,
            List<String> groupOrder, boolean allowRuleErrors) {
        this.rules = rules;
        this.interval = interval;
        this.seriesInterval = seriesInterval;
        this.externalLabels = externalLabels;
        this.externalUrl = externalUrl;
        this.series = List.copyOf(series);
        this.groupOrder = List.copyOf(groupOrder);
        this.allowRuleErrors = allowRuleErrors;
    }

    private RuleTester(RuleFile rules) {
        this(rules, DEFAULT_INTERVAL, Optional.empty(), Labels.empty(), Optional.empty(), List.of(), List.of(), false);
    }

    /**
     * @param rules the rule file to test
     * @return a tester with no series, evaluating every minute
     * @throws RuleValidationException when the rule file has errors (Prometheus would not load it)
     */
    public static RuleTester of(RuleFile rules) {
        Objects.requireNonNull(rules, "rules");
        var errors = rules.validate();
        if (!errors.isEmpty()) {
            throw new RuleValidationException(errors);
        }
        return new RuleTester(rules);
    }

    /**
     * @param file a Prometheus rule file or a (multi-document) PrometheusRule manifest
     * @return a tester with no series, evaluating every minute
     * @throws UncheckedIOException when the file cannot be read
     * @throws RuleValidationException listing every problem of the file, with its location
     */
    public static RuleTester of(Path file) {
        Objects.requireNonNull(file, "file");
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file + ": " + e.getMessage(), e);
        }
        return new RuleTester(RuleFiles.read(yaml, file.toString()));
    }

    /**
     * @param yaml the text of a Prometheus rule file ({@code groups: ...}) or of a PrometheusRule manifest
     * @return a tester with no series, evaluating every minute
     * @throws RuleValidationException listing every problem of the YAML, located in {@code <yaml>}
     */
    public static RuleTester ofYaml(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return new RuleTester(RuleFiles.read(yaml, "<yaml>"));
    }

    /**
     * Sets the evaluation interval: rules are evaluated at 0, {@code interval}, {@code 2 * interval}, ... (default
     * 1m, promtool's {@code evaluation_interval}). Group intervals in the rule file are ignored, as promtool does.
     *
     * @throws IllegalArgumentException when {@code interval} is not positive
     */
    public RuleTester interval(PromDuration interval) {
        return new RuleTester(rules, positive(interval, "interval"), seriesInterval, externalLabels, externalUrl,
                series, groupOrder, allowRuleErrors);
    }

    /** Sets the evaluation interval; see {@link #interval(PromDuration)}. */
    public RuleTester interval(Duration interval) {
        return interval(PromDuration.of(Objects.requireNonNull(interval, "interval")));
    }

    /**
     * Sets the time between two values of a series (promtool's test-group {@code interval}); by default the
     * evaluation interval.
     *
     * @throws IllegalArgumentException when {@code interval} is not positive
     */
    public RuleTester seriesInterval(PromDuration interval) {
        return new RuleTester(rules, this.interval, Optional.of(positive(interval, "seriesInterval")), externalLabels,
                externalUrl, series, groupOrder, allowRuleErrors);
    }

    /** Sets the time between two values of a series; see {@link #seriesInterval(PromDuration)}. */
    public RuleTester seriesInterval(Duration interval) {
        return seriesInterval(PromDuration.of(Objects.requireNonNull(interval, "interval")));
    }

    /**
     * Sets the external labels: {@code $externalLabels} in templates, as in Prometheus (they are not added to the
     * alerts' labels, which Prometheus only does when sending them).
     *
     * @throws IllegalArgumentException for an invalid label name
     */
    public RuleTester externalLabels(Map<String, String> labels) {
        return new RuleTester(rules, interval, seriesInterval, Labels.from(Objects.requireNonNull(labels, "labels")),
                externalUrl, series, groupOrder, allowRuleErrors);
    }

    /** Sets the external URL: {@code $externalURL} in templates. */
    public RuleTester externalUrl(String url) {
        return new RuleTester(rules, interval, seriesInterval, externalLabels,
                Optional.of(Objects.requireNonNull(url, "url")), series, groupOrder, allowRuleErrors);
    }

    /**
     * Adds an input series in promtool's notation.
     *
     * @param series the series, e.g. {@code http_requests_total{code="500"}}
     * @param values the values, e.g. {@code 0+10x30} (31 values: 0, 10, ..., 300), {@code 1 2 _ 4}, {@code 0x5 stale}
     * @throws IllegalArgumentException naming the series and what is wrong when either does not parse
     */
    public RuleTester series(String series, String values) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(values, "values");
        try {
            // the notation does not depend on the interval: check it now, so the error points at this line
            Storage.create().loadSeries(series, values, DEFAULT_INTERVAL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("series(\"" + series + "\", \"" + values + "\"): " + e.getMessage(), e);
        }
        List<RuleRun.InputSeries> more = new ArrayList<>(this.series);
        more.add(new RuleRun.InputSeries(series, values));
        return new RuleTester(rules, interval, seriesInterval, externalLabels, externalUrl, more, groupOrder,
                allowRuleErrors);
    }

    /**
     * Evaluates only these groups, in this order, at each step (promtool's {@code group_eval_order}); by default
     * every group in file order. A name shared by several groups evaluates all of them.
     *
     * @throws IllegalArgumentException for a name no group of the rule file has, listing the group names
     */
    public RuleTester groupEvalOrder(String... groups) {
        List<String> names = rules.groups().stream().map(g -> g.name()).toList();
        for (String g : groups) {
            if (!names.contains(Objects.requireNonNull(g, "group"))) {
                throw new IllegalArgumentException("groupEvalOrder: \"" + g + "\" is not a group of the rule file; "
                        + "groups: " + names);
            }
        }
        return new RuleTester(rules, interval, seriesInterval, externalLabels, externalUrl, series, List.of(groups),
                allowRuleErrors);
    }

    /**
     * Lets rules fail to evaluate without failing the test; {@link RuleTesterAt#ruleErrors()} lists the errors. By
     * default {@link #at(PromDuration)} throws an {@link AssertionError} when a rule failed to evaluate, as promtool
     * fails a test then: a failing alerting rule never fires, so a passing {@code assertNotFiring} would prove
     * nothing.
     */
    public RuleTester allowRuleErrors() {
        return new RuleTester(rules, interval, seriesInterval, externalLabels, externalUrl, series, groupOrder, true);
    }

    /**
     * Loads the series into a new engine and evaluates the rules at every evaluation step from 0 up to
     * {@code time} (the last step at or before it).
     *
     * @param time the time since the start of the series, e.g. {@code minutes(10)}
     * @return the rules' state at {@code time}, to assert on
     * @throws IllegalArgumentException when {@code time} is negative
     * @throws AssertionError when a rule failed to evaluate (unless {@link #allowRuleErrors()}), listing the errors
     */
    public RuleTesterAt at(PromDuration time) {
        Objects.requireNonNull(time, "time");
        if (time.isNegative()) {
            throw new IllegalArgumentException("at(" + time + "): time must not be negative; times count from the "
                    + "first value of the series (0s)");
        }
        RuleRun run = new RuleRun(rules, interval, seriesInterval.orElse(interval), externalLabels, externalUrl,
                series, groupOrder);
        return new RuleTesterAt(run, time, allowRuleErrors);
    }

    /** Evaluates up to {@code time}; see {@link #at(PromDuration)}. */
    public RuleTesterAt at(Duration time) {
        return at(PromDuration.of(Objects.requireNonNull(time, "time")));
    }

    /** @return the rules under test */
    public RuleFile rules() {
        return rules;
    }

    private static PromDuration positive(PromDuration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + "(" + d + "): must be positive");
        }
        return d;
    }
}
