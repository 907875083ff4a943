package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoFloatTest {

    @Test
    void formatsFixedWithShortestDigitsLikePrometheus3() {
        assertThat(GoFloat.formatF(0)).isEqualTo("0");
        assertThat(GoFloat.formatF(-0.0)).isEqualTo("-0");
        assertThat(GoFloat.formatF(1)).isEqualTo("1");
        assertThat(GoFloat.formatF(-1.5)).isEqualTo("-1.5");
        assertThat(GoFloat.formatF(0.99)).isEqualTo("0.99");
        assertThat(GoFloat.formatF(1e8)).isEqualTo("100000000");
        assertThat(GoFloat.formatF(1048576)).isEqualTo("1048576");
        assertThat(GoFloat.formatF(0.00001)).isEqualTo("0.00001");
        assertThat(GoFloat.formatF(1e-7)).isEqualTo("0.0000001");
        assertThat(GoFloat.formatF(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(GoFloat.formatF(1e21)).isEqualTo("1000000000000000000000");
        assertThat(GoFloat.formatF(0x1p63)).isEqualTo("9223372036854776000");
        assertThat(GoFloat.formatF(123456789.125)).isEqualTo("123456789.125");
    }

    @Test
    void formatsExtremesWithoutExponent() {
        assertThat(GoFloat.formatF(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
        assertThat(GoFloat.formatF(Double.MAX_VALUE)).isEqualTo("17976931348623157" + "0".repeat(292));
        assertThat(GoFloat.formatF(-1e100)).isEqualTo("-1" + "0".repeat(100));
    }

    @Test
    void formatsSpecialValuesLikeGo() {
        assertThat(GoFloat.formatF(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloat.formatF(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoFloat.formatF(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloat.formatG(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloat.formatG(-0.0)).isEqualTo("-0");
    }

    @Test
    void findsShortestDigitsWhereJava17DoubleToStringIsTooLong() {
        // JDK 17 prints these as "2.82879384806159008E17" and "9.999999999999999E22"
        assertThat(GoFloat.formatF(2.82879384806159E17)).isEqualTo("282879384806159000");
        assertThat(GoFloat.formatF(1.0E23)).isEqualTo("100000000000000000000000");
        assertThat(GoFloat.formatG(5e-324)).isEqualTo("5e-324");
    }

    /** Pinned from Prometheus 2.42's rendering of rule expressions (it prints numbers with fmt.Sprint). */
    @Test
    void formatsLikeGoSprintForPrometheus2() {
        assertThat(GoFloat.formatG(1e6)).isEqualTo("1e+06");
        assertThat(GoFloat.formatG(123456)).isEqualTo("123456");
        assertThat(GoFloat.formatG(999999)).isEqualTo("999999");
        assertThat(GoFloat.formatG(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFloat.formatG(1048576)).isEqualTo("1.048576e+06");
        assertThat(GoFloat.formatG(12345678.9)).isEqualTo("1.23456789e+07");
        assertThat(GoFloat.formatG(123456789012.0)).isEqualTo("1.23456789012e+11");
        assertThat(GoFloat.formatG(123456.7)).isEqualTo("123456.7");
        assertThat(GoFloat.formatG(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloat.formatG(0.00012345)).isEqualTo("0.00012345");
        assertThat(GoFloat.formatG(0.00001)).isEqualTo("1e-05");
        assertThat(GoFloat.formatG(1e-7)).isEqualTo("1e-07");
        assertThat(GoFloat.formatG(1e20)).isEqualTo("1e+20");
        assertThat(GoFloat.formatG(1e21)).isEqualTo("1e+21");
        assertThat(GoFloat.formatG(1e100)).isEqualTo("1e+100");
        assertThat(GoFloat.formatG(12345678901234567890.0)).isEqualTo("1.2345678901234567e+19");
        assertThat(GoFloat.formatG(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(GoFloat.formatG(100000)).isEqualTo("100000");
        assertThat(GoFloat.formatG(31)).isEqualTo("31");
    }
}
