package io.monitoringkit.examples.checkout;

import java.time.Duration;

/**
 * The service's time source: how it measures request durations and how it waits for injected latency. The
 * default is the real clock; a demo running on a simulated clock can pass its own, so that injected latency is
 * recorded without holding a thread for it.
 *
 * <pre>{@code
 * CheckoutService service = CheckoutService.builder().port(0).ticker(Ticker.system()).start();
 * }</pre>
 */
public interface Ticker {

    /** @return a monotonic time in nanoseconds. */
    long nanoTime();

    /** Waits for {@code duration} (or makes {@link #nanoTime()} look as if it had). */
    void sleep(Duration duration) throws InterruptedException;

    /** @return the real clock: {@link System#nanoTime()} and {@link Thread#sleep(long)}. */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}

enum SystemTicker implements Ticker {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}
