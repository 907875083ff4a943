package io.monitoringkit.examples.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One picture of the live view: everything {@link FrameRenderer} draws, as plain values (so frames are pinned in
 * tests for given numbers).
 *
 * <pre>{@code
 * Frame frame = new Frame("monitoring-kit demo", "in-process engine", Duration.ofMinutes(3),
 *         Duration.ofMinutes(30), "steady traffic", List.of(), List.of(), "Ctrl-C stops");
 * }</pre>
 *
 * @param title    first line
 * @param subtitle second line
 * @param elapsed  service time since the start
 * @param total    service time of the whole run
 * @param phase    what the traffic is doing now
 * @param panels   the numbers, each with its sparkline
 * @param alerts   every alerting rule, in rule-file order
 * @param footer   last line
 */
public record Frame(String title, String subtitle, Duration elapsed, Duration total, String phase,
                    List<Panel> panels, List<AlertRow> alerts, String footer) {

    /** Copies the lists. */
    public Frame {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(phase, "phase");
        panels = List.copyOf(panels);
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(footer, "footer");
    }

    /**
     * A number of the view and its history, one value per timeline column (NaN where there was no data).
     *
     * <pre>{@code
     * new Frame.Panel("error ratio", Unit.RATIO, OptionalDouble.of(0.12), List.of(0.0, 0.0, 0.12));
     * }</pre>
     *
     * @param label   what it is
     * @param unit    how to format it
     * @param value   the newest value; empty when the query returned nothing
     * @param columns the timeline so far, oldest first
     */
    public record Panel(String label, Unit unit, OptionalDouble value, List<Double> columns) {
        /** Copies the columns. */
        public Panel {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(value, "value");
            columns = List.copyOf(columns);
        }
    }

    /**
     * One alerting rule: its state now, since when, and its state in each timeline column so far.
     *
     * <pre>{@code
     * new Frame.AlertRow("HighErrorRatio", AlertState.PENDING, Optional.of(Duration.ofMinutes(11)),
     *         List.of(AlertState.INACTIVE, AlertState.PENDING));
     * }</pre>
     *
     * @param name    the alert name
     * @param state   its state now
     * @param since   service time at which it entered this state; empty for inactive from the start
     * @param columns the most severe state seen in each column so far, oldest first
     */
    public record AlertRow(String name, AlertState state, Optional<Duration> since, List<AlertState> columns) {
        /** Copies the columns. */
        public AlertRow {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(since, "since");
            columns = List.copyOf(columns);
        }
    }
}
