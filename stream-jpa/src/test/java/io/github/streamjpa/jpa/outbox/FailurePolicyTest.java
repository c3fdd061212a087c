package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.core.StreamTransportException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

  private final FailurePolicy policy =
      new FailurePolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5);

  private static StreamApiException api(int status, Duration retryAfter) {
    return new StreamApiException(status, 0, "X", "detail", null, null, retryAfter);
  }

  @Test
  void transportErrorsRateLimitsAndServerErrorsAreRetried() {
    assertThat(FailurePolicy.retryable(new StreamTransportException("down", new IOException())))
        .isTrue();
    assertThat(FailurePolicy.retryable(api(429, null))).isTrue();
    assertThat(FailurePolicy.retryable(api(503, null))).isTrue();
    assertThat(FailurePolicy.retryable(api(500, null))).isTrue();
  }

  @Test
  void badDataIsParkedAtOnce() {
    assertThat(policy.park(api(400, null), 1)).isTrue();
    assertThat(policy.park(new IllegalArgumentException("actor missing"), 1)).isTrue();
    assertThat(policy.park(api(503, null), 1)).isFalse();
  }

  @Test
  void retryableFailuresAreParkedAfterMaxAttempts() {
    assertThat(policy.park(api(503, null), 4)).isFalse();
    assertThat(policy.park(api(503, null), 5)).isTrue();
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndIsCapped() {
    for (int i = 0; i < 50; i++) {
      assertThat(policy.delay(api(503, null), 1))
          .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(policy.delay(api(503, null), 3))
          .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(policy.delay(api(503, null), 30))
          .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void retryAfterIsHonouredWhenLongerThanTheBackoff() {
    assertThat(policy.delay(api(429, Duration.ofSeconds(7)), 1)).isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.delay(api(429, Duration.ofMillis(1)), 3))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void describesApiErrorsWithStatusNameAndDetail() {
    assertThat(
            FailurePolicy.describe(
                new StreamApiException(
                    400, 4, "InputException", "verb too long", null, null, null)))
        .isEqualTo("HTTP 400 InputException (code 4): verb too long");
  }
}
