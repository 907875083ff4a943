package io.monitoringkit.client;

import java.util.List;

/**
 * {@code /api/v1/status/tsdb}: head block statistics and cardinality top lists.
 *
 * <pre>{@code
 * TsdbStatus s = client.tsdbStatus(10);
 * s.headStats().numSeries();
 * s.seriesCountByMetricName().get(0).name();
 * }</pre>
 *
 * @param headStats head block statistics
 * @param seriesCountByMetricName series per metric name
 * @param labelValueCountByLabelName values per label name
 * @param memoryInBytesByLabelName bytes per label name
 * @param seriesCountByLabelValuePair series per label pair
 */
public record TsdbStatus(HeadStats headStats, List<Entry> seriesCountByMetricName,
        List<Entry> labelValueCountByLabelName, List<Entry> memoryInBytesByLabelName,
        List<Entry> seriesCountByLabelValuePair) {

    /** Copies the lists. */
    public TsdbStatus {
        seriesCountByMetricName = List.copyOf(seriesCountByMetricName);
        labelValueCountByLabelName = List.copyOf(labelValueCountByLabelName);
        memoryInBytesByLabelName = List.copyOf(memoryInBytesByLabelName);
        seriesCountByLabelValuePair = List.copyOf(seriesCountByLabelValuePair);
    }

    /**
     * Head block statistics.
     *
     * <pre>{@code
     * h.minTime();   // milliseconds
     * }</pre>
     *
     * @param numSeries series in the head
     * @param numLabelPairs label pairs
     * @param chunkCount chunks
     * @param minTime the oldest sample's time in ms
     * @param maxTime the newest sample's time in ms
     */
    public record HeadStats(long numSeries, long numLabelPairs, long chunkCount, long minTime, long maxTime) {
    }

    /**
     * One name with its count.
     *
     * <pre>{@code
     * new TsdbStatus.Entry("up", 3);
     * }</pre>
     *
     * @param name the name or pair
     * @param value the count
     */
    public record Entry(String name, long value) {
    }
}
