package io.monitoringkit.client;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code /api/v1/rules}: the groups and, when paginating with {@code group_limit} (Prometheus 3.x),
 * the token of the next page.
 *
 * <pre>{@code
 * RulesResult r = client.rules(RulesFilter.all().groupLimit(10));
 * r.groupNextToken().ifPresent(next -> client.rules(RulesFilter.all().groupLimit(10).groupNextToken(next)));
 * }</pre>
 *
 * @param groups the rule groups
 * @param nextToken the next page's token, {@code ""} when there is none
 */
public record RulesResult(List<RuleGroup> groups, String nextToken) {
    /** Copies the list. */
    public RulesResult {
        groups = List.copyOf(groups);
    }

    /** @return the next page's token, if there is a next page. */
    public Optional<String> groupNextToken() {
        return nextToken.isEmpty() ? Optional.empty() : Optional.of(nextToken);
    }
}
