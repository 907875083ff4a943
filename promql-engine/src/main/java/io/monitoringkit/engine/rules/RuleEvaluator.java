package io.monitoringkit.engine.rules;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.internal.rules.RuleRuntime;
import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Evaluates Prometheus rule groups against a {@link PromEngine} with Prometheus 3.x semantics, writing results back
 * into the engine's {@link io.monitoringkit.engine.Storage}:
 * <ul>
 *   <li>recording rules store their result as the metric {@code record} (rule labels added; a scalar becomes one
 *       sample without labels) at the evaluation time minus the group's {@code query_offset}; series a rule
 *       returned at its previous evaluation but not now get a staleness marker;</li>
 *   <li>alerting rules keep one {@link Alert} per label set: new → {@link AlertState#PENDING}, then
 *       {@link AlertState#FIRING} once it has been active for {@code for}; gone while pending → forgotten; gone
 *       while firing → kept firing for {@code keep_firing_for}, then {@link AlertState#INACTIVE} (resolved, kept
 *       15 minutes). Labels and annotations are rendered with Prometheus' template language ({@code $value},
 *       {@code $labels}, {@code $externalLabels}, {@code $externalURL}, {@code query} against the same engine);
 *       pending and firing alerts are written as {@code ALERTS} and {@code ALERTS_FOR_STATE};</li>
 *   <li>the group's {@code limit}: a rule returning more series (alerts) fails and writes nothing;</li>
 *   <li>a failing rule is recorded as a {@link RuleEvaluationError} and the group goes on with the next rule.</li>
 * </ul>
 * Two ways to drive it: {@link #evaluate(Instant)} evaluates every group once at a time, in order, as
 * {@code promtool test rules} does; {@link #advanceTo(Instant)} runs each group at its own interval, as a server
 * does, catching up every evaluation that fell due.
 *
 * <pre>{@code
 * Storage storage = Storage.create();
 * storage.loadSeries("http_requests_total{job=\"api\",code=\"500\"}", "0+10x60", PromDuration.ofMinutes(1));
 * PromEngine engine = PromEngine.create(storage);
 *
 * RuleEvaluator ev = RuleEvaluator.builder(engine)
 *         .externalLabels(Labels.of("cluster", "eu1"))
 *         .externalUrl("http://prometheus.example")
 *         .listener(tr -> System.out.println(tr.alert().alertName() + " " + tr.from() + " -> " + tr.to()))
 *         .build()
 *         .addRuleFile(RuleFiles.read(yaml, "api.rules.yml"));
 *
 * for (int m = 0; m <= 30; m++) {
 *     ev.evaluate(Instant.ofEpochSecond(60L * m));     // promtool style: every group at each time
 * }
 * ev.alerts("HighErrorRate");                            // [firing {alertname="HighErrorRate", ...} ...]
 * engine.query("ALERTS{alertstate=\"firing\"}", Instant.ofEpochSecond(1800));
 * }</pre>
 *
 * <p>Thread-safe (calls are serialized). Not a rule manager for production: no notifications to Alertmanager and
 * no restoration of the {@code for} state.
 */
public final class RuleEvaluator {

    private final RuleRuntime runtime;
    private final PromEngine engine;

    private RuleEvaluator(Builder b) {
        this.engine = b.engine;
        this.runtime = new RuleRuntime(new RuleRuntime.Config(b.engine, b.externalLabels, b.externalUrl,
                List.copyOf(b.listeners), b.defaultInterval.toMillis(), b.defaultQueryOffset.toMillis(),
                b.startTime == null ? Long.MIN_VALUE : b.startTime.toEpochMilli()));
    }

    /** @return an evaluator with the defaults: no external labels or URL, 1m interval, no query offset. */
    public static RuleEvaluator create(PromEngine engine) {
        return builder(engine).build();
    }

    /** @return a builder for an evaluator over {@code engine}; results are written to {@code engine.storage()}. */
    public static Builder builder(PromEngine engine) {
        return new Builder(engine);
    }

    /** @return the engine rules are evaluated with. */
    public PromEngine engine() {
        return engine;
    }

    /**
     * Adds every group of a rule file (after the groups added before).
     *
     * @throws io.monitoringkit.rules.RuleValidationException when Prometheus would reject the file
     */
    public RuleEvaluator addRuleFile(RuleFile file) {
        Objects.requireNonNull(file, "file");
        return addGroups(file.groups());
    }

    /**
     * Adds groups (after the groups added before). Their alerts start with no state.
     *
     * @throws io.monitoringkit.rules.RuleValidationException when Prometheus would reject the groups (as a file)
     */
    public RuleEvaluator addGroups(List<RuleGroup> groups) {
        Objects.requireNonNull(groups, "groups");
        runtime.addGroups(groups);
        return this;
    }

    /** Adds one group. @see #addGroups(List) */
    public RuleEvaluator addGroup(RuleGroup group) {
        return addGroups(List.of(Objects.requireNonNull(group, "group")));
    }

    /** @return the groups, in evaluation order. */
    public List<RuleGroup> groups() {
        return runtime.groups();
    }

    /**
     * Evaluates every group once at {@code time}, in the order they were added, each rule in order (so a rule sees
     * what the rules before it recorded at this time), as {@code promtool test rules} does at each evaluation
     * step. Each group applies its own {@code query_offset} and {@code limit}.
     *
     * @return the errors of this evaluation, in rule order (empty when every rule succeeded)
     * @throws IllegalArgumentException when {@code time} is before a group's previous evaluation
     */
    public List<RuleEvaluationError> evaluate(Instant time) {
        Objects.requireNonNull(time, "time");
        return runtime.evaluateAll(time.toEpochMilli());
    }

    /**
     * Evaluates the named groups once at {@code time}, in the given order (promtool's {@code group_eval_order});
     * groups not named are not evaluated. A name shared by several groups evaluates all of them in the order they
     * were added.
     *
     * @return the errors of this evaluation, in evaluation order
     * @throws IllegalArgumentException for a name no group has (listing the group names) or when {@code time} is
     *     before a group's previous evaluation
     */
    public List<RuleEvaluationError> evaluate(List<String> groupOrder, Instant time) {
        Objects.requireNonNull(groupOrder, "groupOrder");
        Objects.requireNonNull(time, "time");
        return runtime.evaluateOrdered(new ArrayList<>(groupOrder), time.toEpochMilli());
    }

    /**
     * Advances the evaluator's clock to {@code time}, evaluating each group at its own interval (the group's
     * {@code interval}, else the builder's {@link Builder#defaultInterval default}) as a server would: a group is
     * evaluated at the multiples of its interval (counted from the Unix epoch) after its previous evaluation, from
     * the builder's {@link Builder#startTime start time} (else the first time this method is called) up to and
     * including {@code time}. All due evaluations of all groups run in time order; groups due at the same time run
     * in the order they were added.
     *
     * @return the errors of all evaluations run by this call, in time order
     * @throws IllegalArgumentException when {@code time} is before the time of a previous call
     */
    public List<RuleEvaluationError> advanceTo(Instant time) {
        Objects.requireNonNull(time, "time");
        return runtime.advanceTo(time.toEpochMilli());
    }

    /**
     * @return every alert the rules hold: pending, firing, and resolved ones kept for 15 minutes after resolution,
     *     by group and rule order, then by labels
     */
    public List<Alert> alerts() {
        return runtime.alerts(Optional.empty());
    }

    /** @return the alerts of the alerting rule(s) named {@code alertName}, as {@link #alerts()} orders them. */
    public List<Alert> alerts(String alertName) {
        Objects.requireNonNull(alertName, "alertName");
        return runtime.alerts(Optional.of(alertName));
    }

    /**
     * @return the rules whose latest evaluation failed, with that evaluation's error, in group and rule order
     *     (Prometheus' rule health): after {@link #evaluate(Instant)} exactly the errors at that time
     */
    public List<RuleEvaluationError> errors() {
        return runtime.errors();
    }

    /** @return the time of the latest evaluation of any group, if any happened. */
    public Optional<Instant> lastEvaluation() {
        long t = runtime.lastEvaluation();
        return t == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(t));
    }

    @Override
    public String toString() {
        return "RuleEvaluator{groups=" + runtime.groups().size() + "}";
    }

    /**
     * Builds a {@link RuleEvaluator}.
     *
     * <pre>{@code
     * RuleEvaluator ev = RuleEvaluator.builder(engine)
     *         .externalLabels(Labels.of("cluster", "eu1"))
     *         .externalUrl("http://prometheus.example")
     *         .defaultInterval(Duration.ofSeconds(30))
     *         .startTime(Instant.parse("2026-01-01T00:00:00Z"))
     *         .listener(tr -> log.info("{}", tr))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final PromEngine engine;
        private Labels externalLabels = Labels.empty();
        private String externalUrl = "";
        private final List<Consumer<AlertTransition>> listeners = new ArrayList<>();
        private Duration defaultInterval = Duration.ofMinutes(1);
        private Duration defaultQueryOffset = Duration.ZERO;
        private Instant startTime;

        private Builder(PromEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** The external labels templates see as {@code $externalLabels} (not added to alerts or series). */
        public Builder externalLabels(Labels externalLabels) {
            this.externalLabels = Objects.requireNonNull(externalLabels, "externalLabels");
            return this;
        }

        /** The external URL templates see as {@code $externalURL} (Prometheus' {@code --web.external-url}). */
        public Builder externalUrl(String externalUrl) {
            this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl");
            return this;
        }

        /** Adds a listener told of every {@link AlertTransition}, synchronously, during evaluation. */
        public Builder listener(Consumer<AlertTransition> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The interval of groups without one (Prometheus' global {@code evaluation_interval}; default 1m). */
        public Builder defaultInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero() || interval.toMillis() == 0) {
                throw new IllegalArgumentException(interval + " is not positive; defaultInterval must be at least 1ms");
            }
            this.defaultInterval = interval;
            return this;
        }

        /** The query offset of groups without one (Prometheus' global {@code rule_query_offset}; default 0). */
        public Builder defaultQueryOffset(Duration queryOffset) {
            Objects.requireNonNull(queryOffset, "queryOffset");
            if (queryOffset.isNegative()) {
                throw new IllegalArgumentException(queryOffset + " is negative; defaultQueryOffset must not be");
            }
            this.defaultQueryOffset = queryOffset;
            return this;
        }

        /**
         * Where {@link RuleEvaluator#advanceTo(Instant)} starts: the first evaluation of a group is at the first
         * multiple of its interval at or after this time. Default: the time of the first {@code advanceTo} call.
         */
        public Builder startTime(Instant startTime) {
            this.startTime = Objects.requireNonNull(startTime, "startTime");
            return this;
        }

        /** @return the evaluator (with no groups yet). */
        public RuleEvaluator build() {
            return new RuleEvaluator(this);
        }
    }
}
