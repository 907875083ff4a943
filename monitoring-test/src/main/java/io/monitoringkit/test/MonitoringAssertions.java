package io.monitoringkit.test;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.query.QueryResult;

/**
 * Entry point of monitoring-test's assertions, meant for static import. Registries of the client libraries have
 * their own entry classes ({@link SimpleclientAssertions}, {@link ClientJavaAssertions}) so that this one loads
 * neither library.
 *
 * <pre>{@code
 * import static io.monitoringkit.test.MonitoringAssertions.assertThat;
 *
 * assertThat(Scrape.of("http://127.0.0.1:8080/metrics")).hasCounter("http_requests_total");
 * assertThat(prometheus.query("up{job=\"app\"}")).hasSeriesWithValue(Labels.of("job", "app"), 1);
 * }</pre>
 */
public final class MonitoringAssertions {
    private MonitoringAssertions() {
    }

    /** @return assertions on a parsed exposition */
    public static ExpositionAssert assertThat(Exposition exposition) {
        return new ExpositionAssert(exposition, "exposition");
    }

    /** @return assertions on a scrape of a {@code /metrics} endpoint */
    public static ScrapeAssert assertThat(Scrape scrape) {
        return new ScrapeAssert(scrape);
    }

    /** @return assertions on a query result */
    public static QueryResultAssert assertThat(QueryResult result) {
        return new QueryResultAssert(result);
    }
}
