package io.github.streamjpa.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The app exceeded a rate limit.
 *
 * <p>Thrown for Stream error code 9 (RateLimitReached), HTTP 429; {@link #retryAfter()} says when
 * to try again.
 */
public class RateLimitException extends StreamApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error from the parts of an error response; see {@link
   * StreamApiException#StreamApiException(int, int, String, String, Map, RateLimit, Duration)}.
   *
   * @param httpStatus the HTTP status
   * @param code Stream's error code
   * @param exceptionName the {@code exception} of the body, may be null
   * @param detail the {@code detail} of the body, may be null
   * @param exceptionFields per-field messages, may be null
   * @param rateLimit the rate-limit headers, may be null
   * @param retryAfter how long the server asked the caller to wait, may be null
   */
  public RateLimitException(
      int httpStatus,
      int code,
      String exceptionName,
      String detail,
      Map<String, List<String>> exceptionFields,
      RateLimit rateLimit,
      Duration retryAfter) {
    super(httpStatus, code, exceptionName, detail, exceptionFields, rateLimit, retryAfter);
  }
}
