package io.monitoringkit.client;

import io.monitoringkit.model.Labels;
import java.util.List;

/**
 * A rule group from {@code /api/v1/rules}.
 *
 * <pre>{@code
 * RuleGroup g = client.rules(RulesFilter.all()).groups().get(0);
 * g.rules().get(0).name();
 * }</pre>
 *
 * @param name the group name
 * @param file the rule file
 * @param interval the evaluation interval in seconds
 * @param limit the group's alert/series limit (0 = none)
 * @param rules the rules
 * @param evaluationTime seconds the last evaluation took
 * @param lastEvaluation when it last ran (RFC 3339)
 */
public record RuleGroup(String name, String file, double interval, long limit, List<Rule> rules,
        double evaluationTime, String lastEvaluation) {

    /** Copies the list. */
    public RuleGroup {
        rules = List.copyOf(rules);
    }

    /**
     * An alerting or recording rule. Fields a kind does not have are empty.
     *
     * <pre>{@code
     * rule.type();    // "alerting"
     * rule.query();   // "up == 0"
     * }</pre>
     *
     * @param type {@code alerting} or {@code recording}
     * @param name alert name or recorded metric name
     * @param query the PromQL expression
     * @param labels the rule's labels
     * @param annotations the alerting rule's annotations
     * @param duration the alerting rule's {@code for}, in seconds
     * @param keepFiringFor the alerting rule's {@code keep_firing_for}, in seconds
     * @param state {@code inactive}, {@code pending} or {@code firing} (alerting rules)
     * @param health {@code ok}, {@code err} or {@code unknown}
     * @param lastError the last evaluation error
     * @param alerts the active alerts (alerting rules, unless excluded)
     * @param evaluationTime seconds the last evaluation took
     * @param lastEvaluation when it last ran (RFC 3339)
     */
    public record Rule(String type, String name, String query, Labels labels, Labels annotations, double duration,
            double keepFiringFor, String state, String health, String lastError, List<Alert> alerts,
            double evaluationTime, String lastEvaluation) {
        /** Copies the list. */
        public Rule {
            alerts = List.copyOf(alerts);
        }
    }
}
