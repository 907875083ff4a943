package io.monitoringkit.query;

import io.monitoringkit.model.Labels;
import java.util.List;

/**
 * The answer of a series lookup: the label sets of the matching series, and the response's warnings and infos.
 *
 * <pre>{@code
 * SeriesResult r = api.series(List.of("up{job=\"api\"}"));
 * r.series().get(0).metricName();   // Optional[up]
 * }</pre>
 *
 * @param series the label sets, in server order
 * @param warnings the response's warnings
 * @param infos the response's infos
 */
public record SeriesResult(List<Labels> series, List<String> warnings, List<String> infos) {
    /** Copies the lists. */
    public SeriesResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }
}
