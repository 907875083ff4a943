package io.monitoringkit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryOptionsTest {

    @Test
    void defaultsSetNothing() {
        QueryOptions o = QueryOptions.defaults();
        assertThat(o.time()).isEmpty();
        assertThat(o.timeout()).isEmpty();
        assertThat(o.limit()).isEmpty();
        assertThat(o.lookbackDelta()).isEmpty();
        assertThat(o.stats()).isFalse();
        assertThat(o).hasToString("QueryOptions{}");
    }

    @Test
    void settersReturnCopies() {
        QueryOptions base = QueryOptions.defaults();
        QueryOptions o = base.time(Instant.ofEpochSecond(10)).timeout(Duration.ofSeconds(5)).limit(3)
                .lookbackDelta(Duration.ofMinutes(1)).stats(true);
        assertThat(base).isEqualTo(QueryOptions.defaults());
        assertThat(o.limit()).hasValue(3);
        assertThat(o).hasToString(
                "QueryOptions{time=1970-01-01T00:00:10Z, timeout=PT5S, limit=3, lookbackDelta=PT1M, stats=all}");
    }

    @Test
    void rejectsNonPositiveDurationsAndNegativeLimits() {
        assertThatThrownBy(() -> QueryOptions.defaults().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PT0S is not a valid timeout; it must be positive");
        assertThatThrownBy(() -> QueryOptions.defaults().lookbackDelta(Duration.ofSeconds(-1)))
                .hasMessage("PT-1S is not a valid lookbackDelta; it must be positive");
        assertThatThrownBy(() -> QueryOptions.defaults().limit(-1))
                .hasMessage("-1 is not a valid limit; expected 0 (no limit) or more");
        assertThatThrownBy(() -> SeriesOptions.defaults().limit(-2))
                .hasMessage("-2 is not a valid limit; expected 0 (no limit) or more");
    }

    @Test
    void zeroLimitMeansNone() {
        assertThat(QueryOptions.defaults().limit(5).limit(0).limit()).isEmpty();
        assertThat(SeriesOptions.defaults().limit(0).limit()).isEmpty();
    }
}
