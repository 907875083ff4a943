package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesNotationTest {

    @Test
    void expandsIncreasingSequenceToNPlusOneValues() {
        assertThat(SeriesNotation.expand("0+10x3")).containsExactly(0, 10, 20, 30);
    }

    @Test
    void expandsDecreasingSequence() {
        assertThat(SeriesNotation.expand("1-2x3")).containsExactly(1, -1, -3, -5);
    }

    @Test
    void repeatsAValueWithoutIncrement() {
        assertThat(SeriesNotation.expand("1x2 3")).containsExactly(1, 1, 1, 3);
    }

    @Test
    void blankAndBlankRepetitionAreMissingSamples() {
        double[] v = SeriesNotation.expand("1 _ _x2 4");
        assertThat(v).hasSize(5);
        assertThat(SeriesNotation.isOmitted(v[1])).isTrue();
        assertThat(SeriesNotation.isOmitted(v[2])).isTrue();
        assertThat(SeriesNotation.isOmitted(v[3])).isTrue();
        assertThat(v[4]).isEqualTo(4);
    }

    @Test
    void staleIsTheStalenessMarkerNotAnOrdinaryNaN() {
        double[] v = SeriesNotation.expand("stale NaN");
        assertThat(Staleness.isStale(v[0])).isTrue();
        assertThat(Staleness.isStale(v[1])).isFalse();
        assertThat(Double.isNaN(v[1])).isTrue();
    }

    @Test
    void accumulatesByRepeatedAdditionLikePrometheus() {
        double[] v = SeriesNotation.expand("0+0.1x3");
        assertThat(v[3]).isEqualTo(0.1 + 0.1 + 0.1);
    }

    @Test
    void parsesSignedAndInfiniteValues() {
        assertThat(SeriesNotation.expand("-2+4x1 Inf -Inf +1")).containsExactly(-2, 2,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1);
    }

    @Test
    void rejectsGarbageNamingTheItem() {
        assertThatThrownBy(() -> SeriesNotation.expand("1 2+x3"))
                .hasMessage("invalid series value \"2+x3\": expected a number, a+bxn, a-bxn, axn, _, _xn or stale");
    }

    @Test
    void rejectsNativeHistogramsClearly() {
        assertThatThrownBy(() -> SeriesNotation.expand("{{schema:1 sum:3}}"))
                .hasMessageContaining("native histograms are not supported by promql-engine");
    }

    @Test
    void parsesSeriesDescriptions() {
        assertThat(SeriesNotation.parseDescription("http_requests{job=\"api\", code='5\\\"00'}"))
                .isEqualTo(Labels.of("__name__", "http_requests", "job", "api", "code", "5\"00"));
        assertThat(SeriesNotation.parseDescription("{__name__=\"a\",b=\"c\"}"))
                .isEqualTo(Labels.of("__name__", "a", "b", "c"));
        assertThat(SeriesNotation.parseDescription("{\"my.metric\", \"a-b\"=\"x\"}"))
                .isEqualTo(Labels.of("__name__", "my.metric", "a-b", "x"));
    }

    @Test
    void splitsALoadLineAfterTheSeries() {
        assertThat(SeriesNotation.splitLine("  a{b=\"c d\"} 1 2 3")).containsExactly("a{b=\"c d\"}", "1 2 3");
        assertThat(SeriesNotation.splitLine("metric 1+1x3")).containsExactly("metric", "1+1x3");
    }
}
