package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatchOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesStoreTest {

    private static SeriesStore store() {
        SeriesStore s = new SeriesStore();
        s.append(Labels.of("__name__", "up", "job", "api", "instance", "a"), 0, 1);
        s.append(Labels.of("__name__", "up", "job", "api", "instance", "b"), 0, 0);
        s.append(Labels.of("__name__", "up", "job", "db"), 0, 1);
        s.append(Labels.of("__name__", "other", "job", "api"), 0, 1);
        return s;
    }

    private static List<Labels> select(SeriesStore s, LabelMatcher... m) {
        return s.select(List.of(m)).stream().map(MemSeries::labels).toList();
    }

    @Test
    void selectsByEqualityThroughTheIndexSortedByLabels() {
        assertThat(select(store(), new LabelMatcher("__name__", MatchOp.EQUAL, "up"),
                new LabelMatcher("job", MatchOp.EQUAL, "api")))
                .containsExactly(Labels.of("__name__", "up", "job", "api", "instance", "a"),
                        Labels.of("__name__", "up", "job", "api", "instance", "b"));
    }

    @Test
    void emptyMatchingMatchersFilterSeriesWithoutTheLabel() {
        assertThat(select(store(), new LabelMatcher("__name__", MatchOp.EQUAL, "up"),
                new LabelMatcher("instance", MatchOp.EQUAL, "")))
                .containsExactly(Labels.of("__name__", "up", "job", "db"));
    }

    @Test
    void regexAndNegativeMatchers() {
        assertThat(select(store(), new LabelMatcher("__name__", MatchOp.REGEX, "u.|oth.*"),
                new LabelMatcher("job", MatchOp.NOT_EQUAL, "api"))).containsExactly(Labels.of("__name__", "up", "job", "db"));
        assertThat(select(store(), new LabelMatcher("job", MatchOp.NOT_REGEX, "a.*"))).containsExactly(
                Labels.of("__name__", "up", "job", "db"));
    }

    @Test
    void rejectsOutOfOrderSamplesAndReplacesTheNewestOnEqualTimestamp() {
        SeriesStore s = new SeriesStore();
        Labels l = Labels.of("__name__", "x");
        s.append(l, 1000, 1);
        s.append(l, 1000, 2);
        assertThat(s.get(l).size()).isEqualTo(1);
        assertThat(s.get(l).v(0)).isEqualTo(2);
        assertThatThrownBy(() -> s.append(l, 999, 3))
                .hasMessage("out-of-order sample for series {__name__=\"x\"}: timestamp 999 is older than the newest "
                        + "sample at 1000");
    }

    @Test
    void growsArraysAndTrimsToSixteenBytesPerSample() {
        SeriesStore s = new SeriesStore();
        Labels l = Labels.of("__name__", "x");
        for (int i = 0; i < 1000; i++) {
            s.append(l, i * 15_000L, i);
        }
        s.compact();
        assertThat(s.sampleCount()).isEqualTo(1000);
        assertThat(s.sampleBytes()).isEqualTo(16_000);
        assertThat(s.get(l).firstAfter(15_000)).isEqualTo(2);
    }
}
