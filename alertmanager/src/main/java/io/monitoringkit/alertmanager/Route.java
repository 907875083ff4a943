package io.monitoringkit.alertmanager;

import io.monitoringkit.model.PromDuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of Alertmanager's routing tree. Values are kept as they appear in {@code alertmanager.yml} (matcher
 * texts, duration texts), so that a configuration read from a file can be checked problem by problem;
 * {@link AlertmanagerConfig#validate()} checks them all. The typed setters ({@link Builder#matchers(Matcher...)},
 * {@link Builder#groupWait(PromDuration)}) render valid text by construction.
 *
 * <p>Unset options ({@code receiver}, {@code group_by}, the three intervals) are inherited from the parent
 * route, as in Alertmanager.
 *
 * <pre>{@code
 * Route root = Route.to("default")
 *         .groupBy("alertname", "cluster")
 *         .groupWait(PromDuration.ofSeconds(30))
 *         .route(Route.to("db-pager").matchers(Matcher.equal("team", "db"), Matcher.regex("severity", "page|critical")))
 *         .route(Route.to("audit").matchers(Matcher.equal("audit", "true")).continueMatching(true))
 *         .build();
 * }</pre>
 */
public final class Route {
    private final String receiver;
    private final List<String> groupBy;
    private final boolean continueMatching;
    private final Map<String, String> match;
    private final Map<String, String> matchRe;
    private final List<String> matchers;
    private final String groupWait;
    private final String groupInterval;
    private final String repeatInterval;
    private final List<String> muteTimeIntervals;
    private final List<String> activeTimeIntervals;
    private final List<Route> routes;

    private Route(Builder b) {
        receiver = b.receiver;
        groupBy = b.groupBy == null ? null : List.copyOf(b.groupBy);
        continueMatching = b.continueMatching;
        match = Collections.unmodifiableMap(new LinkedHashMap<>(b.match));
        matchRe = Collections.unmodifiableMap(new LinkedHashMap<>(b.matchRe));
        matchers = List.copyOf(b.matchers);
        groupWait = b.groupWait;
        groupInterval = b.groupInterval;
        repeatInterval = b.repeatInterval;
        muteTimeIntervals = List.copyOf(b.muteTimeIntervals);
        activeTimeIntervals = List.copyOf(b.activeTimeIntervals);
        routes = List.copyOf(b.routes);
    }

    /** A builder for a route without a receiver of its own (it inherits its parent's). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for a route sending to {@code receiver}. */
    public static Builder to(String receiver) {
        return new Builder().receiver(receiver);
    }

    /** The receiver set on this route; empty when inherited. */
    public Optional<String> receiver() {
        return Optional.ofNullable(receiver);
    }

    /** {@code group_by} as set on this route ({@code ...} groups by all labels); empty when inherited. */
    public Optional<List<String>> groupBy() {
        return Optional.ofNullable(groupBy);
    }

    /** {@code continue}: whether matching goes on with the next sibling after this route matched. */
    public boolean continueMatching() {
        return continueMatching;
    }

    /** Legacy {@code match}: label name to exact value. */
    public Map<String, String> match() {
        return match;
    }

    /** Legacy {@code match_re}: label name to regular expression (anchored). */
    public Map<String, String> matchRe() {
        return matchRe;
    }

    /** The {@code matchers} entries as written; each may hold several comma-separated matchers. */
    public List<String> matchers() {
        return matchers;
    }

    /** {@code group_wait} text; empty when inherited. */
    public Optional<String> groupWait() {
        return Optional.ofNullable(groupWait);
    }

    /** {@code group_interval} text; empty when inherited. */
    public Optional<String> groupInterval() {
        return Optional.ofNullable(groupInterval);
    }

    /** {@code repeat_interval} text; empty when inherited. */
    public Optional<String> repeatInterval() {
        return Optional.ofNullable(repeatInterval);
    }

    /** Names of time intervals during which this route is muted. */
    public List<String> muteTimeIntervals() {
        return muteTimeIntervals;
    }

    /** Names of time intervals outside which this route is muted. */
    public List<String> activeTimeIntervals() {
        return activeTimeIntervals;
    }

    /** The child routes, in matching order. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * All matchers of this route, sorted as Alertmanager sorts them: the {@code matchers} entries parsed, plus
     * {@code match} as equality matchers and {@code match_re} as regex matchers whose value is
     * {@code ^(?:re)$}, as Alertmanager converts them.
     *
     * @throws IllegalArgumentException when a matcher or regular expression is invalid (see
     *                                  {@link AlertmanagerConfig#validate()})
     */
    public List<Matcher> allMatchers() {
        List<Matcher> all = new ArrayList<>();
        match.forEach((k, v) -> all.add(Matcher.equal(k, v)));
        matchRe.forEach((k, v) -> all.add(Matcher.regex(k, "^(?:" + v + ")$")));
        for (String m : matchers) {
            all.addAll(Matcher.parseList(m));
        }
        all.sort(MATCHER_ORDER);
        return List.copyOf(all);
    }

    /**
     * All matchers of this route with legacy {@code match_re} values as written (not wrapped in
     * {@code ^(?:...)$}), in the order {@code match}, {@code match_re}, {@code matchers}.
     */
    public List<Matcher> allMatchersUnanchored() {
        List<Matcher> all = new ArrayList<>();
        match.forEach((k, v) -> all.add(Matcher.equal(k, v)));
        matchRe.forEach((k, v) -> all.add(Matcher.regex(k, v)));
        for (String m : matchers) {
            all.addAll(Matcher.parseList(m));
        }
        return List.copyOf(all);
    }

    static final java.util.Comparator<Matcher> MATCHER_ORDER = java.util.Comparator.comparing(Matcher::name)
            .thenComparing(Matcher::type).thenComparing(Matcher::value);

    /** A builder holding this route's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.receiver = receiver;
        b.groupBy = groupBy == null ? null : new ArrayList<>(groupBy);
        b.continueMatching = continueMatching;
        b.match.putAll(match);
        b.matchRe.putAll(matchRe);
        b.matchers.addAll(matchers);
        b.groupWait = groupWait;
        b.groupInterval = groupInterval;
        b.repeatInterval = repeatInterval;
        b.muteTimeIntervals.addAll(muteTimeIntervals);
        b.activeTimeIntervals.addAll(activeTimeIntervals);
        b.routes.addAll(routes);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && continueMatching == r.continueMatching
                && Objects.equals(receiver, r.receiver) && Objects.equals(groupBy, r.groupBy)
                && match.equals(r.match) && matchRe.equals(r.matchRe) && matchers.equals(r.matchers)
                && Objects.equals(groupWait, r.groupWait) && Objects.equals(groupInterval, r.groupInterval)
                && Objects.equals(repeatInterval, r.repeatInterval)
                && muteTimeIntervals.equals(r.muteTimeIntervals)
                && activeTimeIntervals.equals(r.activeTimeIntervals) && routes.equals(r.routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(receiver, groupBy, continueMatching, match, matchRe, matchers, groupWait,
                groupInterval, repeatInterval, muteTimeIntervals, activeTimeIntervals, routes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Route[");
        if (receiver != null) {
            sb.append("receiver=").append(receiver).append(", ");
        }
        if (!matchers.isEmpty()) {
            sb.append("matchers=").append(matchers).append(", ");
        }
        if (!match.isEmpty()) {
            sb.append("match=").append(match).append(", ");
        }
        if (!matchRe.isEmpty()) {
            sb.append("match_re=").append(matchRe).append(", ");
        }
        if (continueMatching) {
            sb.append("continue, ");
        }
        sb.append(routes.size()).append(routes.size() == 1 ? " child" : " children");
        return sb.append(']').toString();
    }

    /**
     * Builds a {@link Route}. Values are checked by {@link AlertmanagerConfig.Builder#build()}, together with
     * the rest of the configuration.
     *
     * <pre>{@code
     * Route r = Route.builder().matcher("team=~\"db|storage\"").groupBy("...").build();
     * }</pre>
     */
    public static final class Builder {
        private String receiver;
        private List<String> groupBy;
        private boolean continueMatching;
        private final Map<String, String> match = new LinkedHashMap<>();
        private final Map<String, String> matchRe = new LinkedHashMap<>();
        private final List<String> matchers = new ArrayList<>();
        private String groupWait;
        private String groupInterval;
        private String repeatInterval;
        private final List<String> muteTimeIntervals = new ArrayList<>();
        private final List<String> activeTimeIntervals = new ArrayList<>();
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /** Sets the receiver. */
        public Builder receiver(String receiver) {
            this.receiver = Objects.requireNonNull(receiver, "receiver");
            return this;
        }

        /** Adds typed matchers (one {@code matchers} entry each, printed in Alertmanager's syntax). */
        public Builder matchers(Matcher... matchers) {
            for (Matcher m : matchers) {
                this.matchers.add(m.toString());
            }
            return this;
        }

        /** Adds one {@code matchers} entry as text, e.g. {@code severity=~"page|critical"}; checked on build. */
        public Builder matcher(String text) {
            matchers.add(Objects.requireNonNull(text, "matcher"));
            return this;
        }

        /** Adds a legacy {@code match} entry (prefer {@link #matchers(Matcher...)}). */
        public Builder match(String label, String value) {
            match.put(Objects.requireNonNull(label, "label"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a legacy {@code match_re} entry (prefer {@link #matchers(Matcher...)}). */
        public Builder matchRe(String label, String regex) {
            matchRe.put(Objects.requireNonNull(label, "label"), Objects.requireNonNull(regex, "regex"));
            return this;
        }

        /** Sets {@code group_by}; {@code "..."} alone groups by all labels. */
        public Builder groupBy(String... labels) {
            groupBy = new ArrayList<>(Arrays.asList(labels));
            return this;
        }

        /** Sets {@code group_by: ['...']}: one group per distinct label set. */
        public Builder groupByAll() {
            return groupBy("...");
        }

        /** Sets {@code continue}. */
        public Builder continueMatching(boolean value) {
            continueMatching = value;
            return this;
        }

        /** Sets {@code group_wait}. */
        public Builder groupWait(PromDuration d) {
            groupWait = d.toString();
            return this;
        }

        /** Sets {@code group_wait} as text (checked on build). */
        public Builder groupWait(String text) {
            groupWait = Objects.requireNonNull(text, "group_wait");
            return this;
        }

        /** Sets {@code group_interval}. */
        public Builder groupInterval(PromDuration d) {
            groupInterval = d.toString();
            return this;
        }

        /** Sets {@code group_interval} as text (checked on build). */
        public Builder groupInterval(String text) {
            groupInterval = Objects.requireNonNull(text, "group_interval");
            return this;
        }

        /** Sets {@code repeat_interval}. */
        public Builder repeatInterval(PromDuration d) {
            repeatInterval = d.toString();
            return this;
        }

        /** Sets {@code repeat_interval} as text (checked on build). */
        public Builder repeatInterval(String text) {
            repeatInterval = Objects.requireNonNull(text, "repeat_interval");
            return this;
        }

        /** Adds names to {@code mute_time_intervals}. */
        public Builder muteTimeIntervals(String... names) {
            muteTimeIntervals.addAll(Arrays.asList(names));
            return this;
        }

        /** Adds names to {@code active_time_intervals}. */
        public Builder activeTimeIntervals(String... names) {
            activeTimeIntervals.addAll(Arrays.asList(names));
            return this;
        }

        /** Appends a child route. */
        public Builder route(Route child) {
            routes.add(Objects.requireNonNull(child, "route"));
            return this;
        }

        /** Appends a child route. */
        public Builder route(Builder child) {
            return route(child.build());
        }

        /** Replaces the child routes. */
        public Builder routes(List<Route> children) {
            routes.clear();
            children.forEach(this::route);
            return this;
        }

        /** The route; its values are checked with the whole configuration. */
        public Route build() {
            return new Route(this);
        }
    }
}
