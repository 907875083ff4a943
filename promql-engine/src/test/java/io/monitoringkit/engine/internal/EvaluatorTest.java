package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.InstantVectorExpr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.monitoringkit.promql.PromQL.histogramQuantile;
import static io.monitoringkit.promql.PromQL.increase;
import static io.monitoringkit.promql.PromQL.label;
import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.minutes;
import static io.monitoringkit.promql.PromQL.rate;
import static io.monitoringkit.promql.PromQL.seconds;
import static io.monitoringkit.promql.PromQL.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {

    private static SeriesStore load(String block) {
        SeriesStore s = new SeriesStore();
        Loader.loadBlock(s, block);
        return s;
    }

    private static List<EvalResult.Point> instant(SeriesStore s, Expr e, long t) {
        return ((EvalResult.VectorResult) QueryRunner.instant(s, EngineOptions.DEFAULTS, e, t)).samples();
    }

    @Test
    void instantSelectorTakesTheNewestSampleWithinTheLookbackAndDropsStaleSeries() {
        SeriesStore s = load("""
                load 1m
                  a{x="1"} 1 2 3 stale
                  a{x="2"} 1 _ _ _ _ _ _
                """);
        assertThat(instant(s, metric("a"), 120_000)).extracting(EvalResult.Point::v).containsExactly(3.0, 1.0);
        // 3m: a{x="1"} is stale; a{x="2"}'s only sample at 0 is 3m old, still within 5m
        assertThat(instant(s, metric("a"), 180_000)).extracting(p -> p.metric().getOrEmpty("x")).containsExactly("2");
        // the lookback window is left-open: a sample exactly 5m old is out
        assertThat(instant(s, metric("a").where(label("x").eq("2")), 300_000)).isEmpty();
        assertThat(instant(s, metric("a").where(label("x").eq("2")), 299_999)).hasSize(1);
    }

    @Test
    void rateExtrapolatesToTheRangeBoundariesAndHandlesCounterResets() {
        SeriesStore s = load("""
                load 1m
                  http_requests_total 0+10x10
                  resets_total 10 20 5 15
                """);
        // samples at 1m..5m inside (0, 5m]: increase 40 over 4m sampled, extrapolated to 5m -> 50
        List<EvalResult.Point> r = instant(s, increase(metric("http_requests_total").over(minutes(5))), 300_000);
        assertThat(r.get(0).v()).isCloseTo(50, within(1e-9));
        assertThat(r.get(0).metric()).isEqualTo(Labels.empty());
        // reset from 20 to 5 adds 20: raw increase 5 + 20 = 25 over [0,3m], window (-2m, 3m]
        List<EvalResult.Point> r2 = instant(s, increase(metric("resets_total").over(minutes(5))), 180_000);
        double sampled = 180;
        double toStart = Math.min(30, sampled * (10 / 25.0));
        assertThat(r2.get(0).v()).isCloseTo(25 * (sampled + toStart) / sampled, within(1e-9));
        assertThat(instant(s, rate(metric("http_requests_total").over(minutes(5))), 300_000).get(0).v())
                .isCloseTo(50 / 300.0, within(1e-12));
    }

    @Test
    void sumByGroupsAndDropsOtherLabels() {
        SeriesStore s = load("""
                load 1m
                  x_total{job="a", i="1"} 1
                  x_total{job="a", i="2"} 2
                  x_total{job="b", i="1"} 4
                """);
        InstantVectorExpr e = sum(metric("x_total")).by("job");
        assertThat(instant(s, e, 0)).extracting(p -> p.metric().toString() + "=" + p.v())
                .containsExactly("{job=\"a\"}=3.0", "{job=\"b\"}=4.0");
    }

    @Test
    void oneToOneMatchingWithDuplicatesOnTheRightIsAnError() {
        SeriesStore s = load("""
                load 1m
                  a{job="x", i="1"} 1
                  b{job="x", i="1"} 1
                  b{job="x", i="2"} 1
                """);
        assertThatThrownBy(() -> instant(s, metric("a").div(metric("b")).on("job"), 0))
                .hasMessage("found duplicate series for the match group {job=\"x\"} on the right hand-side of the "
                        + "operation: [{__name__=\"b\", i=\"1\", job=\"x\"}, {__name__=\"b\", i=\"2\", job=\"x\"}]"
                        + ";many-to-many matching not allowed: matching labels must be unique on one side");
    }

    @Test
    void histogramQuantileInterpolatesWithinTheBucketAndNormalisesLe() {
        SeriesStore s = load("""
                load 1m
                  h_bucket{le="0.1"} 10
                  h_bucket{le="1"} 20
                  h_bucket{le="+Inf"} 20
                """);
        List<EvalResult.Point> r = instant(s, histogramQuantile(0.75, metric("h_bucket")), 0);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).v()).isCloseTo(0.1 + 0.9 * 0.5, within(1e-12));
        assertThat(r.get(0).metric()).isEqualTo(Labels.empty());
    }

    @Test
    void rangeQueriesEvaluateEveryStep() {
        SeriesStore s = load("""
                load 30s
                  c_total 0+1x20
                """);
        EvalResult.MatrixResult m = (EvalResult.MatrixResult) QueryRunner.range(s, EngineOptions.DEFAULTS,
                metric("c_total").plus(1), 0, 120_000, 60_000);
        assertThat(m.series()).hasSize(1);
        assertThat(m.series().get(0).ts()).containsExactly(0, 60_000, 120_000);
        assertThat(m.series().get(0).vs()).containsExactly(1, 3, 5);
        assertThat(m.series().get(0).metric()).isEqualTo(Labels.empty());
    }

    @Test
    void tooManyPointsPerSeriesIsRejected() {
        assertThatThrownBy(() -> QueryRunner.range(new SeriesStore(), EngineOptions.DEFAULTS, metric("x"), 0,
                11_001_000L, 1000)).hasMessage("exceeded maximum resolution of 11,000 points per timeseries. "
                + "Try decreasing the query resolution (?step=XX)");
        assertThat(seconds(1)).isNotNull();
    }
}
