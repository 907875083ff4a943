package io.monitoringkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsMatchTheDocumentedPolicy() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(p.retryStatuses()).containsExactlyInAnyOrder(429, 502, 503, 504);
        assertThat(p.retryConnectionFailures()).isTrue();
        assertThat(p.retryNonIdempotent()).isFalse();
        assertThat(p.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToTheCapAndJitterOnlyShortensIt() {
        RetryPolicy p = RetryPolicy.defaults().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(350))
                .jitter(0.5);
        assertThat(p.backoffMillis(1, 0)).isEqualTo(100);
        assertThat(p.backoffMillis(2, 0)).isEqualTo(200);
        assertThat(p.backoffMillis(3, 0)).isEqualTo(350);
        assertThat(p.backoffMillis(40, 0)).isEqualTo(350);
        assertThat(p.backoffMillis(2, 0.999)).isBetween(100L, 101L);
    }

    @Test
    void refusesToRetry400And422AndNonErrors() {
        assertThatThrownBy(() -> RetryPolicy.defaults().retryStatuses(Set.of(503, 422, 400, 200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[200, 400, 422] cannot be retried: 400 and 422 give the same answer again, and only "
                        + "error statuses 4xx/5xx are retried");
    }

    @Test
    void validatesNumbers() {
        assertThatThrownBy(() -> RetryPolicy.defaults().maxAttempts(0))
                .hasMessage("0 is not a valid maxAttempts; expected 1 or more");
        assertThatThrownBy(() -> RetryPolicy.defaults().jitter(1.5))
                .hasMessage("1.5 is not a valid jitter; expected a fraction from 0 to 1");
        assertThatThrownBy(() -> RetryPolicy.defaults().deadline(Duration.ofSeconds(-1)))
                .hasMessage("PT-1S is not a valid deadline; it must not be negative");
    }
}
