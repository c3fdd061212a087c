package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.core.StreamTransportException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides what a failed attempt means, the one place that does:
 *
 * <ul>
 *   <li>{@link Verdict#RETRY}: transport errors, 408, 429 and 5xx; retried with capped exponential
 *       backoff and jitter, at least the server's Retry-After, and parked after the last attempt.
 *   <li>{@link Verdict#PARK}: data errors that no retry can fix (400, 404 such as an unknown feed
 *       group, 413, 422 and every other 4xx, or a payload that cannot be read); parked at once.
 *   <li>{@link Verdict#PAUSE}: 401 and 403, which concern the whole app (a rotated secret, a
 *       missing permission); delivery pauses with backoff and the rows stay pending.
 * </ul>
 */
final class FailurePolicy {

  /** What to do with a row whose attempt failed. */
  enum Verdict {
    /** Try the row again later. */
    RETRY,
    /** Park the row as dead now. */
    PARK,
    /** Leave the row pending and pause all delivery. */
    PAUSE
  }

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxAttempts;

  FailurePolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxAttempts = maxAttempts;
  }

  /** Returns what a failure means, whatever the attempt. */
  static Verdict verdict(RuntimeException failure) {
    if (failure instanceof StreamTransportException) {
      return Verdict.RETRY;
    }
    if (failure instanceof StreamApiException api) {
      int status = api.httpStatus();
      if (status == 401 || status == 403) {
        return Verdict.PAUSE;
      }
      if (status == 408 || status == 429 || status >= 500) {
        return Verdict.RETRY;
      }
      if (status >= 400) {
        return Verdict.PARK;
      }
      return Verdict.RETRY;
    }
    return Verdict.PARK;
  }

  /** Returns whether the failure is about the data sent (a batch is then split to find the row). */
  static boolean isDataError(RuntimeException failure) {
    return verdict(failure) == Verdict.PARK;
  }

  /**
   * Returns what to do with a row that failed its {@code attempts}-th attempt: a retryable failure
   * is parked once the attempts are used up.
   */
  Verdict decide(RuntimeException failure, int attempts) {
    Verdict verdict = verdict(failure);
    return verdict == Verdict.RETRY && attempts >= maxAttempts ? Verdict.PARK : verdict;
  }

  /** Returns the delay before the next attempt after {@code attempts} failed attempts. */
  Duration delay(RuntimeException failure, int attempts) {
    Duration delay = backoff(attempts);
    Optional<Duration> retryAfter = retryAfter(failure);
    return retryAfter.filter(after -> after.compareTo(delay) > 0).orElse(delay);
  }

  /** Returns the capped exponential backoff with jitter after {@code failures} failures. */
  Duration backoff(int failures) {
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int shift = Math.min(Math.max(failures - 1, 0), 30);
    long exponential = Math.min(cap, initial << shift);
    // Full jitter on half the delay keeps retries of many rows from moving in lockstep.
    long half = exponential / 2;
    long jittered = half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    return Duration.ofMillis(Math.max(jittered, 1));
  }

  /** Returns the server's Retry-After, if the failure carries one. */
  static Optional<Duration> retryAfter(RuntimeException failure) {
    if (failure instanceof StreamApiException api) {
      return api.retryAfter();
    }
    return Optional.empty();
  }

  /** Describes a failure for the row's last error, field errors included, without secrets. */
  static String describe(RuntimeException failure) {
    if (failure instanceof StreamApiException api) {
      StringBuilder text =
          new StringBuilder()
              .append("HTTP ")
              .append(api.httpStatus())
              .append(' ')
              .append(api.exceptionName())
              .append(" (code ")
              .append(api.code())
              .append("): ")
              .append(api.detail());
      Map<String, List<String>> fields = api.exceptionFields();
      if (!fields.isEmpty()) {
        text.append("; fields: ");
        String separator = "";
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
          text.append(separator).append(field.getKey()).append(": ");
          text.append(String.join(" / ", field.getValue()));
          separator = "; ";
        }
      }
      return text.toString();
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
