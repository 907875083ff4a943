package io.monitoringkit.test;

import static io.monitoringkit.test.MonitoringAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultAssertTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final QueryResult.Vector VECTOR = QueryResult.Vector.builder()
            .add(Labels.of("job", "app", "instance", "a:1"), T.toEpochMilli(), 1)
            .add(Labels.of("job", "app", "instance", "b:2"), T.toEpochMilli(), 0)
            .build();
    private static final QueryResult.Matrix MATRIX = QueryResult.Matrix.of(List.of(Series.of(
            Labels.of("job", "app"), new long[] {T.toEpochMilli(), T.plusSeconds(15).toEpochMilli()},
            new double[] {2, 4.5})));
    private static final QueryResult EMPTY = QueryResult.Vector.builder().build();

    @Test
    void isEmptyPassesForNoSeriesAndListsTheSeriesOtherwise() {
        assertThat(EMPTY).isEmpty().hasSeriesCount(0);
        assertThatThrownBy(() -> assertThat(VECTOR).isEmpty())
                .hasMessage("""
                        Expecting query result to be empty
                        but it has 2 series:
                          {instance="a:1", job="app"} => 1 @2026-01-01T00:00:00Z
                          {instance="b:2", job="app"} => 0 @2026-01-01T00:00:00Z""");
    }

    @Test
    void hasSeriesCountCountsVectorAndMatrixSeries() {
        assertThat(VECTOR).hasSeriesCount(2);
        assertThat(MATRIX).hasSeriesCount(1);
        assertThatThrownBy(() -> assertThat(EMPTY).hasSeriesCount(1))
                .hasMessage("Expecting query result to have 1 series\nbut it has 0");
        assertThatThrownBy(() -> assertThat(MATRIX).hasSeriesCount(2))
                .hasMessage("""
                        Expecting query result to have 2 series
                        but it has 1:
                          {job="app"} => 2 @2026-01-01T00:00:00Z, 4.5 @2026-01-01T00:00:15Z""");
    }

    @Test
    void hasSeriesMatchesByLabelInclusionAndListsLabelSets() {
        assertThat(VECTOR).hasSeries(Labels.of("instance", "a:1")).doesNotHaveSeries(Labels.of("job", "db"));
        assertThatThrownBy(() -> assertThat(VECTOR).hasSeries(Labels.of("job", "db")))
                .hasMessage("""
                        Expecting query result to have a series with labels {job="db"}
                        but it has none.
                        Label sets: [{instance="a:1", job="app"}, {instance="b:2", job="app"}]""");
        assertThatThrownBy(() -> assertThat(VECTOR).doesNotHaveSeries(Labels.of("instance", "b:2")))
                .hasMessage("""
                        Expecting query result not to have a series with labels {instance="b:2"}
                        but found:
                          {instance="b:2", job="app"} => 0 @2026-01-01T00:00:00Z""");
    }

    @Test
    void hasSeriesWithValueChecksTheVectorSampleOrTheLastMatrixSample() {
        assertThat(VECTOR).hasSeriesWithValue(Labels.of("instance", "b:2"), 0)
                .hasSeriesWithValue(Labels.of("job", "app"), 1);
        assertThat(MATRIX).hasSeriesWithValue(Labels.of("job", "app"), 4.5);
        assertThat(MATRIX).usingTolerance(0.1).hasSeriesWithValue(Labels.of("job", "app"), 4.45);
        assertThatThrownBy(() -> assertThat(VECTOR).hasSeriesWithValue(Labels.of("instance", "a:1"), 0))
                .hasMessage("""
                        Expecting a series with labels {instance="a:1"} to have value 0
                        but was:
                          {instance="a:1", job="app"} => 1 @2026-01-01T00:00:00Z""");
        assertThatThrownBy(() -> assertThat(MATRIX).usingTolerance(0.25).hasSeriesWithValue(Labels.empty(), 4))
                .hasMessage("""
                        Expecting a series with labels {} to have value 4 (within 0.25)
                        but was:
                          {job="app"} => 2 @2026-01-01T00:00:00Z, 4.5 @2026-01-01T00:00:15Z""");
    }

    @Test
    void hasSeriesWithValueAtTimeNeedsASampleStampedThen() {
        assertThat(VECTOR).hasSeriesWithValue(Labels.of("instance", "a:1"), 1, T);
        assertThat(MATRIX).hasSeriesWithValue(Labels.of("job", "app"), 2, T);
        assertThatThrownBy(() -> assertThat(MATRIX).hasSeriesWithValue(Labels.of("job", "app"), 2, T.plusSeconds(15)))
                .hasMessage("""
                        Expecting a series with labels {job="app"} to have value 2 at 2026-01-01T00:00:15Z
                        but was:
                          {job="app"} => 2 @2026-01-01T00:00:00Z, 4.5 @2026-01-01T00:00:15Z""");
    }

    @Test
    void scalarResults() {
        assertThat(QueryResult.Scalar.of(T.toEpochMilli(), 3)).hasScalarValue(3);
        assertThatThrownBy(() -> assertThat(QueryResult.Scalar.of(T.toEpochMilli(), 3)).hasScalarValue(2))
                .hasMessage("Expecting scalar 2\nbut was 3");
        assertThatThrownBy(() -> assertThat(VECTOR).hasScalarValue(2))
                .hasMessage("Expecting query result to be a scalar\nbut was a vector");
        assertThatThrownBy(() -> assertThat(QueryResult.Scalar.of(T.toEpochMilli(), 3)).isEmpty())
                .hasMessageStartingWith("Expecting query result to be a vector or a matrix\nbut was a scalar: ");
    }

    @Test
    void rejectsANegativeTolerance() {
        assertThatThrownBy(() -> assertThat(VECTOR).usingTolerance(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-1.0 is not a valid tolerance: must be 0 or more");
    }
}
