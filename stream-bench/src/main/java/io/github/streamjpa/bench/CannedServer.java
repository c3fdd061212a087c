package io.github.streamjpa.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server answering every GET with the same 25-activity feed page and every other
 * request with one added activity, the way Stream answers them. It costs the same for every client
 * measured against it.
 */
public final class CannedServer implements AutoCloseable {
  static final int PAGE_SIZE = 25;

  static {
    // Without it the JDK server's separate header and body writes wait for delayed ACKs (~40 ms).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] page = page().getBytes(StandardCharsets.UTF_8);
  private final byte[] added = activity(0, true).getBytes(StandardCharsets.UTF_8);

  private CannedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    executor = Executors.newFixedThreadPool(32);
    server.setExecutor(executor);
    server.createContext("/", this::answer);
    server.start();
  }

  /**
   * Serves until killed, for profiling one worker by hand: prints the base URL to pass to {@code
   * OursWorker}, {@code OkHttpWorker} or the official client's worker.
   */
  public static void main(String[] args) throws Exception {
    CannedServer server = start();
    System.out.println(server.baseUrl());
    Thread.currentThread().join();
  }

  static CannedServer start() throws IOException {
    return new CannedServer();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    byte[] body = "GET".equals(exchange.getRequestMethod()) ? page : added;
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String page() {
    StringBuilder s = new StringBuilder("{\"results\":[");
    for (int i = 0; i < PAGE_SIZE; i++) {
      s.append(i == 0 ? "" : ",").append(activity(i + 1, false));
    }
    return s.append("],\"next\":\"/api/v1.0/feed/user/1/?api_key=key&id_lt=")
        .append(id(PAGE_SIZE))
        .append("&limit=25\",\"duration\":\"4.21ms\"}")
        .toString();
  }

  private static String activity(int n, boolean withDuration) {
    return "{\"id\":\""
        + id(n)
        + "\",\"actor\":\"User:"
        + (n % 7)
        + "\",\"verb\":\"pin\",\"object\":\"Pin:"
        + n
        + "\",\"target\":\"Board:"
        + (n % 3)
        + "\",\"time\":\"2026-11-30T10:15:"
        + String.format("%02d", n % 60)
        + ".123456\",\"foreign_id\":\"Pin:"
        + n
        + "\",\"origin\":null,\"to\":[\"notification:"
        + (n % 5)
        + "\"],\"message\":\"a pin about the number "
        + n
        + "\",\"tags\":[\"blue\",\"green\"],\"score\":"
        + (n * 3)
        + ",\"location\":{\"lat\":52.37,\"lon\":4.89}"
        + (withDuration ? ",\"duration\":\"2.10ms\"" : "")
        + "}";
  }

  private static String id(int n) {
    return String.format("%08x-0000-11e4-b400-0cc47a024be0", n);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
