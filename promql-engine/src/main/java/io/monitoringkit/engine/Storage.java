package io.monitoringkit.engine;

import io.monitoringkit.engine.internal.Loader;
import io.monitoringkit.engine.internal.Scrapes;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.engine.internal.SeriesStore;
import io.monitoringkit.engine.internal.Staleness;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * In-memory time series storage for {@link PromEngine}: series identified by their {@link Labels} (the metric
 * name is the {@code __name__} label), each holding time-ordered samples in primitive arrays, with an inverted
 * label index for selection. Staleness markers are stored as Prometheus stores them (the special NaN
 * {@code 0x7ff0000000000002}). Thread-safe: appends and queries may run concurrently.
 *
 * <pre>{@code
 * Storage storage = Storage.create();
 * storage.append(Labels.of("__name__", "up", "job", "api"), Instant.parse("2024-01-01T00:00:00Z"), 1);
 * storage.load("""
 *     load 1m
 *       http_requests_total{job="api", code="200"} 0+10x60
 *       http_requests_total{job="api", code="500"} 0+1x30 _x10 stale
 *     """);
 * storage.loadSeries("queue_depth{queue=\"mail\"}", "1 2 3 _ 5", PromDuration.ofSeconds(15));
 *
 * Labels target = Labels.of("job", "checkout", "instance", "10.0.0.1:8080");
 * storage.scrape(target, "orders_total 1\n", ExpositionFormat.PROMETHEUS_TEXT, Instant.ofEpochSecond(0));
 * storage.scrape(target, "", ExpositionFormat.PROMETHEUS_TEXT, Instant.ofEpochSecond(15));  // orders_total goes stale
 * }</pre>
 */
public final class Storage {
    static {
        io.monitoringkit.engine.internal.EngineAccess.registerStore(Storage::store);
    }

    private final SeriesStore store = new SeriesStore();
    private volatile Scrapes scrapes = new Scrapes(store);

    private Storage() {
    }

    /** @return a new, empty storage. */
    public static Storage create() {
        return new Storage();
    }

    /**
     * Appends a sample. Samples of one series must come in time order; a sample at the newest timestamp replaces
     * its value.
     *
     * @throws IllegalArgumentException for an older timestamp or an empty label set
     */
    public Storage append(Labels labels, long timestampMillis, double value) {
        store.append(Objects.requireNonNull(labels, "labels"), timestampMillis, value);
        return this;
    }

    /** Appends a sample at {@code timestamp} (millisecond precision). */
    public Storage append(Labels labels, Instant timestamp, double value) {
        return append(labels, timestamp.toEpochMilli(), value);
    }

    /** Appends a staleness marker: the series ends at {@code timestampMillis} (until its next sample). */
    public Storage appendStaleMarker(Labels labels, long timestampMillis) {
        return append(labels, timestampMillis, Staleness.STALE_NAN);
    }

    /** @return whether {@code value} is Prometheus' staleness marker (an ordinary NaN is not). */
    public static boolean isStaleMarker(double value) {
        return Staleness.isStale(value);
    }

    /**
     * Loads a promqltest {@code load} block (header {@code load <interval>} then {@code <series> <values>} lines in
     * the expanding notation: {@code 0+10x100}, {@code 1-2x5}, {@code 3x4}, {@code _}, {@code _x3},
     * {@code stale}). The first value is at time 0.
     *
     * @throws IllegalArgumentException naming the line and the problem
     */
    public Storage load(String loadBlock) {
        Loader.loadBlock(store, Objects.requireNonNull(loadBlock, "loadBlock"));
        return this;
    }

    /**
     * Loads one series in promtool {@code input_series} notation, value {@code i} at {@code i * interval}.
     *
     * @param series   the series description, e.g. {@code up{job="api"}}
     * @param values   the expanding values, e.g. {@code 1+1x10 _ stale}
     * @param interval the time between values
     */
    public Storage loadSeries(String series, String values, PromDuration interval) {
        Loader.loadSeries(store, series, values, 0, interval.millis());
        return this;
    }

    /**
     * Ingests one scrape of a target as Prometheus' scrape loop would: the target labels are attached (a clashing
     * exposed label becomes {@code exported_<name>}), samples without a timestamp are stored at {@code time},
     * {@code up} (1) and {@code scrape_samples_scraped} are written, and series the previous scrape of this target
     * had but this one lacks get a staleness marker at {@code time}.
     *
     * @param target     the target labels, e.g. {@code job} and {@code instance}
     * @param exposition the scraped body
     * @param format     its format
     * @param time       the scrape time
     * @return the number of samples scraped
     * @throws io.monitoringkit.exposition.ExpositionParseException for a malformed exposition
     */
    public int scrape(Labels target, String exposition, ExpositionFormat format, Instant time) {
        return scrapes.scrape(Objects.requireNonNull(target, "target"),
                exposition.getBytes(StandardCharsets.UTF_8), format, time.toEpochMilli());
    }

    /** Records a failed scrape of {@code target}: {@code up} is 0 and all series of its last scrape go stale. */
    public Storage scrapeFailed(Labels target, Instant time) {
        scrapes.scrapeFailed(target, time.toEpochMilli());
        return this;
    }

    /** Records that {@code target} disappeared: its series, {@code up} included, go stale at {@code time}. */
    public Storage targetRemoved(Labels target, Instant time) {
        scrapes.targetRemoved(target, time.toEpochMilli());
        return this;
    }

    /**
     * Loads an OpenMetrics (or text format) file in which every sample has a timestamp, as for backfilling.
     *
     * @return the number of samples loaded
     * @throws IllegalArgumentException naming the line of a sample without timestamp or out of order
     */
    public int loadExposition(String text, ExpositionFormat format) {
        return Scrapes.loadTimestamped(store, text, format);
    }

    /** Removes every series. */
    public void clear() {
        store.clear();
        scrapes = new Scrapes(store);
    }

    /** @return the number of series. */
    public int seriesCount() {
        return store.all().size();
    }

    /** @return the number of samples stored, staleness markers included. */
    public long sampleCount() {
        return store.sampleCount();
    }

    /** @return bytes held by the sample arrays (excluding labels and the index). */
    public long sampleBytes() {
        return store.sampleBytes();
    }

    /** Trims spare array capacity (after bulk loading). */
    public void compact() {
        store.compact();
    }

    SeriesStore store() {
        return store;
    }
}
