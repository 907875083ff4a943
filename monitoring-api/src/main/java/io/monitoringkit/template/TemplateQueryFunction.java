package io.monitoringkit.template;

import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the template function {@code query} calls: runs an instant PromQL query at the evaluation time and returns
 * the vector. A query that fails throws; the exception's message becomes the template error
 * ({@code error calling query: ...}).
 *
 * <pre>{@code
 * TemplateQueryFunction q = (expr, time) -> List.of(new TemplateSample(Labels.of("job", "api"), 3));
 * TemplateData data = TemplateData.forAlert(Labels.empty(), 1).queryFunction(q);
 * TemplateQueryFunction real = TemplateQueryFunction.of(prometheusClient);   // or an in-process engine
 * }</pre>
 */
@FunctionalInterface
public interface TemplateQueryFunction {

    /**
     * @param expr the PromQL expression, as the template wrote it
     * @param time the evaluation time
     * @return the samples of the resulting instant vector
     */
    List<TemplateSample> query(String expr, Instant time);

    /** A query function that fails every query: the default, for templates that do not query. */
    TemplateQueryFunction UNAVAILABLE = (expr, time) -> {
        throw new IllegalStateException("no query function configured for templates");
    };

    /**
     * Runs template queries through {@code api}, as Prometheus' rule manager does: an instant vector is returned
     * as is, a scalar becomes one sample without labels, anything else is an error.
     *
     * @param api the Prometheus (HTTP client) or in-process engine to query
     * @return a query function for {@link TemplateData}
     */
    static TemplateQueryFunction of(QueryApi api) {
        java.util.Objects.requireNonNull(api, "api");
        return (expr, time) -> {
            QueryResult result = api.query(expr, QueryOptions.defaults().time(time));
            if (result instanceof QueryResult.Vector v) {
                List<TemplateSample> out = new ArrayList<>(v.size());
                for (int i = 0; i < v.size(); i++) {
                    out.add(new TemplateSample(v.labels(i), v.value(i)));
                }
                return out;
            }
            if (result instanceof QueryResult.Scalar sc) {
                return List.of(new TemplateSample(io.monitoringkit.model.Labels.empty(), sc.value()));
            }
            throw new IllegalArgumentException("rule result is not a vector or scalar");
        };
    }
}
