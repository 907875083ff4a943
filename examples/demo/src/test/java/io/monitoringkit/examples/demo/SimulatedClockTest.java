package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();

    private SimulatedClock clock(Speed speed) {
        return SimulatedClock.start(ORIGIN, speed, nanos::get, n -> {
            sleeps.add(n);
            nanos.addAndGet(n);
        });
    }

    @Test
    void aStepOfFifteenSecondsIsDueAQuarterOfASecondLaterByDefault() {
        SimulatedClock clock = clock(Speed.DEFAULT);
        assertThat(clock.instant()).isEqualTo(ORIGIN);

        nanos.addAndGet(100_000_000L);   // the step's work took 100 ms
        assertThat(clock.advanceTo(ORIGIN.plusSeconds(15))).isTrue();

        assertThat(sleeps).containsExactly(150_000_000L);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:15Z"));
        assertThat(clock.millis()).isEqualTo(ORIGIN.toEpochMilli() + 15_000);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(15));
        assertThat(clock.late()).isZero();
    }

    @Test
    void aLateStepStretchesServiceTimeInsteadOfSkippingAndTheNextIsPacedFromThere() {
        SimulatedClock clock = clock(Speed.parse("5m"));   // 15 s of service time = 50 ms

        nanos.addAndGet(80_000_000L);                      // the first step took 80 ms: 30 ms late
        assertThat(clock.advanceTo(ORIGIN.plusSeconds(15))).isTrue();
        assertThat(sleeps).isEmpty();
        assertThat(clock.late()).isEqualTo(Duration.ofMillis(30));

        nanos.addAndGet(10_000_000L);                      // the next took 10 ms: 40 ms to wait, not a rush
        clock.advanceTo(ORIGIN.plusSeconds(30));
        assertThat(sleeps).containsExactly(40_000_000L);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void convertsBetweenRealAndServiceTime() {
        SimulatedClock clock = clock(Speed.parse("5m"));

        assertThat(clock.toReal(Duration.ofMinutes(2))).isEqualTo(Duration.ofMillis(400));
        assertThat(clock.toService(Duration.ofSeconds(6))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aCancelledClockStopsWaitingAndStaysWhereItWas() {
        SimulatedClock[] holder = new SimulatedClock[1];
        holder[0] = SimulatedClock.start(ORIGIN, Speed.DEFAULT, nanos::get, n -> holder[0].cancel());

        assertThat(holder[0].advanceTo(ORIGIN.plusSeconds(15))).isFalse();
        assertThat(holder[0].instant()).isEqualTo(ORIGIN);
        assertThat(holder[0].advanceTo(ORIGIN)).isFalse();
    }

    @Test
    void neverGoesBackAndIsAlwaysInUtc() {
        SimulatedClock clock = clock(Speed.DEFAULT);
        clock.advanceTo(ORIGIN.plusSeconds(15));

        assertThatThrownBy(() -> clock.advanceTo(ORIGIN))
                .hasMessage("2026-01-01T00:00:00Z: before the clock's current time 2026-01-01T00:00:15Z");
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThatThrownBy(() -> clock.withZone(java.time.ZoneId.of("Europe/Paris")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(clock.toString())
                .isEqualTo("SimulatedClock[1s = 1m from 2026-01-01T00:00:00Z, at 2026-01-01T00:00:15Z]");
    }
}
