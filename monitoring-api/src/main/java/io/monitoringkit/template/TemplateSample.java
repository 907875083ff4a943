package io.monitoringkit.template;

import io.monitoringkit.model.Labels;

import java.util.Objects;

/**
 * One element of the result of the template function {@code query}: labels (with {@code __name__}) and a value.
 *
 * <pre>{@code
 * TemplateSample s = new TemplateSample(Labels.of("__name__", "up", "job", "api"), 1);
 * }</pre>
 *
 * @param labels the sample's labels
 * @param value the sample's value
 */
public record TemplateSample(Labels labels, double value) {
    /** Rejects nulls. */
    public TemplateSample {
        Objects.requireNonNull(labels, "labels");
    }
}
