package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ViewStateTest {

    private static final Duration M = Duration.ofMinutes(1);

    private static ViewState view() {
        return new ViewState(List.of(new ViewState.PanelSpec("error ratio", Unit.RATIO)), List.of("A", "B"),
                Duration.ofMinutes(30));
    }

    @Test
    void reportsEachStateChangeOnceWithItsTime() {
        ViewState v = view();
        assertThat(v.update(M, Map.of(), Map.of())).isEmpty();

        assertThat(v.update(M.multipliedBy(2), Map.of(), Map.of("A", AlertState.PENDING))).containsExactly(
                new ViewState.Transition(M.multipliedBy(2), "A", AlertState.INACTIVE, AlertState.PENDING));
        assertThat(v.update(M.multipliedBy(3), Map.of(), Map.of("A", AlertState.PENDING))).isEmpty();
        assertThat(v.update(M.multipliedBy(4), Map.of(), Map.of("A", AlertState.FIRING))).containsExactly(
                new ViewState.Transition(M.multipliedBy(4), "A", AlertState.PENDING, AlertState.FIRING));
        assertThat(v.states()).containsExactly(Map.entry("A", AlertState.FIRING), Map.entry("B", AlertState.INACTIVE));
    }

    @Test
    void aFiredAlertWithoutSeriesIsResolvedAndAPendingOneIsInactiveAgain() {
        ViewState v = view();
        v.update(M, Map.of(), Map.of("A", AlertState.FIRING, "B", AlertState.PENDING));

        List<ViewState.Transition> changes = v.update(M.multipliedBy(2), Map.of(), Map.of());

        assertThat(changes).extracting(ViewState.Transition::alert, ViewState.Transition::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", AlertState.RESOLVED),
                        org.assertj.core.groups.Tuple.tuple("B", AlertState.INACTIVE));
        assertThat(v.update(M.multipliedBy(3), Map.of(), Map.of())).isEmpty();
        assertThat(v.update(M.multipliedBy(4), Map.of(), Map.of("A", AlertState.PENDING)))
                .extracting(ViewState.Transition::from).containsExactly(AlertState.RESOLVED);
    }

    @Test
    void recordsEpisodesForTheSummary() {
        ViewState v = view();
        v.update(M.multipliedBy(10), Map.of(), Map.of("A", AlertState.PENDING, "B", AlertState.PENDING));
        v.update(M.multipliedBy(12), Map.of(), Map.of("A", AlertState.FIRING));
        v.update(M.multipliedBy(19), Map.of(), Map.of());
        v.update(M.multipliedBy(20), Map.of(), Map.of("A", AlertState.FIRING));

        assertThat(v.episodes()).containsExactly(
                new ViewState.Episode("A", M.multipliedBy(10), Optional.of(M.multipliedBy(12)),
                        Optional.of(M.multipliedBy(19))),
                new ViewState.Episode("B", M.multipliedBy(10), Optional.empty(), Optional.of(M.multipliedBy(12))),
                new ViewState.Episode("A", M.multipliedBy(20), Optional.of(M.multipliedBy(20)), Optional.empty()));
        assertThat(v.episodes().get(0).firingFor(M.multipliedBy(30))).contains(M.multipliedBy(7));
        assertThat(v.episodes().get(2).firingFor(M.multipliedBy(30))).contains(M.multipliedBy(10));
    }

    @Test
    void keepsOneTimelineColumnPerThirtiethOfTheRunWithTheWorstStateAndTheNewestValue() {
        ViewState v = view();   // 30 minutes: one column per minute
        v.update(Duration.ofSeconds(0), Map.of("error ratio", OptionalDouble.of(0.5)), Map.of());
        v.update(Duration.ofSeconds(15), Map.of("error ratio", OptionalDouble.of(0.25)),
                Map.of("A", AlertState.PENDING));
        v.update(Duration.ofSeconds(30), Map.of(), Map.of());
        v.update(Duration.ofSeconds(60), Map.of("error ratio", OptionalDouble.of(0.125)), Map.of());
        // a step far ahead (a slow machine): the columns in between keep the alerts' state, panels have no data
        v.update(Duration.ofMinutes(4), Map.of("error ratio", OptionalDouble.of(1)), Map.of("A", AlertState.FIRING));
        v.update(Duration.ofMinutes(45), Map.of(), Map.of("A", AlertState.FIRING));

        Frame f = v.frame("t", "s", "p", "f");
        Frame.Panel p = f.panels().get(0);
        assertThat(p.value()).isEmpty();
        assertThat(p.columns()).hasSize(30);
        assertThat(p.columns().subList(0, 5)).containsExactly(Double.NaN, 0.125, Double.NaN, Double.NaN, 1.0);
        assertThat(f.alerts().get(0).columns().subList(0, 6)).containsExactly(AlertState.PENDING,
                AlertState.INACTIVE, AlertState.INACTIVE, AlertState.INACTIVE, AlertState.FIRING, AlertState.FIRING);
        assertThat(f.elapsed()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void addsAlertsItDidNotKnowAndRefusesInactiveOnes() {
        ViewState v = view();
        v.update(M, Map.of(), Map.of("C", AlertState.PENDING));
        assertThat(v.states()).containsOnlyKeys("A", "B", "C");

        assertThatThrownBy(() -> v.update(M, Map.of(), Map.of("A", AlertState.RESOLVED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RESOLVED: active alerts are PENDING or FIRING");
        assertThatThrownBy(() -> v.value("nope")).hasMessageStartingWith("'nope': no such panel; the panels are [");
    }
}
