package io.monitoringkit.engine.ruletest.internal;

import io.monitoringkit.model.GoStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.model.Labels;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GoTextTest {

    @Test
    void formatsFloatsAsGoFormatFloatWithShortestExponentForm() {
        assertThat(GoText.floatE(1)).isEqualTo("1E+00");
        assertThat(GoText.floatE(0.5)).isEqualTo("5E-01");
        assertThat(GoText.floatE(210)).isEqualTo("2.1E+02");
        assertThat(GoText.floatE(1.0 / 60)).isEqualTo("1.6666666666666666E-02");
        assertThat(GoText.floatE(0.1 + 0.2)).isEqualTo("3.0000000000000004E-01");
        assertThat(GoText.floatE(1e100)).isEqualTo("1E+100");
        assertThat(GoText.floatE(-2.5e-7)).isEqualTo("-2.5E-07");
        assertThat(GoText.floatE(0)).isEqualTo("0E+00");
        assertThat(GoText.floatE(-0.0)).isEqualTo("-0E+00");
        assertThat(GoText.floatE(Double.NaN)).isEqualTo("NaN");
        assertThat(GoText.floatE(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoText.floatE(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoText.floatE(Double.MIN_VALUE)).isEqualTo("5E-324");
    }

    @Property
    void exponentFormReadsBackToTheSameDouble(@ForAll double v) {
        if (Double.isFinite(v)) {
            assertThat(Double.parseDouble(GoText.floatE(v))).isEqualTo(v);
        }
    }

    @Test
    void formatsDurationsAsGoTimeDuration() {
        assertThat(GoText.goDuration(0)).isEqualTo("0s");
        assertThat(GoText.goDuration(500)).isEqualTo("500ms");
        assertThat(GoText.goDuration(1500)).isEqualTo("1.5s");
        assertThat(GoText.goDuration(60_000)).isEqualTo("1m0s");
        assertThat(GoText.goDuration(90_000)).isEqualTo("1m30s");
        assertThat(GoText.goDuration(3_600_000)).isEqualTo("1h0m0s");
        assertThat(GoText.goDuration(86_400_000 + 1_000)).isEqualTo("24h0m1s");
    }

    @Test
    void rendersLabelSetsAsPrometheusWithQuotedOddNames() {
        assertThat(GoText.labels(List.of(new Labels.Label("a", "x\"y"), new Labels.Label("b.c", ""))))
                .isEqualTo("{a=\"x\\\"y\", \"b.c\"=\"\"}");
        assertThat(GoText.labels(List.of())).isEqualTo("{}");
    }

    @Test
    void comparesLabelSetsAsPrometheus() {
        List<Labels.Label> a = List.of(new Labels.Label("a", "1"));
        List<Labels.Label> ab = List.of(new Labels.Label("a", "1"), new Labels.Label("b", "1"));
        List<Labels.Label> b = List.of(new Labels.Label("b", "0"));
        assertThat(GoText.compare(a, ab)).isNegative();
        assertThat(GoText.compare(ab, b)).isNegative();
        assertThat(GoText.compare(a, a)).isZero();
        assertThat(GoStrings.compare("\uffff", "\ud83d\ude00")).isNegative();   // code point, not UTF-16, order
    }
}
