package io.monitoringkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void sortsByNameAndRendersLikePrometheus() {
        Labels l = Labels.of("job", "api", "__name__", "up", "instance", "a:9090");
        assertThat(l.names()).containsExactly("__name__", "instance", "job");
        assertThat(l).hasToString("{__name__=\"up\", instance=\"a:9090\", job=\"api\"}");
        assertThat(l.metricName()).contains("up");
    }

    @Test
    void dropsEmptyValuesBecausePrometheusTreatsThemAsAbsent() {
        Labels l = Labels.of("a", "", "b", "1");
        assertThat(l.names()).containsExactly("b");
        assertThat(l.getOrEmpty("a")).isEmpty();
        assertThat(l.with("b", "")).isEqualTo(Labels.empty());
    }

    @Test
    void rejectsOddArgumentsAndDuplicateNames() {
        assertThatThrownBy(() -> Labels.of("a")).hasMessageContaining("odd number of arguments (1)");
        assertThatThrownBy(() -> Labels.of("a", "1", "a", "2"))
                .hasMessage("\"a\" is given twice; label names must be unique");
    }

    @Test
    void equalityAndOrderFollowContentNotConstructionOrder() {
        Labels a = Labels.of("x", "1", "y", "2");
        Labels b = Labels.from(Map.of("y", "2", "x", "1"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Labels.of("a", "1")).isLessThan(Labels.of("a", "2"));
        assertThat(Labels.of("a", "1")).isLessThan(Labels.of("a", "1", "b", "1"));
    }

    @Test
    void derivesCopiesWithoutChangingTheOriginal() {
        Labels l = Labels.of("__name__", "up", "job", "api");
        assertThat(l.withoutMetricName()).isEqualTo(Labels.of("job", "api"));
        assertThat(l.keep(List.of("job", "missing"))).isEqualTo(Labels.of("job", "api"));
        assertThat(l.with("job", "db").get("job")).contains("db");
        assertThat(l.get("job")).contains("api");
    }

    @Test
    void escapesValuesInToString() {
        assertThat(Labels.of("a", "x\"y\n\\")).hasToString("{a=\"x\\\"y\\n\\\\\"}");
    }
}
