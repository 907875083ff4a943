package io.monitoringkit.rules;

import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.PromQL;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A recording rule: evaluates {@code expr} and stores the result as the metric {@code record}. Names, labels and
 * the expression are checked by {@link RuleFile} validation (and by {@link RuleFiles#check}).
 *
 * <pre>{@code
 * RecordingRule r = RecordingRule.of("job:http_requests:rate5m", "sum by (job) (rate(http_requests_total[5m]))")
 *         .withLabels(Map.of("team", "web"));
 * }</pre>
 *
 * @param record the name of the recorded metric
 * @param expr the expression
 * @param labels labels added to the result, sorted by name
 */
public record RecordingRule(String record, Expr expr, Map<String, String> labels) implements Rule {

    /** Copies and sorts the labels; rejects nulls. */
    public RecordingRule {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(expr, "expr");
        labels = RuleMaps.copy(labels, "labels");
    }

    /** @return a rule recording {@code expr} as {@code record}. */
    public static RecordingRule of(String record, Expr expr) {
        return new RecordingRule(record, expr, Map.of());
    }

    /**
     * @return a rule recording the parsed {@code expr} as {@code record}
     * @throws io.monitoringkit.promql.PromQLParseException when {@code expr} is not PromQL
     */
    public static RecordingRule of(String record, String expr) {
        return of(record, PromQL.parse(expr));
    }

    /** @return a copy with these labels. */
    public RecordingRule withLabels(Map<String, String> labels) {
        return new RecordingRule(record, expr, labels);
    }

    @Override
    public String name() {
        return record;
    }
}
