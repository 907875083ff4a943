package io.monitoringkit.exposition;

import io.monitoringkit.model.Names;

import java.util.List;
import java.util.Objects;

/**
 * A metric family: name, type, help and unit (empty when absent, as Prometheus treats them) and its samples in
 * exposition order.
 *
 * <p>Sample names are the family name, or the family name plus one of the suffixes of {@link MetricType} — both
 * shapes occur: text format 0.0.4 names counter families with their {@code _total}, OpenMetrics without it.
 *
 * <pre>{@code
 * MetricFamily f = new MetricFamily("jobs", MetricType.COUNTER, "Jobs run.", "",
 *         List.of(Sample.of("jobs_total", Labels.of("queue", "a"), 3)));
 * }</pre>
 *
 * @param name the family name
 * @param type the type
 * @param help the help text, empty when absent
 * @param unit the unit (OpenMetrics), empty when absent
 * @param samples the samples
 */
public record MetricFamily(String name, MetricType type, String help, String unit, List<Sample> samples) {

    private static final List<String> SUFFIXES =
            List.of("_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info");

    /**
     * Checks the names and copies the sample list.
     *
     * @throws IllegalArgumentException when a name is invalid or a sample name does not belong to the family
     */
    public MetricFamily {
        Names.requireLegacyMetricName(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(unit, "unit");
        samples = List.copyOf(samples);
        for (Sample s : samples) {
            if (!belongs(name, s.name())) {
                throw new IllegalArgumentException("sample \"" + s.name() + "\" does not belong to family \"" + name
                        + "\": its name must be the family name or the family name plus one of " + SUFFIXES);
            }
        }
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':')) {
                throw new IllegalArgumentException("\"" + unit + "\" is not a valid unit (it must match [a-zA-Z0-9_:]*)");
            }
        }
    }

    /** @return a family of the given type without help, unit or samples. */
    public static MetricFamily of(String name, MetricType type) {
        return new MetricFamily(name, type, "", "", List.of());
    }

    /** @return a copy with these samples. */
    public MetricFamily withSamples(List<Sample> samples) {
        return new MetricFamily(name, type, help, unit, samples);
    }

    /** @return a copy with this help text. */
    public MetricFamily withHelp(String help) {
        return new MetricFamily(name, type, help, unit, samples);
    }

    /** @return a copy with this unit. */
    public MetricFamily withUnit(String unit) {
        return new MetricFamily(name, type, help, unit, samples);
    }

    static boolean belongs(String family, String sample) {
        if (sample.equals(family)) {
            return true;
        }
        if (!sample.startsWith(family)) {
            return false;
        }
        int extra = sample.length() - family.length();
        for (String suffix : SUFFIXES) {
            if (suffix.length() == extra && sample.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
