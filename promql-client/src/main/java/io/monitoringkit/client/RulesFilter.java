package io.monitoringkit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Filters of {@code /api/v1/rules}: rule type, and the newer {@code rule_name[]}, {@code rule_group[]},
 * {@code file[]}, {@code match[]}, {@code exclude_alerts} and pagination ({@code group_limit},
 * {@code group_next_token}). Immutable; every setter returns a copy.
 *
 * <pre>{@code
 * RulesFilter f = RulesFilter.all().type(RulesFilter.Type.ALERT).ruleGroups("node").excludeAlerts(true);
 * }</pre>
 */
public final class RulesFilter {
    private static final RulesFilter ALL = new RulesFilter(null, List.of(), List.of(), List.of(), List.of(), false,
            0, "");

    private final Type type;
    private final List<String> ruleNames;
    private final List<String> ruleGroups;
    private final List<String> files;
    private final List<String> matchers;
    private final boolean excludeAlerts;
    private final int groupLimit;
    private final String groupNextToken;

    private RulesFilter(Type type, List<String> ruleNames, List<String> ruleGroups, List<String> files,
            List<String> matchers, boolean excludeAlerts, int groupLimit, String groupNextToken) {
        this.type = type;
        this.ruleNames = ruleNames;
        this.ruleGroups = ruleGroups;
        this.files = files;
        this.matchers = matchers;
        this.excludeAlerts = excludeAlerts;
        this.groupLimit = groupLimit;
        this.groupNextToken = groupNextToken;
    }

    /**
     * The rule type filter.
     *
     * <pre>{@code
     * RulesFilter.all().type(RulesFilter.Type.RECORD);
     * }</pre>
     */
    public enum Type {
        /** Alerting rules ({@code type=alert}). */
        ALERT,
        /** Recording rules ({@code type=record}). */
        RECORD
    }

    /** @return no filter: every rule. */
    public static RulesFilter all() {
        return ALL;
    }

    /** @return a copy keeping only rules of this type. */
    public RulesFilter type(Type type) {
        return new RulesFilter(Objects.requireNonNull(type, "type"), ruleNames, ruleGroups, files, matchers,
                excludeAlerts, groupLimit, groupNextToken);
    }

    /** @return a copy keeping only rules with these names. */
    public RulesFilter ruleNames(String... names) {
        return new RulesFilter(type, List.of(names), ruleGroups, files, matchers, excludeAlerts, groupLimit,
                groupNextToken);
    }

    /** @return a copy keeping only these groups. */
    public RulesFilter ruleGroups(String... groups) {
        return new RulesFilter(type, ruleNames, List.of(groups), files, matchers, excludeAlerts, groupLimit,
                groupNextToken);
    }

    /** @return a copy keeping only groups from these files. */
    public RulesFilter files(String... files) {
        return new RulesFilter(type, ruleNames, ruleGroups, List.of(files), matchers, excludeAlerts, groupLimit,
                groupNextToken);
    }

    /** @return a copy keeping only rules whose labels match one of these selectors (Prometheus 3.x). */
    public RulesFilter matchers(String... selectors) {
        return new RulesFilter(type, ruleNames, ruleGroups, files, List.of(selectors), excludeAlerts, groupLimit,
                groupNextToken);
    }

    /** @return a copy leaving out the alerts of alerting rules. */
    public RulesFilter excludeAlerts(boolean exclude) {
        return new RulesFilter(type, ruleNames, ruleGroups, files, matchers, exclude, groupLimit, groupNextToken);
    }

    /**
     * @return a copy returning at most {@code limit} groups per page (Prometheus 3.x)
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public RulesFilter groupLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException(limit + " is not a valid group limit; expected 1 or more");
        }
        return new RulesFilter(type, ruleNames, ruleGroups, files, matchers, excludeAlerts, limit, groupNextToken);
    }

    /** @return a copy asking for the page after {@code token}. */
    public RulesFilter groupNextToken(String token) {
        return new RulesFilter(type, ruleNames, ruleGroups, files, matchers, excludeAlerts, groupLimit,
                Objects.requireNonNull(token, "token"));
    }

    /** @return the parameters as name/value pairs, repeated names for lists. */
    public List<String[]> toParams() {
        List<String[]> p = new ArrayList<>();
        if (type != null) {
            p.add(new String[] {"type", type == Type.ALERT ? "alert" : "record"});
        }
        ruleNames.forEach(n -> p.add(new String[] {"rule_name[]", n}));
        ruleGroups.forEach(n -> p.add(new String[] {"rule_group[]", n}));
        files.forEach(n -> p.add(new String[] {"file[]", n}));
        matchers.forEach(n -> p.add(new String[] {"match[]", n}));
        if (excludeAlerts) {
            p.add(new String[] {"exclude_alerts", "true"});
        }
        if (groupLimit > 0) {
            p.add(new String[] {"group_limit", Integer.toString(groupLimit)});
        }
        if (!groupNextToken.isEmpty()) {
            p.add(new String[] {"group_next_token", groupNextToken});
        }
        return p;
    }

    /** @return whether any filter newer than the {@code type} filter is set. */
    public boolean usesNewFilters() {
        return !ruleNames.isEmpty() || !ruleGroups.isEmpty() || !files.isEmpty() || !matchers.isEmpty()
                || excludeAlerts || groupLimit > 0 || !groupNextToken.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RulesFilter");
        toParams().forEach(kv -> sb.append(' ').append(kv[0]).append('=').append(kv[1]));
        return sb.toString();
    }
}
