package io.monitoringkit.metrics.simpleclient;

import io.monitoringkit.exposition.Exemplar;
import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.MetricFamily;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.exposition.Sample;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.metrics.MetricDescriptor;
import io.monitoringkit.metrics.MetricRef;
import io.monitoringkit.model.Labels;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.SimpleCollector;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adapter from Prometheus simpleclient 0.16 ({@code io.prometheus:simpleclient}, an optional dependency: only
 * this class loads it) to descriptors, references and samples.
 *
 * <pre>{@code
 * Counter requests = Counter.build().name("http_requests").help("Requests.").labelNames("code").register();
 * MetricRef ref = SimpleclientMetrics.ref(requests);          // counter http_requests [code]
 * ref.rate(minutes(5));                                      // rate(http_requests_total[5m])
 * Exposition now = SimpleclientMetrics.exposition(CollectorRegistry.defaultRegistry);
 * }</pre>
 */
public final class SimpleclientMetrics {

    private SimpleclientMetrics() {
    }

    /**
     * Describes a collector. For simpleclient's own metrics ({@code Counter}, {@code Gauge}, ...) the declared
     * label names are used even before any child exists; for other collectors, the labels of what they collect.
     *
     * @return one descriptor per family the collector produces
     */
    public static List<MetricDescriptor> descriptors(Collector collector) {
        List<Collector.MetricFamilySamples> families = collector.collect();
        List<String> declared = collector instanceof SimpleCollector<?> sc ? declaredLabelNames(sc) : null;
        List<MetricDescriptor> result = new ArrayList<>();
        for (Collector.MetricFamilySamples mfs : families) {
            MetricDescriptor d = MetricDescriptor.from(family(mfs));
            if (declared != null) {
                d = d.withLabelNames(declared.toArray(new String[0]));
            }
            result.add(d);
        }
        return List.copyOf(result);
    }

    /**
     * @return a reference to the collector's metric
     * @throws IllegalArgumentException when the collector produces more or fewer than one family
     */
    public static MetricRef ref(Collector collector) {
        List<MetricDescriptor> d = descriptors(collector);
        if (d.size() != 1) {
            throw new IllegalArgumentException("collector " + collector.getClass().getName() + " produces "
                    + d.size() + " metric families " + d.stream().map(MetricDescriptor::name).toList()
                    + "; use descriptors(collector) and pick one");
        }
        return d.get(0).ref();
    }

    /** @return descriptors of every family the registry collects now (label names from current samples). */
    public static List<MetricDescriptor> descriptors(CollectorRegistry registry) {
        return exposition(registry).families().stream().map(MetricDescriptor::from).toList();
    }

    /**
     * @return a catalog of what the registry exposes now, with the label values seen, for {@link CrossCheck}
     *     (metrics without children yet are known by name and type, their labels are not checked)
     */
    public static MetricCatalog catalog(CollectorRegistry registry) {
        return MetricCatalog.from(exposition(registry));
    }

    /** @return what the registry would expose now, in OpenMetrics shape (counters named without {@code _total}). */
    public static Exposition exposition(CollectorRegistry registry) {
        List<MetricFamily> families = new ArrayList<>();
        for (Collector.MetricFamilySamples mfs : Collections.list(registry.metricFamilySamples())) {
            families.add(family(mfs));
        }
        return new Exposition(families);
    }

    static MetricFamily family(Collector.MetricFamilySamples mfs) {
        List<Sample> samples = new ArrayList<>(mfs.samples.size());
        for (Collector.MetricFamilySamples.Sample s : mfs.samples) {
            Labels labels = Labels.ofArrays(s.labelNames.toArray(new String[0]), s.labelValues.toArray(new String[0]),
                    s.labelNames.size());
            Sample sample = Sample.of(s.name, labels, s.value);
            if (s.timestampMs != null) {
                sample = sample.withTimestampMillis(s.timestampMs);
            }
            if (s.exemplar != null) {
                String[] names = new String[s.exemplar.getNumberOfLabels()];
                String[] values = new String[names.length];
                for (int i = 0; i < names.length; i++) {
                    names[i] = s.exemplar.getLabelName(i);
                    values[i] = s.exemplar.getLabelValue(i);
                }
                Exemplar e = Exemplar.of(Labels.ofArrays(names, values, names.length), s.exemplar.getValue());
                if (s.exemplar.getTimestampMs() != null) {
                    e = e.withTimestampMillis(s.exemplar.getTimestampMs());
                }
                sample = sample.withExemplar(e);
            }
            samples.add(sample);
        }
        return new MetricFamily(mfs.name, type(mfs.type), mfs.help == null ? "" : mfs.help,
                mfs.unit == null ? "" : mfs.unit, samples);
    }

    private static MetricType type(Collector.Type t) {
        return switch (t) {
            case COUNTER -> MetricType.COUNTER;
            case GAUGE -> MetricType.GAUGE;
            case HISTOGRAM -> MetricType.HISTOGRAM;
            case GAUGE_HISTOGRAM -> MetricType.GAUGE_HISTOGRAM;
            case SUMMARY -> MetricType.SUMMARY;
            case INFO -> MetricType.INFO;
            case STATE_SET -> MetricType.STATESET;
            default -> MetricType.UNKNOWN;
        };
    }

    /** simpleclient keeps declared label names in a protected field; read it, or fall back to samples. */
    private static List<String> declaredLabelNames(SimpleCollector<?> collector) {
        try {
            Field f = SimpleCollector.class.getDeclaredField("labelNames");
            f.setAccessible(true);
            Set<String> names = new LinkedHashSet<>();
            for (Object o : (List<?>) f.get(collector)) {
                names.add((String) o);
            }
            return List.copyOf(names);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
