package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.internal.EngineAccess;
import io.monitoringkit.engine.internal.EngineOptions;
import io.monitoringkit.engine.internal.EvalException;
import io.monitoringkit.engine.internal.EvalResult;
import io.monitoringkit.engine.internal.QueryRunner;
import io.monitoringkit.engine.internal.SeriesStore;
import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.template.TemplateQueryFunction;
import io.monitoringkit.template.TemplateSample;

import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus' {@code EngineQueryFunc} over the in-process engine: an instant query whose vector is returned as is,
 * a scalar becoming one sample without labels, anything else an error. Used by rules and by the template function
 * {@code query}.
 */
final class RuleQuery {

    /** A failed rule query, with Prometheus' message. */
    static final class QueryFailure extends Exception {
        private static final long serialVersionUID = 1L;

        QueryFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** One sample of a rule query's result. */
    record Point(Labels labels, long t, double v) {
    }

    private final SeriesStore store;
    private final EngineOptions options;

    RuleQuery(PromEngine engine) {
        this.store = EngineAccess.store(engine.storage());
        this.options = EngineAccess.options(engine);
    }

    SeriesStore store() {
        return store;
    }

    List<Point> query(Expr expr, long t) throws QueryFailure {
        EvalResult r;
        try {
            r = QueryRunner.instant(store, options, expr, t);
        } catch (EvalException e) {
            throw new QueryFailure(e.getMessage());
        }
        if (r instanceof EvalResult.VectorResult v) {
            List<Point> out = new ArrayList<>(v.samples().size());
            for (EvalResult.Point p : v.samples()) {
                out.add(new Point(p.metric(), p.t(), p.v()));
            }
            return out;
        }
        if (r instanceof EvalResult.ScalarResult s) {
            return List.of(new Point(Labels.empty(), s.t(), s.v()));
        }
        throw new QueryFailure("rule result is not a vector or scalar");
    }

    /** @return the function templates call as {@code query}: the same evaluation, failures as exceptions. */
    TemplateQueryFunction templateFunction() {
        return (text, time) -> {
            Expr expr;
            try {
                expr = PromQL.parse(text, ParseOptions.defaults().withExperimentalFunctions(options.experimentalFunctions()));
            } catch (PromQLParseException e) {
                // Prometheus' ParseErr: "<line>:<column>: parse error: <reason>"
                throw new IllegalArgumentException(e.line() + ":" + e.column() + ": parse error: " + e.reason(), e);
            }
            try {
                List<Point> points = query(expr, time.toEpochMilli());
                List<TemplateSample> out = new ArrayList<>(points.size());
                for (Point p : points) {
                    out.add(new TemplateSample(p.labels(), p.v()));
                }
                return out;
            } catch (QueryFailure e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }
}
