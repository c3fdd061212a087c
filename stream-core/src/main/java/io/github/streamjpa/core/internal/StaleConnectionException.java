package io.github.streamjpa.core.internal;

import java.io.IOException;

/**
 * A request failed on a pooled connection in a way that makes sending it again on another
 * connection harmless: the server had closed the connection before the request was written, or the
 * request is safe to repeat and the reused connection failed before any answer.
 *
 * <p>{@link RetryInterceptor} sends such a request again at once, whatever the retry policy.
 */
final class StaleConnectionException extends IOException {
  private static final long serialVersionUID = 1L;

  private StaleConnectionException(String message, IOException cause) {
    super(message, cause);
  }

  static StaleConnectionException closedBeforeWrite(String host) {
    return new StaleConnectionException(
        "the pooled connection to "
            + host
            + " was closed by the server before the request was"
            + " written",
        null);
  }

  static StaleConnectionException failedOnReuse(String host, IOException cause) {
    return new StaleConnectionException(
        "the pooled connection to " + host + " failed before any answer: " + cause, cause);
  }
}
