package io.monitoringkit.examples.checkout;

import java.time.Duration;
import java.util.Locale;

/**
 * Fault injection for demos and tests, changeable while the service runs: a share of requests to
 * {@code /products} and {@code /checkout} answered with a real {@code 503}, and real latency added to each of
 * them. Errors are spread deterministically — with ratio 0.25 exactly every fourth request fails — so tests can
 * count them. Thread-safe.
 *
 * <pre>{@code
 * service.faults().errorRatio(0.3).extraLatency(Duration.ofMillis(300));
 * // ... an incident ...
 * service.faults().clear();
 * }</pre>
 *
 * <p>Over HTTP: {@code POST /admin/faults?errorRatio=0.3&latencyMs=300}, {@code DELETE /admin/faults},
 * {@code GET /admin/faults}.
 */
public final class Faults {

    private double errorRatio;
    private Duration extraLatency = Duration.ZERO;
    private double debt;

    Faults() {
    }

    /**
     * Sets the share of requests that fail.
     *
     * @param ratio from 0 (none) to 1 (all)
     * @return this
     * @throws IllegalArgumentException when the ratio is outside [0, 1]
     */
    public synchronized Faults errorRatio(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException(ratio + ": the error ratio must be between 0 and 1");
        }
        this.errorRatio = ratio;
        this.debt = 0;
        return this;
    }

    /**
     * Sets the latency added to each request to the business routes.
     *
     * @return this
     * @throws IllegalArgumentException when negative
     */
    public synchronized Faults extraLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException(latency + ": the extra latency must not be negative");
        }
        this.extraLatency = latency;
        return this;
    }

    /** Removes every fault. @return this */
    public synchronized Faults clear() {
        errorRatio = 0;
        extraLatency = Duration.ZERO;
        debt = 0;
        return this;
    }

    /** @return the share of requests that fail. */
    public synchronized double errorRatio() {
        return errorRatio;
    }

    /** @return the latency added to each request. */
    public synchronized Duration extraLatency() {
        return extraLatency;
    }

    /** @return whether the next request fails; over n requests, round(n * ratio) fail, evenly spread. */
    synchronized boolean nextFails() {
        debt += errorRatio;
        if (debt >= 1 - 1e-9) {
            debt -= 1;
            return true;
        }
        return false;
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "{\"errorRatio\":%s,\"extraLatencyMs\":%d}", errorRatio,
                extraLatency.toMillis());
    }
}
