package io.monitoringkit.template.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoFloatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e6|1e+06", "123456|123456", "999999|999999", "1234567|1.234567e+06", "1e21|1e+21", "1e20|1e+20",
        "0.0001|0.0001", "0.00001|1e-05", "0.1|0.1", "2.5|2.5", "-0.0|-0", "0|0", "5e-324|5e-324",
        "1.7976931348623157e308|1.7976931348623157e+308", "0.30000000000000004|0.30000000000000004",
        "100|100", "1e100|1e+100", "123456.7|123456.7", "-1234.5678|-1234.5678"})
    void shortestGFormatsAsGosStrconv(double v, String expected) {
        assertThat(GoFloat.format(v, 'g', -1)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.675|f|2|2.67", "0.125|f|2|0.12", "0.375|f|2|0.38", "0.5|f|0|0", "1.5|f|0|2", "2.5|f|0|2",
        "123456|e|3|1.235e+05", "0|e|2|0.00e+00", "1234.5678|g|4|1235", "1234.5678|g|10|1234.5678",
        "0.000123|g|2|0.00012", "1e-7|f|3|0.000", "0.0006|f|3|0.001", "999.9|g|3|1e+03", "100|g|3|100",
        "1e22|f|0|10000000000000000000000", "1e23|f|0|99999999999999991611392"})
    void precisionFormatsRoundTheExactBinaryValueHalfToEven(double v, char fmt, int prec, String expected) {
        assertThat(GoFloat.format(v, fmt, prec)).isEqualTo(expected);
    }

    @Test
    void specialValuesAreSpelledAsInGo() {
        assertThat(GoFloat.format(Double.NaN, 'g', -1)).isEqualTo("NaN");
        assertThat(GoFloat.format(Double.POSITIVE_INFINITY, 'f', 2)).isEqualTo("+Inf");
        assertThat(GoFloat.format(Double.NEGATIVE_INFINITY, 'e', -1)).isEqualTo("-Inf");
    }

    @Property
    void shortestFormRoundTrips(@ForAll double v) {
        if (Double.isFinite(v)) {
            assertThat(Double.parseDouble(GoFloat.format(v, 'g', -1))).isEqualTo(v);
            assertThat(Double.parseDouble(GoFloat.format(v, 'e', -1))).isEqualTo(v);
        }
    }

    @Property
    void shortestFormHasNoShorterRoundTrippingDigits(@ForAll double v) {
        if (Double.isFinite(v) && v != 0) {
            String digits = GoFloat.shortestDigits(Math.abs(v)).d();
            if (digits.length() > 1) {
                BigDecimal shorter = new BigDecimal(Math.abs(v)).round(
                        new java.math.MathContext(digits.length() - 1, java.math.RoundingMode.HALF_EVEN));
                assertThat(shorter.doubleValue()).isNotEqualTo(Math.abs(v));
            }
        }
    }

    @Property
    void fixedFormEqualsExactHalfEvenRounding(@ForAll double v, @ForAll @net.jqwik.api.constraints.IntRange(max = 12) int prec) {
        if (Double.isFinite(v) && Math.abs(v) < 1e15) {
            BigDecimal expected = new BigDecimal(v).setScale(prec, java.math.RoundingMode.HALF_EVEN);
            String got = GoFloat.format(v, 'f', prec);
            assertThat(new BigDecimal(got)).isEqualByComparingTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|1", "-1.5|-1.5", "1e3|1000", ".5|0.5", "5.|5", "+Inf|Infinity", "inf|Infinity", "-infinity|-Infinity",
        "0x1p-2|0.25", "0x_1p4|16"})
    void parsesGoFloatSyntax(String s, double expected) throws GoFloat.NumError {
        assertThat(GoFloat.parseFloat(s)).isEqualTo(expected);
    }

    @Test
    void parseFloatFailsWithGosMessages() {
        assertThatThrownBy(() -> GoFloat.parseFloat("abc"))
                .hasMessage("strconv.ParseFloat: parsing \"abc\": invalid syntax");
        assertThatThrownBy(() -> GoFloat.parseFloat("1_000"))
                .hasMessage("strconv.ParseFloat: parsing \"1_000\": invalid syntax");
        assertThatThrownBy(() -> GoFloat.parseFloat("1e400"))
                .hasMessage("strconv.ParseFloat: parsing \"1e400\": value out of range");
        assertThatThrownBy(() -> GoFloat.parseFloat(" 1"))
                .hasMessage("strconv.ParseFloat: parsing \" 1\": invalid syntax");
        assertThatThrownBy(() -> GoFloat.parseFloat("+nan")).isInstanceOf(GoFloat.NumError.class);
        assertThat(Double.isNaN(parse("NaN"))).isTrue();
    }

    private static double parse(String s) {
        try {
            return GoFloat.parseFloat(s);
        } catch (GoFloat.NumError e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "42|true|42", "-42|true|-42", "0x1F|true|31", "0o17|true|15", "017|true|15", "0b101|true|5",
        "1_000|true|1000", "+5|true|5", "9223372036854775807|true|9223372036854775807",
        "18446744073709551615|false|18446744073709551615"})
    void parsesGoIntegerLiterals(String s, boolean signed, String expected) {
        assertThat(GoFloat.parseIntBase0(s, signed)).isEqualTo(new BigInteger(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "9223372036854775808|true", "-5|false", "1__0|true", "_1|true", "1_|true", "08|true", "0x|true", "abc|true"})
    void rejectsInvalidOrOverflowingIntegers(String s, boolean signed) {
        assertThat(GoFloat.parseIntBase0(s, signed)).isNull();
    }
}
