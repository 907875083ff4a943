package io.monitoringkit.engine.rules;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.rules.RuleFiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEvaluatorPropertiesTest {

    static final int MINUTES = 30;

    /** Random input: three {@code up} series of 0, 1 and gaps, a {@code for}, a {@code keep_firing_for}. */
    record Input(List<String> series, int forMinutes, int keepFiringMinutes) {
        String rules() {
            return """
                    groups:
                      - name: g
                        rules:
                          - record: down_count
                            expr: count(up == 0)
                          - alert: Down
                            expr: up == 0
                            for: %dm
                            keep_firing_for: %dm
                            annotations:
                              summary: "{{ $labels.instance }} {{ $value }}"
                    """.formatted(forMinutes, keepFiringMinutes);
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<String> oneSeries = Arbitraries.of("0", "1", "_").list().ofSize(MINUTES)
                .map(l -> String.join(" ", l));
        return Combinators.combine(oneSeries.list().ofSize(3), Arbitraries.integers().between(0, 3),
                Arbitraries.of(0, 2)).as(Input::new);
    }

    private static RuleEvaluator evaluator(Input in, List<AlertTransition> transitions) {
        Storage storage = Storage.create();
        for (int i = 0; i < in.series().size(); i++) {
            storage.loadSeries("up{instance=\"i" + i + "\"}", in.series().get(i), PromDuration.ofMinutes(1));
        }
        return RuleEvaluator.builder(PromEngine.create(storage)).startTime(Instant.EPOCH)
                .listener(transitions::add).build().addRuleFile(RuleFiles.read(in.rules(), "r.yml"));
    }

    private static String written(RuleEvaluator ev) {
        QueryResult r = ev.engine().query("{__name__=~\"ALERTS.*|down_count\"}[" + (MINUTES + 5) + "m]",
                Instant.ofEpochSecond(60L * MINUTES));
        List<String> out = new ArrayList<>();
        for (Series s : ((QueryResult.Matrix) r).series()) {
            out.add(s.labels() + " " + java.util.Arrays.toString(s.timestamps()) + " "
                    + java.util.Arrays.toString(s.values()));
        }
        return String.join("\n", out);
    }

    @Property(tries = 25)
    void advancingInArbitraryStepsEqualsEvaluatingEveryInterval(@ForAll("inputs") Input in,
            @ForAll("cuts") List<Integer> cutSeconds) {
        List<AlertTransition> stepwise = new ArrayList<>();
        RuleEvaluator a = evaluator(in, stepwise);
        for (int m = 0; m < MINUTES; m++) {
            a.evaluate(Instant.ofEpochSecond(60L * m));
        }
        List<AlertTransition> advanced = new ArrayList<>();
        RuleEvaluator b = evaluator(in, advanced);
        for (int s : cutSeconds.stream().sorted().toList()) {
            b.advanceTo(Instant.ofEpochSecond(s));
        }
        b.advanceTo(Instant.ofEpochSecond(60L * (MINUTES - 1)));

        assertThat(b.alerts()).isEqualTo(a.alerts());
        assertThat(advanced).isEqualTo(stepwise);
        assertThat(written(b)).isEqualTo(written(a));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 60 * (MINUTES - 1)).list().ofMaxSize(8);
    }

    @Property(tries = 25)
    void alertStatesAgreeWithForActiveTimesAndTheWrittenSeries(@ForAll("inputs") Input in) {
        RuleEvaluator ev = evaluator(in, new ArrayList<>());
        Duration hold = Duration.ofMinutes(in.forMinutes());
        for (int m = 0; m < MINUTES; m++) {
            Instant t = Instant.ofEpochSecond(60L * m);
            assertThat(ev.evaluate(t)).isEmpty();
            for (Alert alert : ev.alerts()) {
                switch (alert.state()) {
                    case PENDING -> assertThat(alert.activeFor(t)).isLessThan(hold);
                    case FIRING -> {
                        assertThat(Duration.between(alert.activeAt(), alert.firedAt().orElseThrow()))
                                .isGreaterThanOrEqualTo(hold);
                        assertThat(alert.resolvedAt()).isEmpty();
                    }
                    case INACTIVE -> assertThat(alert.resolvedAt()).isPresent();
                    default -> throw new AssertionError(alert);
                }
            }
            String active = ev.alerts().stream().filter(Alert::isActive)
                    .map(x -> x.label("instance") + "=" + x.state().label() + "@" + x.activeAt().getEpochSecond())
                    .sorted().collect(Collectors.joining(","));
            QueryResult.Vector alerts = ev.engine().query("ALERTS", t).asVector();
            QueryResult.Vector forState = ev.engine().query("ALERTS_FOR_STATE", t).asVector();
            List<String> fromSeries = new ArrayList<>();
            for (int i = 0; i < alerts.size(); i++) {
                String instance = alerts.labels(i).getOrEmpty("instance");
                double since = forState.valueOf(alerts.labels(i).without("alertstate")
                        .with("__name__", "ALERTS_FOR_STATE")).orElseThrow();
                fromSeries.add(instance + "=" + alerts.labels(i).getOrEmpty("alertstate") + "@" + (long) since);
            }
            assertThat(fromSeries.stream().sorted().collect(Collectors.joining(","))).as("at %s", t)
                    .isEqualTo(active);
        }
    }
}
