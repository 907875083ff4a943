package io.monitoringkit.metrics;

import io.monitoringkit.metrics.internal.CrossChecker;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatchOp;
import io.monitoringkit.rules.RuleFile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Referential integrity across artifacts: checks every PromQL expression of rule files, PrometheusRule manifests
 * and dashboards against the metrics an application really exposes (a {@link MetricCatalog}), so a renamed
 * metric, a misspelt label or {@code rate()} over a gauge is a build error instead of an alert that never fires.
 *
 * <p>What it reports ({@link Check}): metrics not in the catalog (with the nearest names), labels a metric does
 * not have (with its label names), label matchers that can never match a value seen in the catalog, counters
 * selected without {@code _total}, {@code rate()}/{@code increase()}/{@code irate()}/{@code resets()} over
 * non-counters and {@code deriv()}/{@code delta()}/{@code predict_linear()} over counters,
 * {@code histogram_quantile()} without {@code _bucket} series or without {@code le}, and aggregations grouping by
 * a label their argument does not have. Recording rules among the sources define new series with the labels
 * their expression keeps (through {@code by}/{@code without}, vector matching, {@code label_replace} and
 * {@code label_join}); other rules and panels may use them. Target labels ({@code job}, {@code instance} and
 * those added with {@link #targetLabels(String...)}) are on every scraped series; Prometheus' own per-target
 * series ({@code up}, {@code scrape_duration_seconds}, ...) and {@code ALERTS} are always known. Metrics that come
 * from elsewhere are allowed by name or RE2 pattern. Immutable; each method returns a configured copy.
 *
 * <pre>{@code
 * MetricCatalog catalog = MetricCatalog.from(ExpositionParser.parse(scrape, ExpositionFormat.PROMETHEUS_TEXT));
 * CrossCheckReport report = CrossCheck.against(catalog)
 *         .allow("kube_.*", "node_cpu_seconds_total")
 *         .targetLabels("namespace", "pod")
 *         .check(ExpressionSource.fromRules("rules.yml", Files.readString(rules)));
 * report.hasErrors();
 * System.out.print(report.format());
 * // rules.yml: group "api", alert "HighErrorRate", expr 1:10: error [unknown-metric]: metric
 * //   "http_request_total" is not in the catalog; nearest names: http_requests_total
 * }</pre>
 */
public final class CrossCheck {

    /**
     * The checks, each with its id (printed in findings) and default severity.
     *
     * <pre>{@code
     * CrossCheck.Check.UNKNOWN_METRIC.id();               // "unknown-metric"
     * CrossCheck.Check.VALUE_NEVER_MATCHES.defaultSeverity(); // WARNING
     * }</pre>
     */
    public enum Check {
        /** The expression does not parse (after template substitution). */
        PARSE_ERROR("parse-error", CrossCheckFinding.Severity.ERROR),
        /** A selector names a metric neither the catalog, a recording rule nor the allow-list knows. */
        UNKNOWN_METRIC("unknown-metric", CrossCheckFinding.Severity.ERROR),
        /** A counter is selected by its family name, but Prometheus stores it as {@code _total}. */
        COUNTER_WITHOUT_TOTAL("counter-without-total", CrossCheckFinding.Severity.ERROR),
        /** A matcher or a grouping names a label the metric or the argument does not have. */
        UNKNOWN_LABEL("unknown-label", CrossCheckFinding.Severity.ERROR),
        /** A matcher matches none of the values the catalog saw for the label (one scrape may not show all). */
        VALUE_NEVER_MATCHES("value-never-matches", CrossCheckFinding.Severity.WARNING),
        /** {@code rate()}, {@code irate()}, {@code increase()} or {@code resets()} over something not a counter. */
        RATE_OVER_NON_COUNTER("rate-over-non-counter", CrossCheckFinding.Severity.ERROR),
        /** {@code deriv()}, {@code delta()}, {@code idelta()} or {@code predict_linear()} over a counter. */
        GAUGE_FUNCTION_OVER_COUNTER("gauge-function-over-counter", CrossCheckFinding.Severity.WARNING),
        /** {@code histogram_quantile()} over series that are not buckets, or without the {@code le} label. */
        HISTOGRAM_QUANTILE("histogram-quantile", CrossCheckFinding.Severity.ERROR);

        private final String id;
        private final CrossCheckFinding.Severity defaultSeverity;

        Check(String id, CrossCheckFinding.Severity defaultSeverity) {
            this.id = id;
            this.defaultSeverity = defaultSeverity;
        }

        /** @return the id printed in findings. */
        public String id() {
            return id;
        }

        /** @return the severity unless configured otherwise. */
        public CrossCheckFinding.Severity defaultSeverity() {
            return defaultSeverity;
        }

        /** @return the check with this id. @throws IllegalArgumentException listing the ids when unknown */
        public static Check byId(String id) {
            for (Check c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            List<String> ids = new ArrayList<>();
            for (Check c : values()) {
                ids.add(c.id);
            }
            throw new IllegalArgumentException("\"" + id + "\" is not a check; the checks are " + ids);
        }
    }

    private final MetricCatalog catalog;
    private final Set<String> allowedNames;
    private final List<LabelMatcher> allowedPatterns;
    private final Map<Check, CrossCheckFinding.Severity> severities;
    private final Set<Check> disabled;

    private CrossCheck(MetricCatalog catalog, Set<String> allowedNames, List<LabelMatcher> allowedPatterns,
                       Map<Check, CrossCheckFinding.Severity> severities, Set<Check> disabled) {
        this.catalog = catalog;
        this.allowedNames = Set.copyOf(allowedNames);
        this.allowedPatterns = List.copyOf(allowedPatterns);
        this.severities = Map.copyOf(severities);
        this.disabled = Set.copyOf(disabled);
    }

    /** @return a check against {@code catalog}, every check on with its default severity, nothing allowed. */
    public static CrossCheck against(MetricCatalog catalog) {
        return new CrossCheck(Objects.requireNonNull(catalog, "catalog"), Set.of(), List.of(), Map.of(), Set.of());
    }

    /** @return the catalog checked against. */
    public MetricCatalog catalog() {
        return catalog;
    }

    /**
     * @param namesOrPatterns metric names (exact) or RE2 patterns matching whole names (anything that is not a
     *                        valid metric name, e.g. {@code kube_.*}), for metrics that come from elsewhere
     * @return a copy that does not check selectors of these metrics
     * @throws IllegalArgumentException quoting a pattern that is not valid RE2
     */
    public CrossCheck allow(String... namesOrPatterns) {
        Set<String> names = new TreeSet<>(allowedNames);
        List<LabelMatcher> patterns = new ArrayList<>(allowedPatterns);
        for (String s : namesOrPatterns) {
            Objects.requireNonNull(s, "name or pattern");
            if (Names.isLegacyMetricName(s)) {
                names.add(s);
            } else {
                try {
                    patterns.add(LabelMatcher.of(Names.METRIC_NAME_LABEL, MatchOp.REGEX, s));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"" + s + "\" is neither a metric name nor a valid RE2 pattern: "
                            + e.getMessage(), e);
                }
            }
        }
        return new CrossCheck(catalog, names, patterns, severities, disabled);
    }

    /** @return a copy whose catalog also accepts these target labels on every metric (e.g. {@code namespace}). */
    public CrossCheck targetLabels(String... labels) {
        return new CrossCheck(catalog.withTargetLabels(labels), allowedNames, allowedPatterns, severities, disabled);
    }

    /** @return a copy reporting {@code check}'s findings with {@code severity}. */
    public CrossCheck severity(Check check, CrossCheckFinding.Severity severity) {
        Map<Check, CrossCheckFinding.Severity> m = new EnumMap<>(Check.class);
        m.putAll(severities);
        m.put(Objects.requireNonNull(check, "check"), Objects.requireNonNull(severity, "severity"));
        return new CrossCheck(catalog, allowedNames, allowedPatterns, m, disabled);
    }

    /** @return a copy that does not run these checks. */
    public CrossCheck without(Check... checks) {
        Set<Check> d = new java.util.HashSet<>(disabled);
        d.addAll(List.of(checks));
        return new CrossCheck(catalog, allowedNames, allowedPatterns, severities, d);
    }

    /** @return the severity {@code check}'s findings get. */
    public CrossCheckFinding.Severity severityOf(Check check) {
        return severities.getOrDefault(check, check.defaultSeverity());
    }

    /** @return whether {@code metricName} is on the allow-list. */
    public boolean allows(String metricName) {
        if (allowedNames.contains(metricName)) {
            return true;
        }
        for (LabelMatcher m : allowedPatterns) {
            if (m.matches(metricName)) {
                return true;
            }
        }
        return false;
    }

    /** @return the exact names on the allow-list (offered as nearest names too). */
    public Set<String> allowedNames() {
        return allowedNames;
    }

    /** @return whether {@code check} runs. */
    public boolean enabled(Check check) {
        return !disabled.contains(check);
    }

    /**
     * Checks these expressions together: recording rules among them define series for all the others.
     *
     * @return the findings, sorted by artifact, source order and position
     */
    public CrossCheckReport check(List<ExpressionSource> sources) {
        return CrossChecker.run(this, List.copyOf(sources));
    }

    /** @return {@link #check(List)} of these sources. */
    public CrossCheckReport check(ExpressionSource... sources) {
        return check(List.of(sources));
    }

    /** @return {@link #check(List)} of the rules of a rule-file model, as artifact {@code rules}. */
    public CrossCheckReport check(RuleFile ruleFile) {
        return check(ExpressionSource.fromRules("rules", ruleFile));
    }

    /** @return {@link #check(List)} of the rules of a rule-file model, as artifact {@code artifact}. */
    public CrossCheckReport check(String artifact, RuleFile ruleFile) {
        return check(ExpressionSource.fromRules(artifact, ruleFile));
    }

    @Override
    public String toString() {
        return "CrossCheck[" + catalog.descriptors().size() + " metrics, allowed " + allowedNames
                + (allowedPatterns.isEmpty() ? "" : " and " + allowedPatterns) + "]";
    }
}
