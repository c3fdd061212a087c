package io.github.streamjpa.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one whole HTTP/1.x request from a connection: request line, headers (bounded in size) and
 * the body (by Content-Length or chunked; past the body limit it is read and dropped). Problems
 * with the request's framing are {@link ApiException}s after which the connection is closed.
 */
final class RequestReader {
  /** The largest request line plus headers accepted. */
  static final int MAX_HEADER_BYTES = 32 * 1024;

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final OutputStream out;
  private final int maxBodyBytes;

  RequestReader(InputStream in, OutputStream out, int maxBodyBytes) {
    this.in = in;
    this.out = out;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** A request read whole, and whether the client wants the connection kept open after it. */
  record Read(WireRequest request, boolean keepAlive) {}

  /**
   * Reads the rest of a request whose first byte was already read.
   *
   * @param first the first byte
   * @param remote the client's address
   */
  Read read(int first, InetAddress remote) throws IOException {
    List<String> lines = headerLines(first);
    String[] requestLine = lines.get(0).split(" ", -1);
    if (requestLine.length != 3
        || !TOKEN.matcher(requestLine[0]).matches()
        || requestLine[1].isEmpty()
        || !requestLine[1].startsWith("/")) {
      throw ApiException.input("malformed HTTP request line: " + printable(lines.get(0)));
    }
    String version = requestLine[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw ApiException.input("HTTP version " + printable(version) + " is not supported");
    }
    Map<String, List<String>> headers = headers(lines.subList(1, lines.size()));
    String target = requestLine[1];
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? null : target.substring(question + 1);
    String connection = first(headers, "connection");
    boolean keepAlive =
        version.equals("HTTP/1.1")
            ? !"close".equalsIgnoreCase(connection)
            : "keep-alive".equalsIgnoreCase(connection);

    String transfer = first(headers, "transfer-encoding");
    String length = first(headers, "content-length");
    boolean expectContinue = "100-continue".equalsIgnoreCase(first(headers, "expect"));
    byte[] body;
    long size;
    if (transfer != null) {
      if (length != null || !transfer.strip().equalsIgnoreCase("chunked")) {
        throw ApiException.input(
            "Transfer-Encoding " + printable(transfer) + " is not supported with this request");
      }
      continueIf(expectContinue);
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      size = chunked(buffer);
      body = size > maxBodyBytes ? null : buffer.toByteArray();
    } else {
      long declared = contentLength(headers);
      size = declared;
      if (declared > maxBodyBytes) {
        if (expectContinue) {
          // The client waits for a go-ahead that will not come: answer without reading.
          return new Read(
              new WireRequest(requestLine[0], rawPath, rawQuery, headers, null, declared, remote),
              false);
        }
        skip(declared);
        body = null;
      } else {
        continueIf(expectContinue && declared > 0);
        body = in.readNBytes((int) declared);
        if (body.length < declared) {
          throw new EOFException("the client closed the connection inside the body");
        }
      }
    }
    return new Read(
        new WireRequest(requestLine[0], rawPath, rawQuery, headers, body, size, remote),
        keepAlive && body != null);
  }

  private void continueIf(boolean expectContinue) throws IOException {
    if (expectContinue) {
      out.write(CONTINUE);
      out.flush();
    }
  }

  /** The request line and header lines, without line ends; bounded by {@link #MAX_HEADER_BYTES}. */
  private List<String> headerLines(int first) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    int b = first;
    while (true) {
      if (b < 0) {
        throw new EOFException("the client closed the connection inside the headers");
      }
      if (++total > MAX_HEADER_BYTES) {
        throw ApiException.headersTooLarge(
            "the request line and headers are larger than " + MAX_HEADER_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
          if (!lines.isEmpty()) {
            return lines;
          }
          // Blank lines before a request line are tolerated.
        } else {
          lines.add(text);
        }
        line.reset();
      } else {
        line.write(b);
      }
      b = in.read();
    }
  }

  private static Map<String, List<String>> headers(List<String> lines) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      String name = colon <= 0 ? "" : line.substring(0, colon);
      if (!TOKEN.matcher(name).matches()) {
        throw ApiException.input("malformed HTTP header line: " + printable(line));
      }
      headers
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    headers.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(headers);
  }

  private static long contentLength(Map<String, List<String>> headers) {
    List<String> values = headers.getOrDefault("content-length", List.of());
    if (values.isEmpty()) {
      return 0;
    }
    String value = values.get(0);
    if (values.stream().anyMatch(v -> !v.equals(value)) || !value.matches("\\d{1,18}")) {
      throw ApiException.input("Content-Length " + printable(value) + " is not a byte count");
    }
    return Long.parseLong(value);
  }

  /** Reads a chunked body into {@code buffer} up to the limit (the rest is dropped); its size. */
  private long chunked(ByteArrayOutputStream buffer) throws IOException {
    long total = 0;
    while (true) {
      String sizeLine = shortLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
      if (!hex.matches("[0-9A-Fa-f]{1,15}")) {
        throw ApiException.input("malformed chunk size " + printable(sizeLine));
      }
      long chunk = Long.parseLong(hex, 16);
      if (chunk == 0) {
        while (!shortLine().isEmpty()) {
          // trailers are ignored
        }
        return total;
      }
      total += chunk;
      if (total <= maxBodyBytes) {
        byte[] data = in.readNBytes((int) chunk);
        if (data.length < chunk) {
          throw new EOFException("the client closed the connection inside a chunk");
        }
        buffer.write(data);
      } else {
        buffer.reset();
        skip(chunk);
      }
      if (!shortLine().isEmpty()) {
        throw ApiException.input("a chunk is longer than its declared size");
      }
    }
  }

  /** A line of at most 1 KiB (chunk sizes and trailers). */
  private String shortLine() throws IOException {
    StringBuilder text = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("the client closed the connection inside a chunked body");
      }
      if (text.length() > 1024) {
        throw ApiException.input("a chunk header or trailer is longer than 1024 bytes");
      }
      if (b != '\r') {
        text.append((char) b);
      }
    }
    return text.toString();
  }

  private void skip(long count) throws IOException {
    byte[] scratch = new byte[8192];
    long left = count;
    while (left > 0) {
      int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
      if (n < 0) {
        throw new EOFException("the client closed the connection inside the body");
      }
      left -= n;
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The text with control characters escaped and cut to 100 characters, for messages. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length() && i < 100; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return out.append(text.length() > 100 ? "...'" : "'").toString();
  }
}
