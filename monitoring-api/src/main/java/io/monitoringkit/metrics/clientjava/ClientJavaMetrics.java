package io.monitoringkit.metrics.clientjava;

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
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.MetricWithFixedMetadata;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Adapter from Prometheus client_java 1.x ({@code io.prometheus:prometheus-metrics-core}, an optional dependency:
 * only this class loads it) to descriptors, references and samples.
 *
 * <pre>{@code
 * Histogram latency = Histogram.builder().name("http_request_duration_seconds").labelNames("route").register();
 * MetricRef ref = ClientJavaMetrics.ref(latency);
 * ref.histogramQuantile(0.99, minutes(5), "route");
 * Exposition now = ClientJavaMetrics.exposition(PrometheusRegistry.defaultRegistry);
 * }</pre>
 */
public final class ClientJavaMetrics {

    private ClientJavaMetrics() {
    }

    /** @return the descriptor of a client_java metric, with its declared label names (even before any child). */
    public static MetricDescriptor descriptor(MetricWithFixedMetadata metric) {
        var md = metric.getMetadata();
        MetricType type = typeOf(metric);
        String unit = md.getUnit() == null ? "" : md.getUnit().toString();
        String name = md.getPrometheusName();
        if (type == MetricType.COUNTER && name.endsWith("_total")) {
            name = name.substring(0, name.length() - "_total".length());
        }
        return new MetricDescriptor(name, type, unit, md.getHelp() == null ? "" : md.getHelp(),
                List.copyOf(metric.getLabelNames()));
    }

    /** @return a reference to a client_java metric. */
    public static MetricRef ref(MetricWithFixedMetadata metric) {
        return descriptor(metric).ref();
    }

    /** @return descriptors of every metric the registry has now (label names from current data points). */
    public static List<MetricDescriptor> descriptors(PrometheusRegistry registry) {
        return exposition(registry).families().stream().map(MetricDescriptor::from).toList();
    }

    /**
     * @return a catalog of what the registry exposes now, with the label values seen, for {@link CrossCheck}
     *     (metrics without data points yet are known by name and type, their labels are not checked)
     */
    public static MetricCatalog catalog(PrometheusRegistry registry) {
        return MetricCatalog.from(exposition(registry));
    }

    /**
     * What the registry would expose now in OpenMetrics shape: counters with {@code _total} and {@code _created},
     * classic histogram buckets made cumulative with exemplars on the bucket they fall in, summaries, info,
     * statesets. Native-only histograms have no classic buckets: only their {@code _count} and {@code _sum}
     * appear.
     */
    public static Exposition exposition(PrometheusRegistry registry) {
        List<MetricFamily> families = new ArrayList<>();
        for (MetricSnapshot snapshot : registry.scrape()) {
            families.add(family(snapshot));
        }
        return new Exposition(families);
    }

    private static MetricType typeOf(MetricWithFixedMetadata metric) {
        if (metric instanceof Counter || metric instanceof CounterWithCallback) {
            return MetricType.COUNTER;
        } else if (metric instanceof Gauge || metric instanceof GaugeWithCallback) {
            return MetricType.GAUGE;
        } else if (metric instanceof Histogram) {
            return MetricType.HISTOGRAM;
        } else if (metric instanceof Summary || metric instanceof SummaryWithCallback) {
            return MetricType.SUMMARY;
        } else if (metric instanceof Info) {
            return MetricType.INFO;
        } else if (metric instanceof StateSet) {
            return MetricType.STATESET;
        }
        return MetricType.UNKNOWN;
    }

    private static MetricFamily family(MetricSnapshot snapshot) {
        var md = snapshot.getMetadata();
        String name = md.getPrometheusName();
        String unit = md.getUnit() == null ? "" : md.getUnit().toString();
        String help = md.getHelp() == null ? "" : md.getHelp();
        List<Sample> samples = new ArrayList<>();
        MetricType type;
        if (snapshot instanceof CounterSnapshot c) {
            type = MetricType.COUNTER;
            for (var dp : c.getDataPoints()) {
                samples.add(withExemplar(point(name + "_total", dp, dp.getValue()), dp.getExemplar()));
                created(samples, name, dp);
            }
        } else if (snapshot instanceof GaugeSnapshot g) {
            type = MetricType.GAUGE;
            for (var dp : g.getDataPoints()) {
                samples.add(point(name, dp, dp.getValue()));
            }
        } else if (snapshot instanceof HistogramSnapshot h) {
            type = h.isGaugeHistogram() ? MetricType.GAUGE_HISTOGRAM : MetricType.HISTOGRAM;
            for (var dp : h.getDataPoints()) {
                if (dp.hasClassicHistogramData()) {
                    ClassicHistogramBuckets buckets = dp.getClassicBuckets();
                    long cumulative = 0;
                    double lower = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < buckets.size(); i++) {
                        cumulative += buckets.getCount(i);
                        double upper = buckets.getUpperBound(i);
                        Sample s = point(name + "_bucket", dp, cumulative, "le", le(upper));
                        var exemplar = dp.getExemplars().get(lower, upper);
                        samples.add(withExemplar(s, exemplar));
                        lower = upper;
                    }
                }
                String count = h.isGaugeHistogram() ? "_gcount" : "_count";
                String sum = h.isGaugeHistogram() ? "_gsum" : "_sum";
                if (dp.hasCount()) {
                    samples.add(point(name + count, dp, dp.getCount()));
                }
                if (dp.hasSum()) {
                    samples.add(point(name + sum, dp, dp.getSum()));
                }
                if (!h.isGaugeHistogram()) {
                    created(samples, name, dp);
                }
            }
        } else if (snapshot instanceof SummarySnapshot s) {
            type = MetricType.SUMMARY;
            for (var dp : s.getDataPoints()) {
                for (Quantile q : dp.getQuantiles()) {
                    samples.add(point(name, dp, q.getValue(), "quantile", Double.toString(q.getQuantile())));
                }
                if (dp.hasCount()) {
                    samples.add(point(name + "_count", dp, dp.getCount()));
                }
                if (dp.hasSum()) {
                    samples.add(point(name + "_sum", dp, dp.getSum()));
                }
                created(samples, name, dp);
            }
        } else if (snapshot instanceof InfoSnapshot info) {
            type = MetricType.INFO;
            for (var dp : info.getDataPoints()) {
                samples.add(point(name + "_info", dp, 1));
            }
        } else if (snapshot instanceof StateSetSnapshot st) {
            type = MetricType.STATESET;
            for (var dp : st.getDataPoints()) {
                for (int i = 0; i < dp.size(); i++) {
                    samples.add(point(name, dp, dp.isTrue(i) ? 1 : 0, name, dp.getName(i)));
                }
            }
        } else if (snapshot instanceof UnknownSnapshot u) {
            type = MetricType.UNKNOWN;
            for (var dp : u.getDataPoints()) {
                samples.add(withExemplar(point(name, dp, dp.getValue()), dp.getExemplar()));
            }
        } else {
            throw new IllegalArgumentException("unsupported client_java snapshot " + snapshot.getClass().getName()
                    + " of metric \"" + name + "\"");
        }
        return new MetricFamily(name, type, help, unit, samples);
    }

    private static void created(List<Sample> samples, String name, DataPointSnapshot dp) {
        if (dp.hasCreatedTimestamp()) {
            samples.add(point(name + "_created", dp, dp.getCreatedTimestampMillis() / 1000.0));
        }
    }

    private static String le(double upper) {
        return upper == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(upper);
    }

    private static Sample point(String name, DataPointSnapshot dp, double value, String... extra) {
        var l = dp.getLabels();
        int n = l.size() + extra.length / 2;
        String[] names = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < l.size(); i++) {
            names[i] = l.getPrometheusName(i);
            values[i] = l.getValue(i);
        }
        for (int i = 0; i < extra.length; i += 2) {
            names[l.size() + i / 2] = extra[i];
            values[l.size() + i / 2] = extra[i + 1];
        }
        Sample s = Sample.of(name, Labels.ofArrays(names, values, n), value);
        return dp.hasScrapeTimestamp() ? s.withTimestampMillis(dp.getScrapeTimestampMillis()) : s;
    }

    private static Sample withExemplar(Sample s, io.prometheus.metrics.model.snapshots.Exemplar e) {
        if (e == null) {
            return s;
        }
        var l = e.getLabels();
        String[] names = new String[l.size()];
        String[] values = new String[l.size()];
        for (int i = 0; i < l.size(); i++) {
            names[i] = l.getPrometheusName(i);
            values[i] = l.getValue(i);
        }
        Exemplar x = Exemplar.of(Labels.ofArrays(names, values, names.length), e.getValue());
        return s.withExemplar(e.hasTimestamp() ? x.withTimestampMillis(e.getTimestampMillis()) : x);
    }
}
