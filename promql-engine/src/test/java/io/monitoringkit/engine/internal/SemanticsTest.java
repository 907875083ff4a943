package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.PromQL;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PromQL semantics the engine must get right, with our own small data sets. */
class SemanticsTest {

    private static final SeriesStore STORE = store();

    private static SeriesStore store() {
        SeriesStore s = new SeriesStore();
        Loader.loadBlock(s, """
                load 1m
                  errors_total{job="api", instance="a"} 0+2x20
                  errors_total{job="api", instance="b"} 0+4x20
                  requests_total{job="api", instance="a"} 0+20x20
                  requests_total{job="api", instance="b"} 0+20x20
                  build_info{job="api", instance="a", version="1.2"} 1x20
                  build_info{job="api", instance="b", version="1.3"} 1x20
                  temp{room="x"} 3 1 4 1 5 9 2 6
                """);
        return s;
    }

    private static Map<String, Double> at(String q, long seconds) {
        EvalResult r = QueryRunner.instant(STORE, EngineOptions.DEFAULTS, PromQL.parse(q), seconds * 1000);
        Map<String, Double> out = new TreeMap<>();
        if (r instanceof EvalResult.ScalarResult s) {
            out.put("scalar", s.v());
            return out;
        }
        for (EvalResult.Point p : ((EvalResult.VectorResult) r).samples()) {
            out.put(p.metric().toString(), p.v());
        }
        return out;
    }

    private static List<String> ordered(String q, long seconds) {
        EvalResult r = QueryRunner.instant(STORE, EngineOptions.DEFAULTS, PromQL.parse(q), seconds * 1000);
        return ((EvalResult.VectorResult) r).samples().stream().map(p -> p.metric().toString()).toList();
    }

    @Test
    void groupLeftCopiesLabelsFromTheOneSide() {
        assertThat(at("errors_total * on (instance) group_left (version) build_info", 600)).containsExactly(
                Map.entry("{instance=\"a\", job=\"api\", version=\"1.2\"}", 20.0),
                Map.entry("{instance=\"b\", job=\"api\", version=\"1.3\"}", 40.0));
    }

    @Test
    void comparisonsFilterAndKeepTheNameUnlessBool() {
        assertThat(at("errors_total > 25", 600)).containsOnlyKeys(
                "{__name__=\"errors_total\", instance=\"b\", job=\"api\"}");
        assertThat(at("errors_total > bool 25", 600)).containsExactly(
                Map.entry("{instance=\"a\", job=\"api\"}", 0.0), Map.entry("{instance=\"b\", job=\"api\"}", 1.0));
    }

    @Test
    void setOperatorsMatchOnLabelsWithoutTheName() {
        assertThat(at("errors_total and on (instance) build_info{version=\"1.3\"}", 600))
                .containsOnlyKeys("{__name__=\"errors_total\", instance=\"b\", job=\"api\"}");
        assertThat(at("errors_total unless requests_total", 600)).isEmpty();
        assertThat(at("temp or errors_total{instance=\"a\"}", 60)).hasSize(2);
    }

    @Test
    void aggregationsWithoutDropTheNameAndTopkKeepsIt() {
        assertThat(at("sum without (instance) (errors_total)", 600))
                .containsExactly(Map.entry("{job=\"api\"}", 60.0));
        assertThat(ordered("topk(2, errors_total)", 600)).containsExactly(
                "{__name__=\"errors_total\", instance=\"b\", job=\"api\"}",
                "{__name__=\"errors_total\", instance=\"a\", job=\"api\"}");
        assertThat(at("count_values(\"v\", build_info)", 600)).containsExactly(Map.entry("{v=\"1\"}", 2.0));
    }

    @Test
    void subqueryStepsAreAlignedToAbsoluteMultiplesOfTheStep() {
        // temp at 0..7m: 3 1 4 1 5 9 2 6; [3m:2m] at 7m30s evaluates at 6m (the window (4m30s, 7m30s])
        assertThat(at("count_over_time(temp[3m:2m])", 450)).containsExactly(Map.entry("{room=\"x\"}", 1.0));
        assertThat(at("max_over_time(temp[5m:1m])", 420)).containsExactly(Map.entry("{room=\"x\"}", 9.0));
    }

    @Test
    void atModifierPinsTheEvaluationTimeAndStartEndReferToTheQuery() {
        assertThat(at("temp @ 300", 0)).containsExactly(Map.entry("{__name__=\"temp\", room=\"x\"}", 9.0));
        assertThat(at("temp @ end()", 120)).containsExactly(Map.entry("{__name__=\"temp\", room=\"x\"}", 4.0));
        assertThat(at("temp offset 1m @ 300", 0)).containsExactly(Map.entry("{__name__=\"temp\", room=\"x\"}", 5.0));
    }

    @Test
    void labelReplaceExpandsGoTemplatesAndAbsentDerivesLabels() {
        assertThat(at("label_replace(temp, \"r\", \"$1-${1}x$1y\", \"room\", \"(.*)\")", 0)).containsOnlyKeys(
                "{__name__=\"temp\", r=\"x-xx\", room=\"x\"}");
        assertThat(at("absent(nope{job=\"a\", env=~\"p.*\"})", 0)).containsExactly(Map.entry("{job=\"a\"}", 1.0));
    }

    @Test
    void duplicateLabelSetsAfterNameRemovalAreAnError() {
        assertThatThrownBy(() -> at("ceil({__name__=~\"errors_total|requests_total\", instance=\"a\"})", 60))
                .hasMessage("vector cannot contain metrics with the same labelset");
    }

    @Test
    void oneToOneMatchingWithManyOnTheLeftNeedsGroupLeft() {
        assertThatThrownBy(() -> at("errors_total / on (job) group_right sum by (job) (requests_total)", 60))
                .hasMessageStartingWith("found duplicate series for the match group {job=\"api\"} on the left hand-side");
        assertThatThrownBy(() -> at("errors_total / on (job) sum by (job) (requests_total)", 60))
                .hasMessage("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        assertThat(at("errors_total / on (job) group_left sum by (job) (requests_total)", 60)).hasSize(2);
    }

    @Test
    void scalarAndTimeFunctions() {
        assertThat(at("scalar(temp) * 2", 120)).containsExactly(Map.entry("scalar", 8.0));
        assertThat(at("scalar(errors_total)", 120).get("scalar")).isNaN();
        assertThat(at("time()", 90)).containsExactly(Map.entry("scalar", 90.0));
        assertThat(at("hour(vector(7200 + 59))", 0)).containsExactly(Map.entry("{}", 2.0));
        assertThat(Labels.empty().toString()).isEqualTo("{}");
    }
}
