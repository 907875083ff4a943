package io.monitoringkit.template;

import java.time.Instant;
import java.util.List;

/**
 * What the template function {@code query} calls: runs an instant PromQL query at the evaluation time and returns
 * the vector. A query that fails throws; the exception's message becomes the template error
 * ({@code error calling query: ...}).
 *
 * <pre>{@code
 * TemplateQueryFunction q = (expr, time) -> List.of(new TemplateSample(Labels.of("job", "api"), 3));
 * TemplateData data = TemplateData.forAlert(Labels.empty(), 1).queryFunction(q);
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
}
