package io.monitoringkit.template.internal;

import io.monitoringkit.template.internal.GoValues.GoDuration;
import io.monitoringkit.template.internal.GoValues.GoTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoTimesTest {

    private static final GoTime T = new GoTime(1_700_000_000L, 123_456_789, true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2006-01-02 15:04:05|2023-11-14 22:13:20", "Jan _2 03:04:05PM|Nov 14 10:13:20PM", "Monday Mon|Tuesday Tue",
        "January 1/2/06|November 11/14/23", "15:04:05.000|22:13:20.123", "15:04:05.999999|22:13:20.123456",
        "Z07:00 -0700 MST|Z +0000 UTC", "002 __2|318 318", "3pm|10pm"})
    void formatsWithGosReferenceLayout(String layout, String expected) {
        assertThat(GoTimes.format(T, layout)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0s", "1|1ns", "1500|1.5µs", "1500000|1.5ms", "1000000000|1s", "61500000000|1m1.5s",
        "3600000000000|1h0m0s", "-90000000000|-1m30s", "9223372036854775807|2562047h47m16.854775807s"})
    void durationsPrintAsGoDurationString(long nanos, String expected) {
        assertThat(GoTimes.string(new GoDuration(nanos, true))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0|1970-01-01 00:00:00 +0000 UTC", "1|500000000|1970-01-01 00:00:01.5 +0000 UTC",
        "-1|0|1969-12-31 23:59:59 +0000 UTC"})
    void timesPrintAsGoTimeString(long seconds, int nanos, String expected) {
        assertThat(GoTimes.string(new GoTime(seconds, nanos, true))).isEqualTo(expected);
    }
}
