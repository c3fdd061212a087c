package io.github.streamjpa.emulator.internal;

import io.github.streamjpa.emulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The log of received API requests, bounded by count and by an estimate of its size in bytes
 * (oldest dropped first). Bodies are cut to {@link #MAX_BODY_BYTES}; requests refused before their
 * content mattered (credentials, routing, size) are kept without their body, unless the refusal was
 * an injected fault; credentials in {@code Authorization} are redacted.
 */
final class RequestLog {
  /** The most of one body the log keeps, in UTF-8 bytes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** Statuses of requests refused before their body was looked at: logged without it. */
  private static final Set<Integer> REJECTED = Set.of(401, 403, 404, 405, 413, 431);

  private static final Pattern JWT_SIGNATURE =
      Pattern.compile("([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*)\\.[A-Za-z0-9_-]+");
  private static final Pattern SIGNATURE_PARAM = Pattern.compile("(?i)(signature=\")[^\"]*(\")");
  private static final String REDACTED = "[redacted]";

  private final int limit;
  private final long maxBytes;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long bytes;

  private record Entry(RecordedRequest request, long size) {}

  RequestLog(int limit, long maxBytes) {
    this.limit = limit;
    this.maxBytes = maxBytes;
  }

  void add(
      WireRequest wire,
      String method,
      Map<String, List<String>> query,
      int status,
      Instant at,
      boolean injectedFault) {
    boolean refused = REJECTED.contains(status) && !injectedFault;
    byte[] raw = wire.body() == null || refused ? new byte[0] : wire.body();
    boolean truncated = wire.bodySize() > raw.length;
    int kept = Math.min(raw.length, MAX_BODY_BYTES);
    truncated |= kept < raw.length;
    // Lenient decoding: a body refused as invalid UTF-8 is still worth seeing.
    String body = new String(raw, 0, kept, StandardCharsets.UTF_8);
    if (truncated && !body.isEmpty() && body.charAt(body.length() - 1) == '\uFFFD') {
      body = body.substring(0, body.length() - 1); // a character cut in half
    }
    Map<String, List<String>> headers = redact(wire.headers());
    RecordedRequest request =
        new RecordedRequest(method, wire.rawPath(), query, headers, body, truncated, status, at);
    long size = 256L + 2L * (body.length() + wire.rawPath().length());
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      size += 64 + 2L * header.getKey().length();
      for (String value : header.getValue()) {
        size += 2L * value.length();
      }
    }
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      size += 64 + 2L * parameter.getKey().length();
      for (String value : parameter.getValue()) {
        size += 2L * value.length();
      }
    }
    synchronized (this) {
      entries.addLast(new Entry(request, size));
      bytes += size;
      while (entries.size() > limit || (bytes > maxBytes && entries.size() > 1)) {
        bytes -= entries.removeFirst().size();
      }
    }
  }

  private static Map<String, List<String>> redact(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (!name.equals("authorization")) {
            out.put(name, values);
            return;
          }
          List<String> redacted = new ArrayList<>();
          for (String value : values) {
            redacted.add(redactCredential(value));
          }
          out.put(name, List.copyOf(redacted));
        });
    return Collections.unmodifiableMap(out);
  }

  /**
   * The value with its secret part replaced: a JWT keeps its header and claims, a feed token its
   * feed, an HTTP signature its parameters but not the signature.
   */
  static String redactCredential(String value) {
    String text = value.strip();
    if (text.regionMatches(true, 0, "Signature ", 0, 10)) {
      return SIGNATURE_PARAM.matcher(text).replaceAll("$1" + REDACTED + "$2");
    }
    var jwt = JWT_SIGNATURE.matcher(text);
    if (jwt.find()) {
      return jwt.replaceAll("$1." + REDACTED);
    }
    int space = text.lastIndexOf(' ');
    return space < 0 ? REDACTED : text.substring(0, space + 1) + REDACTED;
  }

  synchronized List<RecordedRequest> snapshot() {
    List<RecordedRequest> out = new ArrayList<>(entries.size());
    entries.forEach(entry -> out.add(entry.request()));
    return List.copyOf(out);
  }

  synchronized void clear() {
    entries.clear();
    bytes = 0;
  }
}
