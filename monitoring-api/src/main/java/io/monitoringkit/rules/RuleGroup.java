package io.monitoringkit.rules;

import io.monitoringkit.model.PromDuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of rules evaluated together. Immutable; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * RuleGroup g = RuleGroup.builder("api")
 *         .interval(PromDuration.ofSeconds(30))
 *         .rule(RecordingRule.of("job:up:sum", "sum by (job) (up)"))
 *         .build();
 * }</pre>
 */
public final class RuleGroup {

    private final String name;
    private final PromDuration interval;
    private final PromDuration queryOffset;
    private final int limit;
    private final Map<String, String> labels;
    private final List<Rule> rules;
    private final String partialResponseStrategy;

    private RuleGroup(Builder b) {
        this.name = b.name;
        this.interval = b.interval;
        this.queryOffset = b.queryOffset;
        this.limit = b.limit;
        this.labels = RuleMaps.copy(b.labels, "labels");
        this.rules = List.copyOf(b.rules);
        this.partialResponseStrategy = b.partialResponseStrategy;
    }

    /** @return a builder for a group named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder holding this group's values. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.interval = interval;
        b.queryOffset = queryOffset;
        b.limit = limit;
        b.labels.putAll(labels);
        b.rules.addAll(rules);
        b.partialResponseStrategy = partialResponseStrategy;
        return b;
    }

    /** @return the group's name. */
    public String name() {
        return name;
    }

    /** @return the evaluation interval, when set (else the global one applies). */
    public Optional<PromDuration> interval() {
        return Optional.ofNullable(interval);
    }

    /** @return the query offset ({@code query_offset}, Prometheus 2.53+), when set. */
    public Optional<PromDuration> queryOffset() {
        return Optional.ofNullable(queryOffset);
    }

    /** @return the limit of alerts or series per evaluation; 0 means none. */
    public int limit() {
        return limit;
    }

    /** @return labels added to every rule's result (Prometheus 3.0+), sorted by name. */
    public Map<String, String> labels() {
        return labels;
    }

    /** @return the rules in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** @return Thanos' {@code partial_response_strategy} ("warn" or "abort"), when set. Prometheus rejects it. */
    public Optional<String> partialResponseStrategy() {
        return Optional.ofNullable(partialResponseStrategy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleGroup g && name.equals(g.name) && Objects.equals(interval, g.interval)
                && Objects.equals(queryOffset, g.queryOffset) && limit == g.limit && labels.equals(g.labels)
                && rules.equals(g.rules) && Objects.equals(partialResponseStrategy, g.partialResponseStrategy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, interval, queryOffset, limit, labels, rules, partialResponseStrategy);
    }

    @Override
    public String toString() {
        return "RuleGroup{name=" + name + ", rules=" + rules.size() + "}";
    }

    /** Builds a {@link RuleGroup}. */
    public static final class Builder {
        private final String name;
        private PromDuration interval;
        private PromDuration queryOffset;
        private int limit;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<Rule> rules = new ArrayList<>();
        private String partialResponseStrategy;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Sets the evaluation interval. */
        public Builder interval(PromDuration interval) {
            this.interval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Sets {@code query_offset} (Prometheus 2.53+). */
        public Builder queryOffset(PromDuration queryOffset) {
            this.queryOffset = Objects.requireNonNull(queryOffset, "queryOffset");
            return this;
        }

        /** Sets the limit (0 for none). @throws IllegalArgumentException when negative */
        public Builder limit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException(limit + " is negative; limit must be 0 (none) or more");
            }
            this.limit = limit;
            return this;
        }

        /** Adds a group label (Prometheus 3.0+). */
        public Builder label(String name, String value) {
            labels.put(Objects.requireNonNull(name, "label name"), Objects.requireNonNull(value, "label value"));
            return this;
        }

        /** Sets Thanos' {@code partial_response_strategy}. Prometheus rejects files that use it. */
        public Builder partialResponseStrategy(String strategy) {
            this.partialResponseStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Adds a rule. */
        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Adds rules. */
        public Builder rules(List<? extends Rule> rules) {
            rules.forEach(this::rule);
            return this;
        }

        /** @return the group (validated as part of a {@link RuleFile}). */
        public RuleGroup build() {
            return new RuleGroup(this);
        }
    }
}
