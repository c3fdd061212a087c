package io.github.streamjpa.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stream answered with an error: a non-2xx status, or a body carrying an {@code exception}.
 *
 * <p>Carries everything the error body and headers said (stream-api.md §3.2). Errors whose Stream
 * {@code code} is known are thrown as a subclass ({@link InputException}, {@link
 * FeedConfigException}, {@link RateLimitException}, ...); unknown codes use this class itself.
 *
 * <pre>{@code
 * try {
 *   feed.addActivity(activity);
 * } catch (InputException e) {
 *   e.exceptionFields().forEach((field, messages) -> log.warn("{}: {}", field, messages));
 * }
 * }</pre>
 */
public class StreamApiException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the response. */
  private final int httpStatus;

  /** Stream's error code, 0 when the body had none. */
  private final int code;

  /** The {@code exception} of the body, or null. */
  private final String exceptionName;

  /** The {@code detail} of the body, or null. */
  private final String detail;

  /** Messages per field, from the body's {@code exception_fields}. */
  private final Map<String, List<String>> exceptionFields;

  private final transient RateLimit rateLimit;

  /** How long the server asked the caller to wait, or null. */
  private final Duration retryAfter;

  /**
   * Creates an API error from the parts of an error response; also usable by fakes in tests.
   *
   * @param httpStatus the HTTP status
   * @param code Stream's error code ({@code code} in the body), 0 when the body had none
   * @param exceptionName the {@code exception} of the body, may be null
   * @param detail the {@code detail} of the body, may be null
   * @param exceptionFields per-field messages ({@code exception_fields}), may be null
   * @param rateLimit the rate-limit headers, may be null
   * @param retryAfter how long the server asked the caller to wait, may be null
   */
  public StreamApiException(
      int httpStatus,
      int code,
      String exceptionName,
      String detail,
      Map<String, List<String>> exceptionFields,
      RateLimit rateLimit,
      Duration retryAfter) {
    super(describe(httpStatus, code, exceptionName, detail, exceptionFields));
    this.httpStatus = httpStatus;
    this.code = code;
    this.exceptionName = exceptionName;
    this.detail = detail;
    this.exceptionFields = copy(exceptionFields);
    this.rateLimit = rateLimit;
    this.retryAfter = retryAfter;
  }

  /**
   * Returns the HTTP status of the response.
   *
   * @return the status, for example 400
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns Stream's error code from the body (stream-api.md §3.2), or 0 when the body had none.
   *
   * @return the code, for example 4 for an input error
   */
  public int code() {
    return code;
  }

  /**
   * Returns the exception name Stream reported, for example {@code "InputException"}.
   *
   * @return the name, or null when the body had none
   */
  public String exceptionName() {
    return exceptionName;
  }

  /**
   * Returns Stream's human-readable explanation.
   *
   * @return the detail, or null when the body had none
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns the per-field messages of an input error ({@code exception_fields}).
   *
   * <p>When Stream reported one map per batch item, keys are prefixed with the item index, as in
   * {@code "1.actor"}.
   *
   * @return an unmodifiable map, empty when there were none
   */
  public Map<String, List<String>> exceptionFields() {
    return exceptionFields;
  }

  /**
   * Returns the rate-limit headers of the error response, when it had any.
   *
   * @return the rate limit, or empty
   */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /**
   * Returns how long the server asked to wait before trying again ({@code Retry-After}, or the
   * rate-limit reset of a 429).
   *
   * @return the wait, or empty when the server gave none
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static String describe(
      int status, int code, String name, String detail, Map<String, List<String>> fields) {
    StringBuilder sb = new StringBuilder();
    sb.append(name == null ? "Stream API error" : name);
    sb.append(" (HTTP ").append(status).append(", code ").append(code).append(')');
    if (detail != null && !detail.isBlank()) {
      sb.append(": ").append(detail);
    }
    if (fields != null && !fields.isEmpty()) {
      sb.append(" fields ").append(fields);
    }
    return sb.toString();
  }
}
