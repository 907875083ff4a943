package io.monitoringkit.query;

import io.monitoringkit.model.Labels;
import java.util.Objects;

/**
 * One native-histogram sample of an instant vector.
 *
 * <pre>{@code
 * for (HistogramSample h : vector.histogramSamples()) {
 *     System.out.println(h.labels() + " count=" + h.histogram().count());
 * }
 * }</pre>
 *
 * @param labels the series' labels
 * @param timestamp milliseconds since the epoch
 * @param histogram the histogram value
 */
public record HistogramSample(Labels labels, long timestamp, NativeHistogram histogram) {
    /** Rejects nulls. */
    public HistogramSample {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(histogram, "histogram");
    }
}
