package io.monitoringkit.exposition;

/**
 * Receives what the streaming parser reads, without a model being built.
 *
 * <pre>{@code
 * long[] count = {0};
 * ExpositionParser.stream(bytes, ExpositionFormat.PROMETHEUS_TEXT, view -> count[0]++);
 * }</pre>
 */
@FunctionalInterface
public interface ExpositionHandler {

    /** Called for each sample, in order. The view is reused: copy with {@link SampleView#toSample()}. */
    void sample(SampleView sample);

    /**
     * Called once per family at the end of a successful parse, in order of first appearance, with its complete
     * metadata (the text format allows a HELP line after the samples). The samples list is empty.
     */
    default void family(MetricFamily family) {
    }
}
