package io.monitoringkit.alertmanager;

import io.monitoringkit.alertmanager.internal.ConfigValidator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole Alertmanager configuration ({@code alertmanager.yml}): global settings, the routing tree, receivers,
 * inhibit rules, time intervals and template files.
 *
 * <p>{@link Builder#build()} checks everything {@code amtool check-config} (Alertmanager 0.25) checks and
 * reports all problems at once, each with its field path; {@link AlertmanagerYaml} writes and reads the file,
 * {@link Routing} answers "which receivers get this alert".
 *
 * <pre>{@code
 * AlertmanagerConfig config = AlertmanagerConfig.builder()
 *         .route(Route.to("default").groupBy("alertname")
 *                 .route(Route.to("db-pager").matchers(Matcher.equal("team", "db"))))
 *         .receiver(Receiver.of("default", NotifierConfig.webhook("http://127.0.0.1:9099/").build()))
 *         .receiver(Receiver.of("db-pager", NotifierConfig.pagerDuty(Secret.of(key)).build()))
 *         .build();
 * String yaml = AlertmanagerYaml.write(config);
 * List<String> receivers = Routing.of(config).receivers(Map.of("team", "db"));   // [db-pager]
 * }</pre>
 */
public final class AlertmanagerConfig {
    private final GlobalConfig global;
    private final Route route;
    private final List<Receiver> receivers;
    private final List<InhibitRule> inhibitRules;
    private final List<TimeInterval> timeIntervals;
    private final List<TimeInterval> muteTimeIntervals;
    private final List<String> templates;

    private AlertmanagerConfig(Builder b) {
        global = b.global;
        route = b.route;
        receivers = List.copyOf(b.receivers);
        inhibitRules = List.copyOf(b.inhibitRules);
        timeIntervals = List.copyOf(b.timeIntervals);
        muteTimeIntervals = List.copyOf(b.muteTimeIntervals);
        templates = List.copyOf(b.templates);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code global} block, when written. */
    public Optional<GlobalConfig> global() {
        return Optional.ofNullable(global);
    }

    /** The root route; empty only in configurations read from files (which are then invalid). */
    public Optional<Route> route() {
        return Optional.ofNullable(route);
    }

    /** The root route. @throws IllegalStateException when there is none */
    public Route rootRoute() {
        if (route == null) {
            throw new IllegalStateException("the configuration has no route");
        }
        return route;
    }

    /** The receivers. */
    public List<Receiver> receivers() {
        return receivers;
    }

    /** The receiver named {@code name}. */
    public Optional<Receiver> receiver(String name) {
        return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The inhibit rules. */
    public List<InhibitRule> inhibitRules() {
        return inhibitRules;
    }

    /** {@code time_intervals}. */
    public List<TimeInterval> timeIntervals() {
        return timeIntervals;
    }

    /** The deprecated top-level {@code mute_time_intervals} (same shape as {@link #timeIntervals()}). */
    public List<TimeInterval> muteTimeIntervals() {
        return muteTimeIntervals;
    }

    /** Template file paths or globs. */
    public List<String> templates() {
        return templates;
    }

    /**
     * Every problem {@code amtool check-config} 0.25 would reject this configuration for (amtool stops at the
     * first; this lists all), plus monitoring-kit's own rules for features newer than 0.25; empty when valid.
     */
    public List<ConfigProblem> validate() {
        return ConfigValidator.validate(this);
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.global = global;
        b.route = route;
        b.receivers.addAll(receivers);
        b.inhibitRules.addAll(inhibitRules);
        b.timeIntervals.addAll(timeIntervals);
        b.muteTimeIntervals.addAll(muteTimeIntervals);
        b.templates.addAll(templates);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertmanagerConfig c && Objects.equals(global, c.global)
                && Objects.equals(route, c.route) && receivers.equals(c.receivers)
                && inhibitRules.equals(c.inhibitRules) && timeIntervals.equals(c.timeIntervals)
                && muteTimeIntervals.equals(c.muteTimeIntervals) && templates.equals(c.templates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(global, route, receivers, inhibitRules, timeIntervals, muteTimeIntervals, templates);
    }

    /** A summary (secrets as {@code <secret>}). */
    @Override
    public String toString() {
        return "AlertmanagerConfig[route=" + route + ", receivers=" + receivers.stream().map(Receiver::name).toList()
                + ", " + inhibitRules.size() + " inhibit rules, " + (timeIntervals.size() + muteTimeIntervals.size())
                + " time intervals, templates=" + templates + "]";
    }

    /**
     * Builds an {@link AlertmanagerConfig}.
     *
     * <pre>{@code
     * AlertmanagerConfig.builder()
     *         .global(GlobalConfig.builder().smtpSmarthost("smtp:25").smtpFrom("am@example.org").build())
     *         .route(Route.to("mail"))
     *         .receiver(Receiver.of("mail", NotifierConfig.email("ops@example.org").build()))
     *         .template("/etc/alertmanager/templates/*.tmpl")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private GlobalConfig global;
        private Route route;
        private final List<Receiver> receivers = new ArrayList<>();
        private final List<InhibitRule> inhibitRules = new ArrayList<>();
        private final List<TimeInterval> timeIntervals = new ArrayList<>();
        private final List<TimeInterval> muteTimeIntervals = new ArrayList<>();
        private final List<String> templates = new ArrayList<>();

        private Builder() {
        }

        /** Sets the {@code global} block. */
        public Builder global(GlobalConfig global) {
            this.global = Objects.requireNonNull(global, "global");
            return this;
        }

        /** Sets the root route. */
        public Builder route(Route route) {
            this.route = Objects.requireNonNull(route, "route");
            return this;
        }

        /** Sets the root route. */
        public Builder route(Route.Builder route) {
            return route(route.build());
        }

        /** Adds receivers. */
        public Builder receiver(Receiver... receivers) {
            this.receivers.addAll(Arrays.asList(receivers));
            return this;
        }

        /** Adds inhibit rules. */
        public Builder inhibitRule(InhibitRule... rules) {
            inhibitRules.addAll(Arrays.asList(rules));
            return this;
        }

        /** Adds {@code time_intervals}. */
        public Builder timeInterval(TimeInterval... intervals) {
            timeIntervals.addAll(Arrays.asList(intervals));
            return this;
        }

        /** Adds entries to the deprecated top-level {@code mute_time_intervals}. */
        public Builder muteTimeInterval(TimeInterval... intervals) {
            muteTimeIntervals.addAll(Arrays.asList(intervals));
            return this;
        }

        /** Adds template paths or globs. */
        public Builder template(String... paths) {
            templates.addAll(Arrays.asList(paths));
            return this;
        }

        /**
         * The configuration, validated.
         *
         * @throws AlertmanagerConfigException listing every problem with its field path
         */
        public AlertmanagerConfig build() {
            AlertmanagerConfig config = new AlertmanagerConfig(this);
            List<ConfigProblem> problems = config.validate();
            if (!problems.isEmpty()) {
                throw new AlertmanagerConfigException(problems);
            }
            return config;
        }

        /** The configuration without validation (for reading files, which are checked separately). */
        AlertmanagerConfig buildUnchecked() {
            return new AlertmanagerConfig(this);
        }
    }
}
