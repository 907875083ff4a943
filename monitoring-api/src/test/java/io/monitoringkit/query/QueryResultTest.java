package io.monitoringkit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryResultTest {

    private static final Labels API = Labels.of("job", "api");
    private static final Labels DB = Labels.of("job", "db");

    @Test
    void vectorOffersMapSingleAndValueOfViews() {
        QueryResult.Vector v = QueryResult.Vector.builder().add(API, 1000, 1).add(DB, 1000, Double.NaN).build();
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.asMap()).containsExactly(Map.entry(API, 1.0), Map.entry(DB, Double.NaN));
        assertThat(v.valueOf(API)).hasValue(1.0);
        assertThat(v.valueOf(Labels.of("job", "x"))).isEmpty();
        assertThat(v.samples()).containsExactly(new Sample(API, 1000, 1), new Sample(DB, 1000, Double.NaN));
        assertThatThrownBy(v::single).isInstanceOf(IllegalStateException.class).hasMessage(
                "expected exactly one float sample but the vector has 2 float and 0 histogram samples: "
                        + "{job=\"api\"}, {job=\"db\"}");
    }

    @Test
    void singleOfAOneSampleVectorReturnsIt() {
        QueryResult.Vector v = QueryResult.Vector.builder().add(API, 5, 2.5).build();
        assertThat(v.single()).isEqualTo(new Sample(API, 5, 2.5));
    }

    @Test
    void emptyVectorExplainsWhySingleFails() {
        assertThatThrownBy(() -> QueryResult.Vector.builder().build().single())
                .hasMessage("expected exactly one float sample but the vector has 0 float and 0 histogram samples");
    }

    @Test
    void vectorBuilderGrowsPastItsInitialCapacity() {
        QueryResult.Vector.Builder b = QueryResult.Vector.builder();
        for (int i = 0; i < 20; i++) {
            b.add(Labels.of("i", Integer.toString(i)), i, i * 2);
        }
        QueryResult.Vector v = b.build();
        assertThat(v.size()).isEqualTo(20);
        assertThat(v.value(19)).isEqualTo(38);
        assertThat(v.timestamp(19)).isEqualTo(19);
        assertThat((Object) v.labels(19)).isEqualTo(Labels.of("i", "19"));
    }

    @Test
    void histogramSamplesAreKeptApartFromFloats() {
        NativeHistogram h = new NativeHistogram(1, 2, List.of(
                new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.OPEN_LEFT, 1, 2, 1)));
        QueryResult.Vector v = QueryResult.Vector.builder().addHistogram(API, 7, h).build();
        assertThat(v.size()).isZero();
        assertThat(v.isEmpty()).isFalse();
        assertThat(v.histogramSamples()).containsExactly(new HistogramSample(API, 7, h));
    }

    @Test
    void matrixFindsSeriesByLabels() {
        Series a = Series.of(API, new long[] {1, 2}, new double[] {1, 2});
        Series b = Series.of(DB, new long[] {1}, new double[] {3});
        QueryResult.Matrix m = QueryResult.Matrix.of(List.of(a, b));
        assertThat(m.get(DB)).contains(b);
        assertThat(m.asMap()).containsExactly(Map.entry(API, a), Map.entry(DB, b));
        assertThat(m.sampleCount()).isEqualTo(3);
        assertThatThrownBy(m::single).hasMessage(
                "expected exactly one series but the matrix has 2: {job=\"api\"}, {job=\"db\"}");
    }

    @Test
    void notesCarryWarningsInfosAndStats() {
        QueryStats stats = new QueryStats(Map.of("evalTotalTime", 0.5), 10, 4);
        QueryResult.Notes notes = new QueryResult.Notes(List.of("w1"), List.of("i1"), Optional.of(stats));
        QueryResult s = QueryResult.Scalar.of(1000, 2, notes);
        assertThat(s.warnings()).containsExactly("w1");
        assertThat(s.infos()).containsExactly("i1");
        assertThat(s.stats()).contains(stats);
    }

    @Test
    void castsNameTheActualType() {
        QueryResult r = QueryResult.StringValue.of(1000, "hello");
        assertThat(r.resultType()).isEqualTo("string");
        assertThatThrownBy(r::asVector).isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a vector result but the query returned a string");
        assertThatThrownBy(r::asMatrix).hasMessage("expected a matrix result but the query returned a string");
        assertThat(QueryResult.Scalar.of(0, 1).asScalar().value()).isEqualTo(1);
    }

    @Test
    void scalarsWithNaNAreEqual() {
        assertThat(QueryResult.Scalar.of(1, Double.NaN)).isEqualTo(QueryResult.Scalar.of(1, Double.NaN));
    }
}
