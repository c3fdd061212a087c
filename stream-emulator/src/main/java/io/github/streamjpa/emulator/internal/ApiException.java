package io.github.streamjpa.emulator.internal;

import java.util.List;
import java.util.Map;

/** A request the emulator refuses, carrying everything Stream's error body holds. */
final class ApiException extends RuntimeException {
  private final int status;
  private final int code;
  private final String exception;
  private final Map<String, List<String>> fields;

  private ApiException(int status, int code, String exception, String detail) {
    this(status, code, exception, detail, Map.of());
  }

  private ApiException(
      int status, int code, String exception, String detail, Map<String, List<String>> fields) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.exception = exception;
    this.fields = fields;
  }

  static ApiException input(String detail) {
    return inputError(detail, Map.of());
  }

  static ApiException input(String field, String message) {
    return inputError(message, Map.of(field, List.of(message)));
  }

  /** An input error listing every field with its messages, as Stream reports a bad activity. */
  static ApiException input(Map<String, List<String>> fieldErrors) {
    return inputError(
        "Errors for fields '" + String.join("', '", fieldErrors.keySet()) + "'", fieldErrors);
  }

  private static ApiException inputError(String detail, Map<String, List<String>> fields) {
    return new ApiException(400, 4, "InputException", detail, fields);
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, 16, "DoesNotExistException", detail);
  }

  static ApiException notAllowed(String detail) {
    return new ApiException(403, 17, "NotAllowedException", detail);
  }

  static ApiException methodNotAllowed(String detail) {
    return new ApiException(405, 17, "NotAllowedException", detail);
  }

  static ApiException apiKey(String detail) {
    return new ApiException(401, 2, "ApiKeyException", detail);
  }

  static ApiException signature(String detail) {
    return new ApiException(401, 3, "SignatureException", detail);
  }

  static ApiException feedConfig(String detail) {
    return new ApiException(400, 6, "FeedConfigException", detail);
  }

  static ApiException tooLarge(String detail) {
    return new ApiException(413, 18, "RequestEntityTooLargeException", detail);
  }

  static ApiException headersTooLarge(String detail) {
    return new ApiException(431, 4, "InputException", detail);
  }

  /** The server is at its connection bound; Stream codes a 5xx as an internal error. */
  static ApiException unavailable(String detail) {
    return internal(503, detail);
  }

  static ApiException internal(int status, String detail) {
    return new ApiException(status, -1, "InternalServerError", detail);
  }

  /**
   * An error for an injected fault with the given status, coded as Stream codes that status.
   *
   * @param status the HTTP status
   * @return the error
   */
  static ApiException forStatus(int status) {
    String detail = "injected fault: the emulator was told to answer " + status;
    return switch (status) {
      case 400 -> input(detail);
      case 401 -> signature(detail);
      case 403 -> notAllowed(detail);
      case 404 -> notFound(detail);
      case 413 -> tooLarge(detail);
      case 429 -> new ApiException(status, 9, "RateLimitReached", detail);
      default ->
          status >= 500
              ? internal(status, detail)
              : new ApiException(status, 1, "StreamApiException", detail);
    };
  }

  /**
   * The HTTP status.
   *
   * @return the status
   */
  int status() {
    return status;
  }

  /**
   * Stream's error code.
   *
   * @return the code
   */
  int code() {
    return code;
  }

  /**
   * Stream's exception name.
   *
   * @return the name
   */
  String exception() {
    return exception;
  }

  /**
   * Per-field messages of an input error.
   *
   * @return the field errors, possibly empty
   */
  Map<String, List<String>> fields() {
    return fields;
  }
}
