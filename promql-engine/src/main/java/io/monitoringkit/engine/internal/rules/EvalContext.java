package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.engine.rules.AlertTransition;
import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.template.TemplateQueryFunction;

import java.util.List;
import java.util.function.Consumer;

/** What a rule needs while evaluating: the query function, template inputs, and the transition listeners. */
final class EvalContext {
    final RuleQuery query;
    final TemplateQueryFunction templateQuery;
    final Labels externalLabels;
    final String externalUrl;
    final List<Consumer<AlertTransition>> listeners;

    EvalContext(RuleQuery query, Labels externalLabels, String externalUrl,
                List<Consumer<AlertTransition>> listeners) {
        this.query = query;
        this.templateQuery = query.templateFunction();
        this.externalLabels = externalLabels;
        this.externalUrl = externalUrl;
        this.listeners = listeners;
    }

    List<RuleQuery.Point> query(Expr expr, long t) throws RuleFailure {
        try {
            return query.query(expr, t);
        } catch (RuleQuery.QueryFailure e) {
            throw new RuleFailure(e.getMessage());
        }
    }

    void notify(AlertTransition transition) {
        for (Consumer<AlertTransition> l : listeners) {
            l.accept(transition);
        }
    }
}
