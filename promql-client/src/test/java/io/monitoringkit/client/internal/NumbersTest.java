package io.monitoringkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private static long ts(String s) {
        return Numbers.parseTimestampMillis(s.toCharArray(), 0, s.length());
    }

    @Test
    void timestampsBecomeExactMilliseconds() {
        assertThat(ts("1435781451.781")).isEqualTo(1435781451781L);
        assertThat(ts("1435781451")).isEqualTo(1435781451000L);
        assertThat(ts("1435781451.7")).isEqualTo(1435781451700L);
        assertThat(ts("1435781451.05")).isEqualTo(1435781451050L);
        assertThat(ts("0.001")).isEqualTo(1);
        assertThat(ts("1.0005")).isEqualTo(1001);
        assertThat(ts("-1.5")).isEqualTo(-1500);
        assertThat(ts("1.7e9")).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void valuesParseLikeGo() {
        assertThat(Numbers.parseValue("1")).isEqualTo(1.0);
        assertThat(Numbers.parseValue("0.1")).isEqualTo(0.1);
        assertThat(Numbers.parseValue("-0.25")).isEqualTo(-0.25);
        assertThat(Numbers.parseValue("1e+06")).isEqualTo(1e6);
        assertThat(Numbers.parseValue("1.5E-7")).isEqualTo(1.5e-7);
        assertThat(Numbers.parseValue("NaN")).isNaN();
        assertThat(Numbers.parseValue("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Numbers.parseValue("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Numbers.parseValue("100000000")).isEqualTo(1e8);
        assertThat(Numbers.parseValue("-0")).isEqualTo(-0.0);
        assertThat(Numbers.parseValue("12345678901234567890")).isEqualTo(12345678901234567890.0);
        assertThat(Numbers.parseValue("0.000000000000000000000000001")).isEqualTo(1e-27);
        assertThat(Numbers.parseValue("1.7976931348623157e308")).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void fastPathAgreesWithDoubleParseDoubleOnRandomDecimals() {
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double d = switch (i % 4) {
                case 0 -> r.nextDouble() * 1000;
                case 1 -> r.nextInt(1_000_000) / 1000.0;
                case 2 -> r.nextLong() / 1e6;
                default -> Double.longBitsToDouble(r.nextLong());
            };
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = new java.math.BigDecimal(d).round(new java.math.MathContext(1 + r.nextInt(17)))
                    .toPlainString();
            if (s.length() > 60) {
                s = Double.toString(d);
            }
            if (Numbers.parseValue(s) != Double.parseDouble(s)) {
                assertThat(Numbers.parseValue(s)).as(s).isEqualTo(Double.parseDouble(s));
            }
        }
    }

    @Test
    void rejectsWhatIsNoNumber() {
        assertThatThrownBy(() -> Numbers.parseValue("abc")).isInstanceOf(NumberFormatException.class)
                .hasMessage("\"abc\" is not a sample value");
        assertThatThrownBy(() -> Numbers.parseValue("")).hasMessage("an empty string is not a sample value");
        assertThatThrownBy(() -> ts("x")).isInstanceOf(NumberFormatException.class);
    }
}
