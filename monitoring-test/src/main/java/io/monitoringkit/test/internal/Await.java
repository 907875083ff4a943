package io.monitoringkit.test.internal;

import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryResult;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Polls a query until a condition holds, for the fixtures' {@code await} methods.
 *
 * <pre>{@code
 * QueryResult r = Await.query(api, () -> { }, "up", x -> !x.asVector().isEmpty(), Duration.ofSeconds(5));
 * }</pre>
 */
public final class Await {
    /** The pause between two polls. */
    public static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** Runs {@code beforePoll} then the query until {@code condition} holds; see {@code PrometheusFixture}. */
    public static QueryResult query(QueryApi api, Runnable beforePoll, String promql, Predicate<QueryResult> condition,
            Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        return poll(api, beforePoll, promql, timeout, r -> {
            if (!condition.test(r)) {
                throw new AssertionError("the condition does not hold");
            }
        }, true);
    }

    /** Runs {@code beforePoll} then the query until {@code assertion} passes; see {@code PrometheusFixture}. */
    public static QueryResult satisfies(QueryApi api, Runnable beforePoll, String promql,
            Consumer<QueryResult> assertion, Duration timeout) {
        Objects.requireNonNull(assertion, "assertion");
        return poll(api, beforePoll, promql, timeout, assertion, false);
    }

    private static QueryResult poll(QueryApi api, Runnable beforePoll, String promql, Duration timeout,
            Consumer<QueryResult> check, boolean predicate) {
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last;
        QueryResult lastResult = null;
        while (true) {
            try {
                beforePoll.run();
                lastResult = api.query(promql);
                check.accept(lastResult);
                return lastResult;
            } catch (AssertionError | RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            sleep(POLL);
        }
        String head = "Expecting query " + promql + " to " + (predicate ? "meet the condition" : "pass the assertion")
                + " within " + timeout;
        if (last instanceof AssertionError && !predicate) {
            throw new AssertionError(head + "\nbut its last result failed with:\n" + last.getMessage(), last);
        }
        if (last instanceof AssertionError) {
            throw new AssertionError(head + "\nbut the last result was: " + lastResult);
        }
        throw new AssertionError(head + "\nbut the query failed: " + last, last);
    }

    /** Sleeps, restoring the interrupt flag and failing when interrupted. */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
