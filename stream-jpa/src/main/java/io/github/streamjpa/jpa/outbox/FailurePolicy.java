package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.core.StreamTransportException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides what a failed attempt means: retry later (capped exponential backoff with jitter, at
 * least the server's Retry-After) or park now (bad data that no retry can fix).
 */
final class FailurePolicy {

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxAttempts;

  /** Creates the policy. */
  public FailurePolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxAttempts = maxAttempts;
  }

  /** Returns whether another attempt can succeed: transport errors, 408, 429 and 5xx. */
  public static boolean retryable(RuntimeException failure) {
    if (failure instanceof StreamTransportException) {
      return true;
    }
    if (failure instanceof StreamApiException api) {
      int status = api.httpStatus();
      return status != 400 && status != 413 && status != 422;
    }
    return false;
  }

  /** Returns whether a row that failed its {@code attempts}-th attempt is parked. */
  public boolean park(RuntimeException failure, int attempts) {
    return !retryable(failure) || attempts >= maxAttempts;
  }

  /** Returns the delay before the next attempt after {@code attempts} failed attempts. */
  public Duration delay(RuntimeException failure, int attempts) {
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int shift = Math.min(Math.max(attempts - 1, 0), 30);
    long exponential = Math.min(cap, initial << shift);
    // Full jitter on half the delay keeps retries of many rows from moving in lockstep.
    long half = exponential / 2;
    long jittered = half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    Duration delay = Duration.ofMillis(Math.max(jittered, 1));
    Optional<Duration> retryAfter = retryAfter(failure);
    return retryAfter.filter(after -> after.compareTo(delay) > 0).orElse(delay);
  }

  /** Returns the server's Retry-After, if the failure carries one. */
  public static Optional<Duration> retryAfter(RuntimeException failure) {
    if (failure instanceof StreamApiException api) {
      return api.retryAfter();
    }
    return Optional.empty();
  }

  /** Describes a failure for the row's last error, without secrets. */
  public static String describe(RuntimeException failure) {
    if (failure instanceof StreamApiException api) {
      return "HTTP "
          + api.httpStatus()
          + " "
          + api.exceptionName()
          + " (code "
          + api.code()
          + "): "
          + api.detail();
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
