package io.monitoringkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ExchangeTest {

    @Test
    void retryAfterTakesSecondsOrAnHttpDate() {
        assertThat(Exchange.retryAfterMillis("3")).isEqualTo(3000);
        assertThat(Exchange.retryAfterMillis(" 0 ")).isZero();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(Exchange.retryAfterMillis(inTenSeconds)).isBetween(8000L, 10_000L);
        assertThat(Exchange.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertThat(Exchange.retryAfterMillis(null)).isEqualTo(-1);
        assertThat(Exchange.retryAfterMillis("")).isEqualTo(-1);
        assertThat(Exchange.retryAfterMillis("soon")).isEqualTo(-1);
        assertThat(Exchange.retryAfterMillis("-5")).isZero();
    }
}
