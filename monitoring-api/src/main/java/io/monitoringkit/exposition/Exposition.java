package io.monitoringkit.exposition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A parsed exposition: its metric families in order of first appearance.
 *
 * <pre>{@code
 * Exposition e = ExpositionParser.parse(text, ExpositionFormat.PROMETHEUS_TEXT);
 * e.family("process_cpu_seconds_total").map(MetricFamily::type);   // Optional[COUNTER]
 * e.samples().count();
 * }</pre>
 *
 * @param families the families
 */
public record Exposition(List<MetricFamily> families) {

    /** Copies the list. */
    public Exposition {
        families = List.copyOf(families);
    }

    /** @return an exposition of the given families. */
    public static Exposition of(MetricFamily... families) {
        return new Exposition(List.of(families));
    }

    /** @return the family named {@code name}, if present. */
    public Optional<MetricFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** @return all samples of all families, in order. */
    public Stream<Sample> samples() {
        return families.stream().flatMap(f -> f.samples().stream());
    }
}
