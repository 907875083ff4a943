package io.monitoringkit.alertmanager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inhibit rule: while an alert matching the source matchers fires, alerts matching the target matchers and
 * having equal values for the {@code equal} labels are muted. Matchers are kept as written (see {@link Route}).
 *
 * <pre>{@code
 * InhibitRule rule = InhibitRule.builder()
 *         .sourceMatchers(Matcher.equal("severity", "critical"))
 *         .targetMatchers(Matcher.regex("severity", "warning|info"))
 *         .equal("alertname", "cluster")
 *         .build();
 * }</pre>
 */
public final class InhibitRule {
    private final List<String> sourceMatchers;
    private final Map<String, String> sourceMatch;
    private final Map<String, String> sourceMatchRe;
    private final List<String> targetMatchers;
    private final Map<String, String> targetMatch;
    private final Map<String, String> targetMatchRe;
    private final List<String> equal;

    private InhibitRule(Builder b) {
        sourceMatchers = List.copyOf(b.sourceMatchers);
        sourceMatch = Collections.unmodifiableMap(new LinkedHashMap<>(b.sourceMatch));
        sourceMatchRe = Collections.unmodifiableMap(new LinkedHashMap<>(b.sourceMatchRe));
        targetMatchers = List.copyOf(b.targetMatchers);
        targetMatch = Collections.unmodifiableMap(new LinkedHashMap<>(b.targetMatch));
        targetMatchRe = Collections.unmodifiableMap(new LinkedHashMap<>(b.targetMatchRe));
        equal = List.copyOf(b.equal);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code source_matchers} entries as written. */
    public List<String> sourceMatchers() {
        return sourceMatchers;
    }

    /** Legacy {@code source_match}. */
    public Map<String, String> sourceMatch() {
        return sourceMatch;
    }

    /** Legacy {@code source_match_re}. */
    public Map<String, String> sourceMatchRe() {
        return sourceMatchRe;
    }

    /** {@code target_matchers} entries as written. */
    public List<String> targetMatchers() {
        return targetMatchers;
    }

    /** Legacy {@code target_match}. */
    public Map<String, String> targetMatch() {
        return targetMatch;
    }

    /** Legacy {@code target_match_re}. */
    public Map<String, String> targetMatchRe() {
        return targetMatchRe;
    }

    /** Labels whose values must be equal in source and target. */
    public List<String> equal() {
        return equal;
    }

    /** A builder with this rule's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sourceMatchers.addAll(sourceMatchers);
        b.sourceMatch.putAll(sourceMatch);
        b.sourceMatchRe.putAll(sourceMatchRe);
        b.targetMatchers.addAll(targetMatchers);
        b.targetMatch.putAll(targetMatch);
        b.targetMatchRe.putAll(targetMatchRe);
        b.equal.addAll(equal);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InhibitRule r && sourceMatchers.equals(r.sourceMatchers)
                && sourceMatch.equals(r.sourceMatch) && sourceMatchRe.equals(r.sourceMatchRe)
                && targetMatchers.equals(r.targetMatchers) && targetMatch.equals(r.targetMatch)
                && targetMatchRe.equals(r.targetMatchRe) && equal.equals(r.equal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceMatchers, sourceMatch, sourceMatchRe, targetMatchers, targetMatch,
                targetMatchRe, equal);
    }

    @Override
    public String toString() {
        return "InhibitRule[source=" + sourceMatchers + sourceMatch + sourceMatchRe + ", target=" + targetMatchers
                + targetMatch + targetMatchRe + ", equal=" + equal + "]";
    }

    /**
     * Builds an {@link InhibitRule}; values are checked with the whole configuration.
     *
     * <pre>{@code
     * InhibitRule.builder().sourceMatcher("alertname=ClusterDown").targetMatcher("cluster=~\".+\"").equal("cluster").build();
     * }</pre>
     */
    public static final class Builder {
        private final List<String> sourceMatchers = new ArrayList<>();
        private final Map<String, String> sourceMatch = new LinkedHashMap<>();
        private final Map<String, String> sourceMatchRe = new LinkedHashMap<>();
        private final List<String> targetMatchers = new ArrayList<>();
        private final Map<String, String> targetMatch = new LinkedHashMap<>();
        private final Map<String, String> targetMatchRe = new LinkedHashMap<>();
        private final List<String> equal = new ArrayList<>();

        private Builder() {
        }

        /** Adds typed source matchers. */
        public Builder sourceMatchers(Matcher... matchers) {
            Arrays.stream(matchers).forEach(m -> sourceMatchers.add(m.toString()));
            return this;
        }

        /** Adds a source matcher entry as text. */
        public Builder sourceMatcher(String text) {
            sourceMatchers.add(Objects.requireNonNull(text, "matcher"));
            return this;
        }

        /** Adds a legacy {@code source_match} entry. */
        public Builder sourceMatch(String label, String value) {
            sourceMatch.put(label, value);
            return this;
        }

        /** Adds a legacy {@code source_match_re} entry. */
        public Builder sourceMatchRe(String label, String regex) {
            sourceMatchRe.put(label, regex);
            return this;
        }

        /** Adds typed target matchers. */
        public Builder targetMatchers(Matcher... matchers) {
            Arrays.stream(matchers).forEach(m -> targetMatchers.add(m.toString()));
            return this;
        }

        /** Adds a target matcher entry as text. */
        public Builder targetMatcher(String text) {
            targetMatchers.add(Objects.requireNonNull(text, "matcher"));
            return this;
        }

        /** Adds a legacy {@code target_match} entry. */
        public Builder targetMatch(String label, String value) {
            targetMatch.put(label, value);
            return this;
        }

        /** Adds a legacy {@code target_match_re} entry. */
        public Builder targetMatchRe(String label, String regex) {
            targetMatchRe.put(label, regex);
            return this;
        }

        /** Adds labels to {@code equal}. */
        public Builder equal(String... labels) {
            equal.addAll(Arrays.asList(labels));
            return this;
        }

        /** The rule. */
        public InhibitRule build() {
            return new InhibitRule(this);
        }
    }
}
