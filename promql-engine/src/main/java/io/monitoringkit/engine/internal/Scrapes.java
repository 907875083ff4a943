package io.monitoringkit.engine.internal;

import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.exposition.SampleView;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ingests whole scrapes the way Prometheus' scrape loop does: target labels are attached (an exposed label that
 * clashes is renamed {@code exported_<name>}), {@code up} and {@code scrape_samples_scraped} are written, and
 * every series of the previous scrape of the same target that is missing now gets a staleness marker at the
 * scrape time. Samples that carry their own timestamp are stored at it and never marked stale (as Prometheus
 * does with honor_timestamps).
 */
public final class Scrapes {
    private final SeriesStore store;
    private final Map<Labels, Set<Labels>> lastSeen = new HashMap<>();

    public Scrapes(SeriesStore store) {
        this.store = store;
    }

    /** @return the number of samples ingested from the exposition. */
    public synchronized int scrape(Labels target, byte[] exposition, ExpositionFormat format, long t) {
        Set<Labels> seen = new LinkedHashSet<>();
        Map<Labels, double[]> batch = new LinkedHashMap<>();
        Map<Labels, Long> times = new HashMap<>();
        int[] n = {0};
        ExpositionParser.stream(exposition, format, view -> {
            Labels l = seriesLabels(target, view);
            long ts = view.hasTimestamp() ? view.timestampMillis() : t;
            if (batch.containsKey(l)) {
                throw new IllegalArgumentException("line " + view.line() + ": duplicate sample for series " + l);
            }
            batch.put(l, new double[] {view.value()});
            times.put(l, ts);
            if (!view.hasTimestamp()) {
                seen.add(l);
            }
            n[0]++;
        });
        for (Map.Entry<Labels, double[]> e : batch.entrySet()) {
            store.append(e.getKey(), times.get(e.getKey()), e.getValue()[0]);
        }
        Set<Labels> previous = lastSeen.getOrDefault(target, Set.of());
        for (Labels gone : previous) {
            if (!seen.contains(gone)) {
                store.append(gone, t, Staleness.STALE_NAN);
            }
        }
        lastSeen.put(target, seen);
        store.append(target.with(Names.METRIC_NAME_LABEL, "up"), t, 1);
        store.append(target.with(Names.METRIC_NAME_LABEL, "scrape_samples_scraped"), t, n[0]);
        return n[0];
    }

    /** A failed scrape: {@code up} is 0 and every series of the last scrape goes stale. */
    public synchronized void scrapeFailed(Labels target, long t) {
        for (Labels gone : lastSeen.getOrDefault(target, Set.of())) {
            store.append(gone, t, Staleness.STALE_NAN);
        }
        lastSeen.put(target, Set.of());
        store.append(target.with(Names.METRIC_NAME_LABEL, "up"), t, 0);
    }

    /** The target is gone (e.g. removed from service discovery): all its series go stale, {@code up} too. */
    public synchronized void targetRemoved(Labels target, long t) {
        for (Labels gone : lastSeen.getOrDefault(target, Set.of())) {
            store.append(gone, t, Staleness.STALE_NAN);
        }
        lastSeen.remove(target);
        store.append(target.with(Names.METRIC_NAME_LABEL, "up"), t, Staleness.STALE_NAN);
        store.append(target.with(Names.METRIC_NAME_LABEL, "scrape_samples_scraped"), t, Staleness.STALE_NAN);
    }

    private static Labels seriesLabels(Labels target, SampleView view) {
        Map<String, String> m = new LinkedHashMap<>();
        Labels exposed = view.labels();
        for (int i = 0; i < exposed.size(); i++) {
            m.put(exposed.name(i), exposed.value(i));
        }
        for (int i = 0; i < target.size(); i++) {
            String name = target.name(i);
            if (m.containsKey(name)) {
                m.put("exported_" + name, m.remove(name));
            }
            m.put(name, target.value(i));
        }
        m.put(Names.METRIC_NAME_LABEL, view.name());
        return Labels.from(m);
    }

    /**
     * Loads an OpenMetrics (or text format) file whose samples all carry timestamps, e.g. for backfilling.
     *
     * @return the number of samples
     */
    public static int loadTimestamped(SeriesStore store, String text, ExpositionFormat format) {
        int[] n = {0};
        ExpositionParser.stream(text.getBytes(StandardCharsets.UTF_8), format, view -> {
            if (!view.hasTimestamp()) {
                throw new IllegalArgumentException("line " + view.line() + ": sample " + view.name()
                        + " has no timestamp; every sample of a file load needs one");
            }
            Labels l = view.labels().with(Names.METRIC_NAME_LABEL, view.name());
            try {
                store.append(l, view.timestampMillis(), view.value());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + view.line() + ": " + e.getMessage(), e);
            }
            n[0]++;
        });
        return n[0];
    }
}
