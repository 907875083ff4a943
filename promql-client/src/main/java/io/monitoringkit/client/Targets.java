package io.monitoringkit.client;

import io.monitoringkit.model.Labels;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/targets}: the active and dropped scrape targets.
 *
 * <pre>{@code
 * Targets t = client.targets(Targets.State.ACTIVE);
 * t.active().get(0).health();   // "up"
 * }</pre>
 *
 * @param active the active targets
 * @param dropped the dropped targets
 * @param droppedTargetCounts dropped targets per scrape pool (Prometheus 2.49+), empty when not sent
 */
public record Targets(List<ActiveTarget> active, List<DroppedTarget> dropped, Map<String, Long> droppedTargetCounts) {

    /** Copies the lists. */
    public Targets {
        active = List.copyOf(active);
        dropped = List.copyOf(dropped);
        droppedTargetCounts = Map.copyOf(droppedTargetCounts);
    }

    /**
     * The {@code state} filter.
     *
     * <pre>{@code
     * client.targets(Targets.State.ANY);
     * }</pre>
     */
    public enum State {
        /** Only active targets. */
        ACTIVE,
        /** Only dropped targets. */
        DROPPED,
        /** Both (the server's default). */
        ANY
    }

    /**
     * An active target.
     *
     * <pre>{@code
     * target.labels().get("job");   // Optional[prometheus]
     * }</pre>
     *
     * @param discoveredLabels labels before relabelling
     * @param labels labels after relabelling
     * @param scrapePool the scrape pool (job)
     * @param scrapeUrl the URL scraped
     * @param globalUrl the URL with the external host name
     * @param lastError the last scrape error, {@code ""} if none
     * @param lastScrape when it was last scraped (RFC 3339)
     * @param lastScrapeDuration seconds the last scrape took
     * @param health {@code up}, {@code down} or {@code unknown}
     * @param scrapeInterval the interval, as a Prometheus duration
     * @param scrapeTimeout the timeout, as a Prometheus duration
     */
    public record ActiveTarget(Labels discoveredLabels, Labels labels, String scrapePool, String scrapeUrl,
            String globalUrl, String lastError, String lastScrape, double lastScrapeDuration, String health,
            String scrapeInterval, String scrapeTimeout) {
    }

    /**
     * A dropped target.
     *
     * <pre>{@code
     * dropped.discoveredLabels().get("__address__");
     * }</pre>
     *
     * @param discoveredLabels labels before relabelling
     */
    public record DroppedTarget(Labels discoveredLabels) {
    }
}
