package io.monitoringkit.test;

import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryResult;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a test sees of a Prometheus scraping the application under test — a real server
 * ({@link PrometheusServerExtension}) or the in-process engine ({@link EmbeddedPrometheusExtension}) — so one
 * abstract test class can run against both.
 *
 * <pre>{@code
 * abstract class CheckoutMonitoringTest {
 *     abstract PrometheusFixture prometheus();
 *
 *     @Test
 *     void countsOrders() {
 *         prometheus().awaitTargetHealthy("checkout");
 *         prometheus().awaitQuerySatisfies("orders_total", r -> assertThat(r).hasSeriesCount(1),
 *                 Duration.ofSeconds(10));
 *     }
 * }
 * }</pre>
 */
public interface PrometheusFixture {
    /** The default time the {@code await} methods wait. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** @return the query API over what was scraped */
    QueryApi queryApi();

    /** Waits up to {@link #DEFAULT_TIMEOUT} until a target of {@code job} is up; see the overload. */
    default void awaitTargetHealthy(String job) {
        awaitTargetHealthy(job, DEFAULT_TIMEOUT);
    }

    /**
     * Waits until a target of scrape job {@code job} has been scraped successfully.
     *
     * @throws AssertionError naming the job's targets and their last errors when none is up in time
     */
    void awaitTargetHealthy(String job, Duration timeout);

    /**
     * Runs instant query {@code promql} until {@code condition} holds, and returns that result.
     *
     * @throws AssertionError with the last result (or query error) when the condition does not hold in time
     */
    QueryResult awaitQuery(String promql, Predicate<QueryResult> condition, Duration timeout);

    /**
     * Runs instant query {@code promql} until {@code assertion} passes, and returns that result.
     *
     * @throws AssertionError the assertion's last failure when it does not pass in time
     */
    QueryResult awaitQuerySatisfies(String promql, Consumer<QueryResult> assertion, Duration timeout);
}
