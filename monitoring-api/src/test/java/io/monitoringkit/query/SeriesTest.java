package io.monitoringkit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void keepsNaNAndInfinitiesAndCopiesArrays() {
        long[] ts = {1000, 2000, 3000};
        double[] vs = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Series s = Series.of(Labels.of("job", "api"), ts, vs);
        ts[0] = 9;
        vs[1] = 9;
        assertThat(s.timestamps()).containsExactly(1000, 2000, 3000);
        assertThat(s.value(0)).isNaN();
        assertThat(s.value(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.value(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        s.values()[0] = 5;
        assertThat(s.value(0)).isNaN();
        assertThat(s.lastValue()).hasValue(Double.NEGATIVE_INFINITY);
    }

    @Test
    void rejectsArraysOfDifferentLengths() {
        assertThatThrownBy(() -> Series.of(Labels.empty(), new long[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamps and values differ in length: 2 != 3");
    }

    @Test
    void builderGrowsTrimsAndResets() {
        Series.Builder b = Series.builder();
        for (int i = 0; i < 100; i++) {
            b.add(i * 15_000L, i);
        }
        Series first = b.labels(Labels.of("a", "1")).build();
        Series second = b.add(1, 2).build();
        assertThat(first.size()).isEqualTo(100);
        assertThat(first.timestamp(99)).isEqualTo(99 * 15_000L);
        assertThat(second.size()).isEqualTo(1);
        assertThat((Object) second.labels()).isEqualTo(Labels.empty());
        assertThat((Object) first.labels()).isEqualTo(Labels.of("a", "1"));
    }

    @Test
    void holdsHistogramSamplesBesideFloats() {
        NativeHistogram h = new NativeHistogram(3, 4.5, List.of());
        Series s = Series.builder().add(1000, 1).addHistogram(2000, h).build();
        assertThat(s.histogramCount()).isEqualTo(1);
        assertThat(s.histogramTimestamp(0)).isEqualTo(2000);
        assertThat(s.histograms()).containsExactly(h);
        assertThat(s.toString()).isEqualTo("{} [1000: 1.0] + 1 histogram samples");
    }

    @Test
    void walksSamplesWithoutBoxing() {
        Series s = Series.of(Labels.empty(), new long[] {1, 2}, new double[] {10, 20});
        List<String> seen = new ArrayList<>();
        s.forEach((t, v) -> seen.add(t + "=" + v));
        assertThat(seen).containsExactly("1=10.0", "2=20.0");
    }

    @Test
    void equalityTreatsNaNAsEqualToItself() {
        Series a = Series.of(Labels.of("x", "y"), new long[] {1}, new double[] {Double.NaN});
        Series b = Series.of(Labels.of("x", "y"), new long[] {1}, new double[] {Double.NaN});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void toStringShowsFiveSamplesAndCountsTheRest() {
        Series.Builder b = Series.builder().labels(Labels.of("job", "api"));
        for (int i = 0; i < 7; i++) {
            b.add(i, i);
        }
        assertThat(b.build().toString())
                .isEqualTo("{job=\"api\"} [0: 0.0, 1: 1.0, 2: 2.0, 3: 3.0, 4: 4.0, ... 2 more]");
    }
}
