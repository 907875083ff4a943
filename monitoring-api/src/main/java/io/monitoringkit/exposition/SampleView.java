package io.monitoringkit.exposition;

import io.monitoringkit.model.Labels;

import java.util.Optional;

/**
 * The sample the streaming parser is at. The parser reuses one view for every sample: read it inside
 * {@link ExpositionHandler#sample(SampleView)} and call {@link #toSample()} to keep a copy.
 *
 * <pre>{@code
 * ExpositionParser.stream(in, ExpositionFormat.OPENMETRICS, view -> {
 *     if (view.familyType() == MetricType.COUNTER && view.hasTimestamp()) {
 *         store.append(view.name(), view.labels(), view.timestampMillis(), view.value());
 *     }
 * });
 * }</pre>
 */
public interface SampleView {

    /** @return the name of the family the sample belongs to. */
    String familyName();

    /** @return the type of that family ({@link MetricType#UNKNOWN} when no TYPE line came before). */
    MetricType familyType();

    /** @return the sample name. */
    String name();

    /** @return the labels. */
    Labels labels();

    /** @return the value. */
    double value();

    /** @return whether the sample has a timestamp. */
    boolean hasTimestamp();

    /** @return the timestamp in milliseconds since the epoch; 0 when {@link #hasTimestamp()} is false. */
    long timestampMillis();

    /** @return the exemplar, if any. */
    Optional<Exemplar> exemplar();

    /** @return an immutable copy. */
    Sample toSample();

    /** @return the 1-based line of the sample in the exposition. */
    int line();
}
