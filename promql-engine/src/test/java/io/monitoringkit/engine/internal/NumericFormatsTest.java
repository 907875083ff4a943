package io.monitoringkit.engine.internal;

import io.monitoringkit.promql.PromQL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumericFormatsTest {

    @Test
    void formatsLikeGoPercentG() {
        assertThat(GoFormat.g(0.5)).isEqualTo("0.5");
        assertThat(GoFormat.g(100000)).isEqualTo("100000");
        assertThat(GoFormat.g(1000000)).isEqualTo("1e+06");
        assertThat(GoFormat.g(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(GoFormat.g(-2)).isEqualTo("-2");
        assertThat(GoFormat.g(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.g(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void formatsLikeGoPercentPoint2G() {
        assertThat(GoFormat.g2(0.5)).isEqualTo("0.5");
        assertThat(GoFormat.g2(12)).isEqualTo("12");
        assertThat(GoFormat.g2(123)).isEqualTo("1.2e+02");
        assertThat(GoFormat.g2(0.000123)).isEqualTo("0.00012");
    }

    @Test
    void formatsOpenMetricsFloatsWithADecimalPoint() {
        assertThat(Functions.openMetricsFloat(1)).isEqualTo("1.0");
        assertThat(Functions.openMetricsFloat(0.25)).isEqualTo("0.25");
        assertThat(Functions.openMetricsFloat(3)).isEqualTo("3.0");
        assertThat(Functions.openMetricsFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void goPowKeepsGoSpecialCases() {
        assertThat(Numeric.pow(1, Double.NaN)).isEqualTo(1);
        assertThat(Numeric.pow(-1, Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Numeric.pow(2, 10)).isEqualTo(1024);
    }

    @Test
    void goLog2IsExactForPowersOfTwo() {
        assertThat(Functions.log2(8)).isEqualTo(3);
        assertThat(Functions.log2(0.125)).isEqualTo(-3);
        assertThat(Functions.log2(Double.MIN_VALUE)).isEqualTo(-1074);
    }

    @Test
    void quantileSortsNaNFirstAndInterpolates() {
        assertThat(Numeric.quantile(0.5, new double[] {3, 1, 2, 4}, 4)).isEqualTo(2.5);
        assertThat(Numeric.quantile(0, new double[] {3, Double.NaN, 2}, 3)).isNaN();
        assertThat(Numeric.quantile(2, new double[] {1}, 1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void bucketQuantileCoalescesEqualBoundsAndFixesMonotonicity() {
        Buckets b = new Buckets();
        b.add(1.0, 5);
        b.add(Double.POSITIVE_INFINITY, 10);
        b.add(1.0, 5);
        b.add(0.5, 12);
        // bounds 0.5 -> 12, 1 -> 10 (coalesced 5+5), +Inf -> 10: the 1.0 bucket is forced up to 12
        assertThat(b.quantile(0.5)).isEqualTo(0.25);
        assertThat(b.forcedMonotonic).isTrue();
        assertThat(b.minBucket).isEqualTo(1.0);
        assertThat(b.maxDiff).isEqualTo(2);
    }

    @Test
    void annotationsCarryThePositionOfTheirExpression() {
        Annotations a = new Annotations();
        a.warn("quantile value should be between 0 and 1, got NaN", PromQL.parse("NaN"));
        a.info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"x\"",
                PromQL.parse("x[5m]"));
        String q = "quantile(NaN, rate(x[5m]))";
        assertThat(a.warnings(q)).containsExactly(
                "PromQL warning: quantile value should be between 0 and 1, got NaN (1:10)");
        assertThat(a.infos("sum(\n  rate(x[5m]))")).containsExactly("PromQL info: metric might not be a counter, "
                + "name does not end in _total/_sum/_count/_bucket: \"x\" (2:8)");
        assertThat(a.warnings()).containsExactly("PromQL warning: quantile value should be between 0 and 1, got NaN");
    }
}
