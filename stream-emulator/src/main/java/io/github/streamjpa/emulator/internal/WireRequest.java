package io.github.streamjpa.emulator.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as read from a connection, whole: the body is in memory (or was drained and
 * dropped because it was over the limit).
 *
 * @param method the method as sent (a token, upper case)
 * @param rawPath the path as sent, not decoded
 * @param rawQuery the query as sent, or {@code null}
 * @param headers the headers by lower-case name
 * @param body the body bytes ({@code null} when it was larger than the limit)
 * @param bodySize the body size as received, in bytes
 * @param remote the client's address
 */
record WireRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    long bodySize,
    InetAddress remote) {

  /** The first value of a header (name in any case), or {@code null}. */
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  boolean tooLarge() {
    return body == null;
  }
}
