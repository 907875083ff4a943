package io.monitoringkit.examples.demo;

import io.monitoringkit.examples.checkout.Ticker;
import java.time.Duration;

/**
 * The service's time source in the demo: real {@link System#nanoTime()}, except that injected latency is added to
 * the handling thread's time instead of being slept. The latency histogram records the spike exactly as if the
 * requests had waited, without holding a thread for each slow request (which on a clock running 60 times faster
 * would need hundreds of threads).
 *
 * <pre>{@code
 * CheckoutService service = CheckoutService.builder().ticker(new SimulatedLatencyTicker()).start();
 * }</pre>
 */
public final class SimulatedLatencyTicker implements Ticker {

    private final ThreadLocal<long[]> offset = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public long nanoTime() {
        return System.nanoTime() + offset.get()[0];
    }

    @Override
    public void sleep(Duration duration) {
        offset.get()[0] += duration.toNanos();
    }
}
