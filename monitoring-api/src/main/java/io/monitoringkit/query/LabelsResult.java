package io.monitoringkit.query;

import java.util.List;

/**
 * The answer of a label-names or label-values lookup: the names or values, and the response's warnings and infos.
 *
 * <pre>{@code
 * api.labelNames().values();        // [__name__, instance, job]
 * api.labelValues("job").values();  // [api, db]
 * }</pre>
 *
 * @param values the label names or values, in server order (sorted by Prometheus)
 * @param warnings the response's warnings
 * @param infos the response's infos
 */
public record LabelsResult(List<String> values, List<String> warnings, List<String> infos) {
    /** Copies the lists. */
    public LabelsResult {
        values = List.copyOf(values);
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }
}
