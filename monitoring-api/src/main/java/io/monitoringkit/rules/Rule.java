package io.monitoringkit.rules;

import io.monitoringkit.promql.Expr;

import java.util.Map;

/**
 * A Prometheus rule: an {@link AlertingRule} or a {@link RecordingRule}.
 *
 * <pre>{@code
 * Rule r = RecordingRule.of("job:up:sum", "sum by (job) (up)");
 * r.name();           // job:up:sum
 * r.expr().toString() // sum by (job) (up)
 * }</pre>
 */
public sealed interface Rule permits AlertingRule, RecordingRule {

    /** @return the alert's name or the recorded metric's name. */
    String name();

    /** @return the expression. */
    Expr expr();

    /** @return the labels added to the result (sorted by name). */
    Map<String, String> labels();
}
