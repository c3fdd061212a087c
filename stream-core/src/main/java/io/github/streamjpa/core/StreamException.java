package io.github.streamjpa.core;

/**
 * Root of every exception stream-core throws for a failed call.
 *
 * <p>Unchecked: catch it where a Stream failure can be handled (for example to queue the change for
 * later). Its two direct subclasses separate answers from the API ({@link StreamApiException}) from
 * failures to get an answer at all ({@link StreamTransportException}). Bad arguments are not
 * reported with this type but with {@link IllegalArgumentException} or {@link
 * NullPointerException}, thrown before any request is sent.
 */
public class StreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what failed and why.
   *
   * @param message what failed and why
   */
  public StreamException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that caused it.
   *
   * @param message what failed and why
   * @param cause the underlying failure
   */
  public StreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
