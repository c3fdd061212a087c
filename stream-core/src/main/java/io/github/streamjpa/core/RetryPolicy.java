package io.github.streamjpa.core;

import java.time.Duration;

/**
 * How the client retries requests that failed in a way that may pass on a second try.
 *
 * <p>Retried: connection failures and timeouts, HTTP 408, 429 and 5xx. Only requests that are safe
 * to repeat are retried: reads ({@code GET}), deletes, follows and unfollows, and writes in which
 * every activity carries both a foreign id and a time (Stream treats a repeat of those as the same
 * activity). A 400 or any other 4xx is never retried. Between attempts the client waits {@code
 * initialBackoff} doubled per attempt, capped at {@code maxBackoff}, minus up to {@code jitter} of
 * it at random; a {@code Retry-After} or {@code X-Ratelimit-Reset} header on the failed response
 * replaces that wait when it is at most one minute (a longer wait is handed to the caller as the
 * error's {@link StreamApiException#retryAfter()}).
 *
 * <pre>{@code
 * StreamClient client = StreamClient.builder(key, secret)
 *     .retryPolicy(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), 0.5))
 *     .build();
 * }</pre>
 *
 * @param maxAttempts total attempts including the first, at least 1 (1 means no retry)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the cap on the computed wait
 * @param jitter the fraction of the wait removed at random, 0 to 1
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {

  /**
   * Validates the components; see the component descriptions for the rules.
   *
   * @param maxAttempts total attempts including the first, at least 1 (1 means no retry)
   * @param initialBackoff the wait before the first retry
   * @param maxBackoff the cap on the computed wait
   * @param jitter the fraction of the wait removed at random, 0 to 1
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "retry maxAttempts " + maxAttempts + " must be at least 1 (1 turns retries off)");
    }
    Checks.notNull(initialBackoff, "retry initialBackoff");
    Checks.notNull(maxBackoff, "retry maxBackoff");
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException(
          "retry initialBackoff " + initialBackoff + " must not be negative");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "retry maxBackoff " + maxBackoff + " must not be below initialBackoff " + initialBackoff);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("retry jitter " + jitter + " must be between 0 and 1");
    }
  }

  /**
   * Returns the default policy: 3 attempts, waits starting at 200 ms, capped at 5 s, 20% jitter.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.2);
  }

  /**
   * Returns a policy that never retries.
   *
   * @return a policy with one attempt
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * Returns the computed wait before a retry, without any server-requested delay.
   *
   * @param retry 1 for the first retry, 2 for the second, ...
   * @param unitRandom a random number in [0, 1), which selects the jitter
   * @return the wait, between {@code (1 - jitter)} times and exactly the capped exponential value
   */
  public Duration backoff(int retry, double unitRandom) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry number " + retry + " must be at least 1");
    }
    long base = initialBackoff.toNanos();
    long cap = maxBackoff.toNanos();
    long nanos = base;
    for (int i = 1; i < retry && nanos < cap; i++) {
      nanos = nanos > cap / 2 ? cap : nanos * 2;
    }
    nanos = Math.min(nanos, cap);
    return Duration.ofNanos(Math.round(nanos * (1 - jitter * unitRandom)));
  }
}
