package io.github.streamjpa.core;

import java.io.IOException;

/**
 * A request got no usable HTTP answer: connection refused or reset, DNS failure, a connect, read or
 * call timeout, or an interrupted call.
 *
 * <p>The cause is always the {@link IOException} OkHttp reported. Whether the change reached Stream
 * is unknown, so callers that must not lose writes should retry with the same foreign id and time
 * (Stream treats those as the same activity).
 */
public class StreamTransportException extends StreamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a transport failure for a request.
   *
   * @param message which request failed, for example {@code "POST feed/user/1/ failed"}
   * @param cause the I/O failure
   */
  public StreamTransportException(String message, IOException cause) {
    super(message + ": " + cause, cause);
  }

  /**
   * Returns the I/O failure that stopped the request.
   *
   * @return the cause, never null
   */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
