package io.monitoringkit.examples.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What happens to the service during the run, in service time: steady traffic, a latency spike, an error burst
 * overlapping it, then recovery. The incident sits at fixed service times (latency from 9 to 14 minutes, errors
 * from 10 to 17) so that {@code for: 2m}, the 5-minute rates and the SLO windows play out in a 30-minute run and
 * longer runs show the long windows letting go; runs shorter than 30 minutes squeeze it proportionally.
 *
 * <pre>{@code
 * Scenario s = Scenario.standard(Duration.ofMinutes(30));
 * s.at(Duration.ofMinutes(12)).errorRatio();   // 0.12
 * }</pre>
 */
public final class Scenario {

    /**
     * One stretch of the run.
     *
     * <pre>{@code
     * new Scenario.Phase("steady", Duration.ZERO, Duration.ofMinutes(9), 0.0005, Duration.ZERO);
     * }</pre>
     *
     * @param name         what the view shows
     * @param from         service time it starts at
     * @param to           service time it ends at (exclusive)
     * @param errorRatio   share of requests the service fails (503)
     * @param extraLatency latency the service adds to each request
     */
    public record Phase(String name, Duration from, Duration to, double errorRatio, Duration extraLatency) {
        /** Checks the values. */
        public Phase {
            Objects.requireNonNull(name, "name");
            if (errorRatio < 0 || errorRatio > 1) {
                throw new IllegalArgumentException(errorRatio + ": the error ratio must be between 0 and 1");
            }
        }

        /** {@code "error burst: 12% of requests fail, +300 ms latency"}. */
        public String describe() {
            StringBuilder sb = new StringBuilder(name);
            String sep = ": ";
            if (errorRatio >= 0.01) {
                sb.append(sep).append(String.format(Locale.ROOT, "%.0f%% of requests fail", errorRatio * 100));
                sep = ", ";
            }
            if (!extraLatency.isZero()) {
                sb.append(sep).append('+').append(extraLatency.toMillis()).append(" ms latency");
            }
            return sb.toString();
        }
    }

    /** The baseline error ratio: well inside a 99.9% SLO's budget (0.1%). */
    static final double BASELINE_ERRORS = 0.0002;
    /** The burst's error ratio. */
    static final double BURST_ERRORS = 0.12;
    /** The spike's extra latency. */
    static final Duration SPIKE_LATENCY = Duration.ofMillis(300);
    /** The run length the standard timeline is laid out for. */
    static final Duration REFERENCE = Duration.ofMinutes(30);

    private final List<Phase> phases;
    private final Duration total;

    private Scenario(List<Phase> phases, Duration total) {
        this.phases = List.copyOf(phases);
        this.total = total;
    }

    /** The standard incident for a run of {@code total} service time. */
    public static Scenario standard(Duration total) {
        double scale = total.compareTo(REFERENCE) >= 0 ? 1 : (double) total.toMillis() / REFERENCE.toMillis();
        Duration m9 = minutes(9, scale);
        Duration m10 = minutes(10, scale);
        Duration m14 = minutes(14, scale);
        Duration m17 = minutes(17, scale);
        Duration end = total.plusDays(1);
        return new Scenario(List.of(
                new Phase("steady traffic", Duration.ZERO, m9, BASELINE_ERRORS, Duration.ZERO),
                new Phase("latency spike", m9, m10, BASELINE_ERRORS, SPIKE_LATENCY),
                new Phase("error burst", m10, m14, BURST_ERRORS, SPIKE_LATENCY),
                new Phase("error burst", m14, m17, BURST_ERRORS, Duration.ZERO),
                new Phase("recovered", m17, end, BASELINE_ERRORS, Duration.ZERO)), total);
    }

    private static Duration minutes(int m, double scale) {
        return Duration.ofMillis(Math.round(m * 60_000 * scale));
    }

    /** The phase at {@code elapsed} service time. */
    public Phase at(Duration elapsed) {
        for (Phase p : phases) {
            if (elapsed.compareTo(p.to()) < 0) {
                return p;
            }
        }
        return phases.get(phases.size() - 1);
    }

    /** Every phase, in order. */
    public List<Phase> phases() {
        return phases;
    }

    /** The run's length in service time. */
    public Duration total() {
        return total;
    }
}
