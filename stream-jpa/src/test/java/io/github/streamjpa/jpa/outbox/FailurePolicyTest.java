package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.core.StreamTransportException;
import io.github.streamjpa.jpa.outbox.FailurePolicy.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailurePolicyTest {

  private final FailurePolicy policy =
      new FailurePolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5);

  private static StreamApiException api(int status, Duration retryAfter) {
    return new StreamApiException(status, 0, "X", "detail", null, null, retryAfter);
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void timeoutsRateLimitsAndServerErrorsAreRetried(int status) {
    assertThat(FailurePolicy.verdict(api(status, null))).isEqualTo(Verdict.RETRY);
    assertThat(policy.decide(api(status, null), 1)).isEqualTo(Verdict.RETRY);
  }

  @Test
  void transportErrorsAreRetried() {
    StreamTransportException down = new StreamTransportException("down", new IOException());
    assertThat(FailurePolicy.verdict(down)).isEqualTo(Verdict.RETRY);
  }

  @ParameterizedTest(name = "HTTP {0} parks the row")
  @ValueSource(ints = {400, 404, 409, 413, 422})
  void dataErrorsParkTheRowAtOnce(int status) {
    assertThat(FailurePolicy.verdict(api(status, null))).isEqualTo(Verdict.PARK);
    assertThat(policy.decide(api(status, null), 1)).isEqualTo(Verdict.PARK);
    assertThat(FailurePolicy.isDataError(api(status, null))).isTrue();
  }

  @Test
  void aPayloadThatCannotBeReadParksTheRow() {
    assertThat(policy.decide(new IllegalArgumentException("actor missing"), 1))
        .isEqualTo(Verdict.PARK);
  }

  @ParameterizedTest(name = "HTTP {0} pauses delivery")
  @ValueSource(ints = {401, 403})
  void refusedCredentialsPauseDeliveryAndAreNeverDataErrors(int status) {
    assertThat(FailurePolicy.verdict(api(status, null))).isEqualTo(Verdict.PAUSE);
    assertThat(policy.decide(api(status, null), 99)).isEqualTo(Verdict.PAUSE);
    assertThat(FailurePolicy.isDataError(api(status, null))).isFalse();
  }

  @Test
  void retryableFailuresAreParkedAfterMaxAttempts() {
    assertThat(policy.decide(api(503, null), 4)).isEqualTo(Verdict.RETRY);
    assertThat(policy.decide(api(503, null), 5)).isEqualTo(Verdict.PARK);
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

  @Test
  void describesFieldErrorsToo() {
    StreamApiException refused =
        new StreamApiException(
            400,
            4,
            "InputException",
            "Errors for fields 'actor'",
            Map.of("actor", List.of("actor is a required field", "too long")),
            null,
            null);
    assertThat(FailurePolicy.describe(refused))
        .isEqualTo(
            "HTTP 400 InputException (code 4): Errors for fields 'actor'; fields: actor: actor is"
                + " a required field / too long");
  }
}
