package io.github.streamjpa.emulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A received request, parsed leniently: doubled slashes collapsed, segments URL-decoded, query
 * values kept in order, header names in lower case.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path as sent
 * @param rawQuery the query string as sent, or {@code null}
 * @param segments the decoded, non-empty path segments
 * @param query the decoded query parameters
 * @param headers the headers by lower-case name
 * @param body the body as UTF-8 text
 */
record ApiRequest(
    String method,
    String rawPath,
    String rawQuery,
    List<String> segments,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body) {

  static ApiRequest of(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> rawHeaders,
      String body) {
    List<String> segments = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        segments.add(decode(part, false));
      }
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    rawHeaders.forEach(
        (name, values) ->
            headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
    return new ApiRequest(
        method.toUpperCase(Locale.ROOT),
        rawPath,
        rawQuery,
        List.copyOf(segments),
        copy(query),
        copy(headers),
        body);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String decode(String text, boolean plusIsSpace) {
    return Utf8.unescape(text, plusIsSpace);
  }

  /** The first value of a query parameter, or {@code null}. */
  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a list parameter, whether repeated or comma-joined; empty items dropped. */
  List<String> queryList(String name) {
    List<String> out = new ArrayList<>();
    for (String value : query.getOrDefault(name, List.of())) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }

  /** The first value of a header (name in any case), or {@code null}. */
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The path and query as sent, for HTTP signatures over {@code (request-target)}. */
  String target() {
    return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
  }
}
