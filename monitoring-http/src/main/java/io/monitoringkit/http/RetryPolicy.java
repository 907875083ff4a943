package io.monitoringkit.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When and how often a request is retried. The default retries idempotent requests (reads) on connection failures
 * and on HTTP 429, 502, 503 and 504, at most 3 attempts within 30 seconds, waiting 200 ms, 400 ms, ... (capped at
 * 5 s) with jitter, or as long as the server's {@code Retry-After} asks when that is longer. HTTP 400 and 422 are
 * never retried: repeating a bad query gives the same answer. Non-idempotent requests (POSTs that change state)
 * are not retried unless {@link #retryNonIdempotent(boolean)} says so.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.defaults()
 *         .maxAttempts(5)
 *         .deadline(Duration.ofMinutes(1))
 *         .initialBackoff(Duration.ofMillis(100));
 * RetryPolicy off = RetryPolicy.none();
 * }</pre>
 */
public final class RetryPolicy {
    private static final Set<Integer> DEFAULT_STATUSES = Set.of(429, 502, 503, 504);
    private static final Set<Integer> NEVER = Set.of(400, 422);

    private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5),
            0.5, Duration.ofSeconds(30), DEFAULT_STATUSES, true, false);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration deadline;
    private final Set<Integer> retryStatuses;
    private final boolean retryConnectionFailures;
    private final boolean retryNonIdempotent;

    private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
            Duration deadline, Set<Integer> retryStatuses, boolean retryConnectionFailures,
            boolean retryNonIdempotent) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
        this.deadline = deadline;
        this.retryStatuses = retryStatuses;
        this.retryConnectionFailures = retryConnectionFailures;
        this.retryNonIdempotent = retryNonIdempotent;
    }

    /** @return the default policy described above. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries. */
    public static RetryPolicy none() {
        return DEFAULTS.maxAttempts(1);
    }

    /** @return a copy making at most {@code maxAttempts} attempts (1 = no retry); @throws IllegalArgumentException below 1 */
    public RetryPolicy maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(maxAttempts + " is not a valid maxAttempts; expected 1 or more");
        }
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, retryStatuses,
                retryConnectionFailures, retryNonIdempotent);
    }

    /** @return a copy waiting {@code initialBackoff} before the first retry, doubling after each */
    public RetryPolicy initialBackoff(Duration initialBackoff) {
        requireNotNegative(initialBackoff, "initialBackoff");
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, retryStatuses,
                retryConnectionFailures, retryNonIdempotent);
    }

    /** @return a copy never waiting longer than {@code maxBackoff} between attempts (unless Retry-After asks) */
    public RetryPolicy maxBackoff(Duration maxBackoff) {
        requireNotNegative(maxBackoff, "maxBackoff");
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, retryStatuses,
                retryConnectionFailures, retryNonIdempotent);
    }

    /**
     * @param jitter the fraction of each backoff that is random, 0 (none) to 1 (anything from zero to the backoff)
     * @return a copy with this jitter
     * @throws IllegalArgumentException outside 0..1
     */
    public RetryPolicy jitter(double jitter) {
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException(jitter + " is not a valid jitter; expected a fraction from 0 to 1");
        }
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, retryStatuses,
                retryConnectionFailures, retryNonIdempotent);
    }

    /** @return a copy giving up once {@code deadline} has passed since the first attempt began */
    public RetryPolicy deadline(Duration deadline) {
        requireNotNegative(deadline, "deadline");
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, retryStatuses,
                retryConnectionFailures, retryNonIdempotent);
    }

    /**
     * @return a copy retrying exactly these HTTP statuses
     * @throws IllegalArgumentException when the set holds 400 or 422, or a status that is not an error (below 400)
     */
    public RetryPolicy retryStatuses(Set<Integer> statuses) {
        Set<Integer> copy = Set.copyOf(statuses);
        Set<Integer> bad = new TreeSet<>();
        for (int s : copy) {
            if (NEVER.contains(s) || s < 400 || s > 599) {
                bad.add(s);
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(bad + " cannot be retried: 400 and 422 give the same answer again, "
                    + "and only error statuses 4xx/5xx are retried");
        }
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, copy,
                retryConnectionFailures, retryNonIdempotent);
    }

    /** @return a copy that does (default) or does not retry connection failures and timeouts */
    public RetryPolicy retryConnectionFailures(boolean retry) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, retryStatuses, retry,
                retryNonIdempotent);
    }

    /** @return a copy that also retries requests marked non-idempotent (default: it does not) */
    public RetryPolicy retryNonIdempotent(boolean retry) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, retryStatuses,
                retryConnectionFailures, retry);
    }

    /** @return the maximum number of attempts, at least 1. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait before the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the longest wait between attempts, unless the server's Retry-After asks for more. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the random fraction of each backoff. */
    public double jitter() {
        return jitter;
    }

    /** @return the overall deadline, counted from the first attempt. */
    public Duration deadline() {
        return deadline;
    }

    /** @return the HTTP statuses that are retried. */
    public Set<Integer> retryStatuses() {
        return retryStatuses;
    }

    /** @return whether connection failures and timeouts are retried. */
    public boolean retryConnectionFailures() {
        return retryConnectionFailures;
    }

    /** @return whether non-idempotent requests are retried. */
    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    /**
     * @param retryNumber 1 for the wait before the second attempt, 2 before the third, ...
     * @param random a value in {@code [0, 1)}
     * @return the backoff before that retry in milliseconds: exponential, capped, with jitter
     */
    public long backoffMillis(int retryNumber, double random) {
        double base = initialBackoff.toMillis() * Math.pow(2, Math.min(retryNumber - 1, 30));
        base = Math.min(base, maxBackoff.toMillis());
        return Math.round(base * (1 - jitter * random));
    }

    private static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(d + " is not a valid " + what + "; it must not be negative");
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", jitter=" + jitter + ", deadline=" + deadline + ", retryStatuses="
                + new TreeSet<>(retryStatuses) + ", retryConnectionFailures=" + retryConnectionFailures
                + ", retryNonIdempotent=" + retryNonIdempotent + "}";
    }
}
