package io.monitoringkit.client;

import io.monitoringkit.model.Labels;
import java.util.List;

/**
 * Exemplars of one series, from {@code /api/v1/query_exemplars}.
 *
 * <pre>{@code
 * for (Exemplars e : client.queryExemplars("test_exemplar_metric_total", start, end)) {
 *     e.exemplars().get(0).labels().get("trace_id");
 * }
 * }</pre>
 *
 * @param seriesLabels the series
 * @param exemplars its exemplars
 */
public record Exemplars(Labels seriesLabels, List<Exemplar> exemplars) {
    /** Copies the list. */
    public Exemplars {
        exemplars = List.copyOf(exemplars);
    }

    /**
     * One exemplar.
     *
     * <pre>{@code
     * ex.value();       // 6.0
     * ex.timestamp();   // milliseconds
     * }</pre>
     *
     * @param labels the exemplar's labels (trace id)
     * @param value its value
     * @param timestamp milliseconds since the epoch
     */
    public record Exemplar(Labels labels, double value, long timestamp) {
    }
}
