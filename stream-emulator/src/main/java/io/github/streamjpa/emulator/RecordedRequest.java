package io.github.streamjpa.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One API request the emulator received, as logged by {@link EmulatorControl#requests()}.
 *
 * @param method the HTTP method, upper case
 * @param path the request path as sent, without the query string
 * @param query the decoded query parameters (repeated keys keep every value)
 * @param headers the request headers, names in lower case, with the secret part of {@code
 *     Authorization} (a JWT's signature, a feed token, an HTTP signature) replaced by {@code
 *     [redacted]}
 * @param body the request body as UTF-8 text ({@code ""} when empty, and for requests refused for
 *     their credentials, path, method or size), cut to 64 KiB
 * @param bodyTruncated whether {@code body} is shorter than the body received
 * @param status the HTTP status answered (0 when the connection was dropped)
 * @param at when the request arrived
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body,
    boolean bodyTruncated,
    int status,
    Instant at) {

  /**
   * The first value of a query parameter.
   *
   * @param name the parameter name
   * @return the value, or {@code null} when absent
   */
  public String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The first value of a header, looked up case-insensitively.
   *
   * @param name the header name
   * @return the value, or {@code null} when absent
   */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
