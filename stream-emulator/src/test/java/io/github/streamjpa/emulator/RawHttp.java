package io.github.streamjpa.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP over a plain socket, for what java.net.http will not send (a forged Host, broken request
 * lines, stalled requests): writes bytes as given and reads one response.
 */
final class RawHttp {
  private RawHttp() {}

  /** A response read off the socket: status, headers by lower-case name, and the parsed body. */
  record Reply(int status, Map<String, String> headers, JsonNode body) {}

  /** Opens a connection to the emulator (a 10 s read timeout). */
  static Socket connect(StreamEmulator emulator) {
    try {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port());
      socket.setSoTimeout(10_000);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request} (ISO-8859-1 text, then {@code body}) on a new connection and reads. */
  static Reply exchange(StreamEmulator emulator, String request, byte[] body) {
    try (Socket socket = connect(emulator)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        socket.getOutputStream().write(body);
      }
      socket.getOutputStream().flush();
      return read(socket.getInputStream(), request.startsWith("HEAD "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reply exchange(StreamEmulator emulator, String request) {
    return exchange(emulator, request, null);
  }

  /** Reads one response with a Content-Length body (announced but not sent for HEAD). */
  static Reply read(InputStream in, boolean head) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Reply(
        status,
        headers,
        RawApi.JSON.readTree(body.length == 0 ? "null" : new String(body, StandardCharsets.UTF_8)));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("the server closed the connection mid-response: " + out);
      }
      if (b != '\r') {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
