package io.monitoringkit.examples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the view has seen so far: each panel's newest value and its timeline, each alert's state, the state changes
 * and the firing episodes for the summary. {@link #update} takes one step's query results; {@link #frame} turns the
 * state into a {@link Frame}.
 *
 * <pre>{@code
 * ViewState view = new ViewState(List.of(new ViewState.PanelSpec("error ratio", Unit.RATIO)),
 *         List.of("HighErrorRatio"), Duration.ofMinutes(30));
 * List<ViewState.Transition> changes = view.update(Duration.ofMinutes(11),
 *         Map.of("error ratio", OptionalDouble.of(0.12)), Map.of("HighErrorRatio", AlertState.PENDING));
 * }</pre>
 */
public final class ViewState {

    /**
     * A panel: its label and unit.
     *
     * <pre>{@code
     * new ViewState.PanelSpec("p99 latency", Unit.SECONDS);
     * }</pre>
     *
     * @param label what it is
     * @param unit  how to format it
     */
    public record PanelSpec(String label, Unit unit) {
        /** Checks for null. */
        public PanelSpec {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * A change of an alert's state seen by the view.
     *
     * <pre>{@code
     * new ViewState.Transition(Duration.ofMinutes(12), "HighErrorRatio", AlertState.PENDING, AlertState.FIRING);
     * }</pre>
     *
     * @param at    service time of the step that saw it
     * @param alert alert name
     * @param from  state before
     * @param to    state after
     */
    public record Transition(Duration at, String alert, AlertState from, AlertState to) {
    }

    /**
     * One stretch of time an alert was active (pending, then maybe firing).
     *
     * <pre>{@code
     * episode.firingFor();   // Optional[PT7M45S] once it fired and resolved
     * }</pre>
     *
     * @param alert    alert name
     * @param pending  when the view first saw it pending (or firing)
     * @param firing   when the view first saw it firing
     * @param ended    when the view saw it inactive again; empty while it lasts
     */
    public record Episode(String alert, Duration pending, Optional<Duration> firing, Optional<Duration> ended) {
        /** How long it fired, up to {@code ended} or, while it lasts, {@code now}. */
        public Optional<Duration> firingFor(Duration now) {
            return firing.map(f -> ended.orElse(now).minus(f));
        }
    }

    private final List<PanelSpec> panels;
    private final Duration total;
    private final double[][] panelColumns;
    private final OptionalDouble[] values;
    private final Map<String, Track> alerts = new LinkedHashMap<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<Episode> episodes = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private int lastColumn = -1;

    /** A view of {@code panels} and {@code alertNames} over a run of {@code total} service time. */
    public ViewState(List<PanelSpec> panels, List<String> alertNames, Duration total) {
        this.panels = List.copyOf(panels);
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException(total + ": the run's total service time must be positive");
        }
        this.total = total;
        this.panelColumns = new double[this.panels.size()][FrameRenderer.TIMELINE];
        for (double[] c : panelColumns) {
            Arrays.fill(c, Double.NaN);
        }
        this.values = new OptionalDouble[this.panels.size()];
        Arrays.fill(values, OptionalDouble.empty());
        for (String name : alertNames) {
            alerts.put(name, new Track());
        }
    }

    /**
     * Takes one step: the panels' values (by label; a missing label means the query returned nothing) and the
     * active alerts (pending or firing, by name; absent means no {@code ALERTS} series). Alerts not known at
     * construction are added in order of appearance.
     *
     * @return the state changes of this step
     */
    public List<Transition> update(Duration elapsed, Map<String, OptionalDouble> panelValues,
                                   Map<String, AlertState> active) {
        now = elapsed;
        int column = column(elapsed);
        for (Map.Entry<String, AlertState> e : active.entrySet()) {
            if (!e.getValue().active()) {
                throw new IllegalArgumentException(e.getValue() + ": active alerts are PENDING or FIRING");
            }
            alerts.computeIfAbsent(e.getKey(), k -> new Track());
        }
        // columns skipped since the last step (a very fast clock) keep each alert's previous state
        for (Track t : alerts.values()) {
            for (int c = lastColumn + 1; c < column; c++) {
                t.columns[c] = t.state;
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            OptionalDouble v = panelValues.getOrDefault(panels.get(i).label(), OptionalDouble.empty());
            values[i] = v;
            panelColumns[i][column] = v.isPresent() ? v.getAsDouble() : Double.NaN;
        }
        List<Transition> changes = new ArrayList<>();
        for (Map.Entry<String, Track> e : alerts.entrySet()) {
            String name = e.getKey();
            Track t = e.getValue();
            AlertState raw = active.get(name);
            AlertState next = raw != null ? raw
                    : t.state == AlertState.FIRING || t.state == AlertState.RESOLVED ? AlertState.RESOLVED
                    : AlertState.INACTIVE;
            if (next != t.state) {
                changes.add(new Transition(elapsed, name, t.state, next));
                episode(name, t, next, elapsed);
                t.state = next;
                t.since = Optional.of(elapsed);
            }
            AlertState col = t.columns[column];
            t.columns[column] = col == null || severity(next) > severity(col) ? next : col;
        }
        lastColumn = Math.max(lastColumn, column);
        transitions.addAll(changes);
        return changes;
    }

    private void episode(String name, Track t, AlertState next, Duration at) {
        if (next.active() && !t.state.active()) {
            episodes.add(new Episode(name, at, next == AlertState.FIRING ? Optional.of(at) : Optional.empty(),
                    Optional.empty()));
            t.episode = episodes.size() - 1;
        } else if (next == AlertState.FIRING) {
            Episode ep = episodes.get(t.episode);
            episodes.set(t.episode, new Episode(name, ep.pending(), Optional.of(at), Optional.empty()));
        } else if (!next.active() && t.state.active()) {
            Episode ep = episodes.get(t.episode);
            episodes.set(t.episode, new Episode(name, ep.pending(), ep.firing(), Optional.of(at)));
        }
    }

    private static int severity(AlertState s) {
        return switch (s) {
            case INACTIVE, RESOLVED -> 0;
            case PENDING -> 1;
            case FIRING -> 2;
        };
    }

    private int column(Duration elapsed) {
        long c = elapsed.toMillis() * FrameRenderer.TIMELINE / total.toMillis();
        return (int) Math.max(0, Math.min(FrameRenderer.TIMELINE - 1, c));
    }

    /** The frame for the state now. */
    public Frame frame(String title, String subtitle, String phase, String footer) {
        List<Frame.Panel> ps = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            List<Double> cols = new ArrayList<>();
            for (int c = 0; c <= lastColumn; c++) {
                cols.add(panelColumns[i][c]);
            }
            ps.add(new Frame.Panel(panels.get(i).label(), panels.get(i).unit(), values[i], cols));
        }
        List<Frame.AlertRow> rows = new ArrayList<>();
        for (Map.Entry<String, Track> e : alerts.entrySet()) {
            Track t = e.getValue();
            List<AlertState> cols = new ArrayList<>();
            for (int c = 0; c <= lastColumn; c++) {
                cols.add(t.columns[c] == null ? AlertState.INACTIVE : t.columns[c]);
            }
            rows.add(new Frame.AlertRow(e.getKey(), t.state, t.since, cols));
        }
        return new Frame(title, subtitle, now, total, phase, ps, rows, footer);
    }

    /** The newest value of the panel labelled {@code label}. */
    public OptionalDouble value(String label) {
        for (int i = 0; i < panels.size(); i++) {
            if (panels.get(i).label().equals(label)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("'" + label + "': no such panel; the panels are " + panels);
    }

    /** Every alert's state now, in order. */
    public Map<String, AlertState> states() {
        Map<String, AlertState> m = new LinkedHashMap<>();
        alerts.forEach((k, v) -> m.put(k, v.state));
        return m;
    }

    /** Every state change so far. */
    public List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /** Every active stretch so far, in order of start. */
    public List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** Service time of the newest step. */
    public Duration now() {
        return now;
    }

    /** The panels. */
    public List<PanelSpec> panels() {
        return panels;
    }

    private static final class Track {
        AlertState state = AlertState.INACTIVE;
        Optional<Duration> since = Optional.empty();
        final AlertState[] columns = new AlertState[FrameRenderer.TIMELINE];
        int episode = -1;
    }
}
