package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer to write back, or {@link #DROP} to close the connection without one.
 *
 * @param status the HTTP status
 * @param headers extra headers (Content-Type and Content-Length are added when written)
 * @param body the JSON body bytes
 */
record WireResponse(int status, Map<String, String> headers, byte[] body) {
  /** Close the connection without answering. */
  static final WireResponse DROP = new WireResponse(0, Map.of(), new byte[0]);

  static WireResponse json(int status, Map<String, String> headers, ObjectNode body) {
    return new WireResponse(
        status, Map.copyOf(headers), Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** An error in Stream's shape, with {@code duration} set. */
  static WireResponse error(ApiException error, Map<String, String> headers) {
    ObjectNode body = ErrorBodies.of(error);
    body.put("duration", "0.00ms");
    return json(error.status(), headers, body);
  }

  boolean dropped() {
    return this == DROP;
  }
}
