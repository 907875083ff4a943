package io.monitoringkit.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Service time, moved forward by the demo step by step and paced by the wall clock: with speed 60, a step of 15 s
 * of service time is due 250 ms after the previous one, so one real second is one minute. The clock never runs
 * ahead of the demo: when a step takes longer than its share of real time (a busy machine), service time waits
 * for it instead of skipping scrapes and evaluations, and the pace starts again from there without rushing.
 *
 * <p>It is the in-process engine's clock: every scrape, rule evaluation and query of a step happens at the same
 * service instant.
 *
 * <pre>{@code
 * SimulatedClock clock = SimulatedClock.start(Instant.parse("2026-01-01T00:00:00Z"), Speed.parse("1m"));
 * PromEngine engine = PromEngine.builder(storage).clock(clock).build();   // "now" is service time
 * clock.advanceTo(clock.origin().plusSeconds(15));                        // returns about 250 ms later
 * }</pre>
 */
public final class SimulatedClock extends Clock {

    /**
     * How the clock waits for real time to pass; {@link #PARK} by default, tests pass a fake.
     *
     * <pre>{@code
     * SimulatedClock.Sleeper sleeper = nanos -> fakeNanos.addAndGet(nanos);
     * }</pre>
     */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits about {@code nanos} nanoseconds (returning early is allowed: the clock checks again). */
        void sleep(long nanos);

        /** Parks the calling thread; {@link LockSupport#unpark} wakes it early. */
        Sleeper PARK = LockSupport::parkNanos;
    }

    private final Instant origin;
    private final double factor;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private volatile Instant now;
    private volatile boolean cancelled;
    private Instant anchor;
    private long anchorNanos;
    private long lateNanos;

    private SimulatedClock(Instant origin, Speed speed, LongSupplier nanoTime, Sleeper sleeper) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.factor = speed.factor();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.now = origin;
        this.anchor = origin;
        this.anchorNanos = nanoTime.getAsLong();
    }

    /** Starts a clock at {@code origin} now, running at {@code speed}. */
    public static SimulatedClock start(Instant origin, Speed speed) {
        return new SimulatedClock(origin, speed, System::nanoTime, Sleeper.PARK);
    }

    /** Starts a clock at {@code origin} that reads and waits for real time with the given functions (tests). */
    public static SimulatedClock start(Instant origin, Speed speed, LongSupplier nanoTime, Sleeper sleeper) {
        return new SimulatedClock(origin, speed, nanoTime, sleeper);
    }

    /** The service time this clock started at. */
    public Instant origin() {
        return origin;
    }

    /** Service time elapsed since the start. */
    public Duration elapsed() {
        return Duration.between(origin, now);
    }

    /** The current step's service time. */
    @Override
    public Instant instant() {
        return now;
    }

    /**
     * Moves service time to {@code time}, first waiting until it is due on the wall clock. When it is already
     * overdue (the previous step took too long), it moves at once and paces the next steps from here.
     *
     * @return false when {@link #cancel()} stopped the wait (the clock did not move)
     * @throws IllegalArgumentException when {@code time} is before the clock's time
     */
    public boolean advanceTo(Instant time) {
        if (time.isBefore(now)) {
            throw new IllegalArgumentException(time + ": before the clock's current time " + now);
        }
        long due = anchorNanos + toReal(Duration.between(anchor, time)).toNanos();
        long wait;
        while ((wait = due - nanoTime.getAsLong()) > 0) {
            if (cancelled) {
                return false;
            }
            sleeper.sleep(wait);
        }
        if (cancelled) {
            return false;
        }
        if (wait < 0) {
            // late: service time waited for the demo; pace the next steps from now instead of rushing to catch up
            lateNanos -= wait;
            anchor = time;
            anchorNanos = nanoTime.getAsLong();
        }
        now = time;
        return true;
    }

    /** Makes a waiting (and every later) {@link #advanceTo} return false; wake the waiting thread to hurry it. */
    public void cancel() {
        cancelled = true;
    }

    /** Real time the steps have been late in total: how much longer than planned the run took. */
    public Duration late() {
        return Duration.ofNanos(lateNanos);
    }

    /** The real time it takes for {@code serviceTime} to pass on this clock. */
    public Duration toReal(Duration serviceTime) {
        return Duration.ofNanos(Math.round(serviceTime.toNanos() / factor));
    }

    /** The service time that passes on this clock during {@code realTime}. */
    public Duration toService(Duration realTime) {
        return Duration.ofNanos(Math.round(realTime.toNanos() * factor));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is always in UTC");
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + Speed.of(factor) + " from " + origin + ", at " + now + "]";
    }
}
