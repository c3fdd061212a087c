package io.github.streamjpa.core.internal;

import io.github.streamjpa.core.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries requests that are safe to repeat after connection failures, 408, 429 and 5xx, waiting as
 * the {@link RetryPolicy} says or as the server asks ({@code Retry-After}, {@code
 * X-Ratelimit-Reset}).
 *
 * <p>A request that failed with a {@link StaleConnectionException} is sent again at once, whatever
 * its method and the policy: it was never written, or it is safe to repeat.
 */
public final class RetryInterceptor implements Interceptor {
  /** Longest server-requested wait that is honoured; a longer one is handed to the caller. */
  public static final Duration MAX_SERVER_DELAY = Duration.ofMinutes(1);

  /**
   * How many closed pooled connections one request may run into in a row; each is discarded, so
   * this is reached only when the pool holds that many connections the server has closed.
   */
  static final int MAX_STALE_REPLAYS = 16;

  private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;

  /**
   * Creates the interceptor.
   *
   * @param policy attempts and backoff
   * @param sleeper how to wait
   * @param clock the clock the server's reset time is compared with
   * @param random source of jitter in [0, 1)
   */
  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean safe = isSafeToRepeat(request);
    int replays = 0;
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (e instanceof StaleConnectionException
            && replays < MAX_STALE_REPLAYS
            && !chain.call().isCanceled()) {
          // Not a failed attempt: the request goes out again at once on another connection.
          replays++;
          attempt--;
          log.debug(
              "{} {}: {}; sending it on another connection",
              request.method(),
              request.url().encodedPath(),
              e.getMessage());
          continue;
        }
        if (!safe || attempt >= policy.maxAttempts() || chain.call().isCanceled()) {
          throw e;
        }
        pause(request, attempt, policy.backoff(attempt, random.getAsDouble()), e.toString());
        continue;
      }
      if (!safe || attempt >= policy.maxAttempts() || !isRetryableStatus(response.code())) {
        return response;
      }
      Duration serverDelay =
          serverDelay(response.headers(), response.code() == 429, clock.instant());
      if (serverDelay != null && serverDelay.compareTo(MAX_SERVER_DELAY) > 0) {
        return response;
      }
      Duration delay =
          serverDelay != null ? serverDelay : policy.backoff(attempt, random.getAsDouble());
      response.close();
      pause(request, attempt, delay, "HTTP " + response.code());
    }
  }

  private void pause(Request request, int attempt, Duration delay, String reason)
      throws IOException {
    log.debug(
        "{} {} failed ({}); retry {} of {} in {} ms",
        request.method(),
        request.url().encodedPath(),
        reason,
        attempt,
        policy.maxAttempts() - 1,
        delay.toMillis());
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      io.initCause(e);
      throw io;
    }
  }

  /** GET, HEAD and DELETE are idempotent; a POST only when the client tagged it as such. */
  static boolean isSafeToRepeat(Request request) {
    return switch (request.method()) {
      case "GET", "HEAD", "DELETE", "OPTIONS" -> true;
      default -> request.tag(Retryable.class) == Retryable.SAFE;
    };
  }

  static boolean isRetryableStatus(int code) {
    return code == 408 || code == 429 || (code >= 500 && code <= 599);
  }

  /**
   * Reads the wait an answer asks for: its {@code Retry-After}, or for a rate-limit answer the time
   * until its {@code X-Ratelimit-Reset}.
   *
   * @param headers the answer's headers
   * @param rateLimited whether the answer is a rate-limit error (HTTP 429 or Stream code 9)
   * @param now the current time
   * @return the wait (never negative), or null when the answer asks for none
   */
  public static Duration serverDelay(Headers headers, boolean rateLimited, Instant now) {
    Duration retryAfter = parseRetryAfter(headers.get("Retry-After"), now);
    if (retryAfter == null && rateLimited) {
      return untilReset(headers.get("X-Ratelimit-Reset"), now);
    }
    return retryAfter;
  }

  /** A {@code Retry-After} value: delay seconds or an HTTP date; null when absent or unreadable. */
  private static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  /** An {@code X-Ratelimit-Reset} value (epoch seconds) as a wait from now; null if unreadable. */
  private static Duration untilReset(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Duration d = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(value.trim())));
      return d.isNegative() ? Duration.ZERO : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
