package io.monitoringkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "0s, 0",
        "250ms, 250",
        "5m, 300000",
        "1h30m, 5400000",
        "1y, 31536000000",
        "1w2d, 777600000",
        "1d1h1m1s1ms, 90061001",
        "90s, 90000",
    })
    void parsesPrometheusDurations(String text, long millis) {
        assertThat(PromDuration.parse(text).toMillis()).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 minutes", "1m1h", "1h1h", "-5m", "1.5h", "5M", "1h 30m", "5mm", "99999999999999999999s"})
    void rejectsWhatPrometheusRejects(String text) {
        assertThatThrownBy(() -> PromDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + text + "\" is not a Prometheus duration (e.g. 30s, 5m, 1h30m)");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "1000, 1s",
        "90000, 1m30s",
        "86400000, 1d",
        "604800000, 1w",
        "31536000000, 1y",
        "32140800000, 372d",
        "691200000, 8d",
        "1209600000, 2w",
        "1500, 1s500ms",
        "-300000, -5m",
    })
    void formatsWithTheLargestUnitsFirst(long millis, String text) {
        assertThat(PromDuration.ofMillis(millis)).hasToString(text);
    }

    @Test
    void signedParsingAcceptsALeadingMinus() {
        assertThat(PromDuration.parseSigned("-1h").toMillis()).isEqualTo(-3_600_000);
        assertThat(PromDuration.parseSigned("1h").toMillis()).isEqualTo(3_600_000);
    }

    @Test
    void convertsFromJavaDurationsWithMillisecondPrecisionOnly() {
        assertThat(PromDuration.of(Duration.ofMinutes(5))).hasToString("5m");
        assertThatThrownBy(() -> PromDuration.of(Duration.ofNanos(1500)))
                .hasMessageContaining("millisecond precision");
    }

    @Property
    void formatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = 10L * 365 * 86_400_000) long millis) {
        PromDuration d = PromDuration.ofMillis(millis);
        assertThat(PromDuration.parse(d.toString())).isEqualTo(d);
    }
}
