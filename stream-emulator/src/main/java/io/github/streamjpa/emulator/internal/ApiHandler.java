package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.streamjpa.emulator.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * The HTTP entry: reads the request, applies injected faults, runs the operation, answers JSON with
 * {@code duration} and rate-limit headers, and logs the exchange.
 */
public final class ApiHandler implements HttpHandler {
  private static final int RATE_LIMIT = 2000;

  private final EmulatorEngine engine;
  private final ControlHandler control;
  private long windowStart;
  private int windowCount;

  /**
   * Creates the handler for an engine.
   *
   * @param engine the engine holding state, faults and the log
   */
  public ApiHandler(EmulatorEngine engine) {
    this.engine = engine;
    this.control = new ControlHandler(engine);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (exchange.getRequestURI().getRawPath().startsWith("/_emulator")) {
        control.handle(exchange);
      } else {
        api(exchange);
      }
    } finally {
      exchange.close();
    }
  }

  private void api(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    Instant at = Instant.now();
    byte[] raw = readBody(exchange.getRequestBody(), engine.config.maxBodyBytes());
    String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Faults.Decision fault = engine.faults.next();
    if (!fault.latency().isZero()) {
      try {
        Thread.sleep(fault.latency().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault.kind() == Faults.Kind.DROP) {
      log(exchange, null, method, rawPath, rawQuery, body, 0, at);
      return; // closing without a response makes the server drop the connection
    }
    ApiRequest request = null;
    int status;
    ObjectNode response;
    try {
      if (fault.kind() == Faults.Kind.RATE_LIMIT) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfterSeconds()));
        throw ApiException.forStatus(429);
      }
      if (fault.kind() == Faults.Kind.FAIL) {
        throw ApiException.forStatus(fault.status());
      }
      if (raw == null) {
        throw ApiException.tooLarge(
            "the request body is larger than " + engine.config.maxBodyBytes() + " bytes");
      }
      request = ApiRequest.of(method, rawPath, rawQuery, exchange.getRequestHeaders(), body);
      Operations.Result result = engine.operations.handle(request);
      status = result.status();
      response = result.body();
    } catch (ApiException e) {
      status = e.status();
      response = ErrorBodies.of(e);
    } catch (RuntimeException e) {
      status = 500;
      response = ErrorBodies.of(ApiException.internal(status, "emulator error: " + e));
    }
    // Logged before answering, so a client that got its answer always finds its request logged.
    log(exchange, request, method, rawPath, rawQuery, body, status, at);
    send(exchange, method, status, response, start);
  }

  /** The body, or {@code null} when it is larger than the limit (it is still drained). */
  private static byte[] readBody(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total <= limit) {
        out.write(buffer, 0, n);
      }
    }
    return total > limit ? null : out.toByteArray();
  }

  private void send(HttpExchange exchange, String method, int status, ObjectNode body, long start)
      throws IOException {
    double millis = (System.nanoTime() - start) / 1_000_000.0;
    body.put("duration", String.format(Locale.ROOT, "%.2fms", millis));
    var headers = exchange.getResponseHeaders();
    long nowSeconds = System.currentTimeMillis() / 1000;
    int remaining;
    synchronized (this) {
      long window = nowSeconds / 60;
      if (window != windowStart) {
        windowStart = window;
        windowCount = 0;
      }
      windowCount++;
      remaining = Math.max(0, RATE_LIMIT - windowCount);
    }
    headers.set("X-Ratelimit-Limit", Integer.toString(RATE_LIMIT));
    headers.set("X-Ratelimit-Remaining", Integer.toString(status == 429 ? 0 : remaining));
    headers.set("X-Ratelimit-Reset", Long.toString((nowSeconds / 60 + 1) * 60));
    writeJson(exchange, status, body, method.equals("HEAD"));
  }

  /** Answers with a JSON body, or with its headers only when {@code headOnly}. */
  static void writeJson(HttpExchange exchange, int status, ObjectNode body, boolean headOnly)
      throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (headOnly) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Records the exchange, reusing the parsed request when there is one; otherwise (a fault came
   * first, or the path or query was not decodable) query and headers are parsed here, the query
   * dropped when it cannot be decoded.
   */
  private void log(
      HttpExchange exchange,
      ApiRequest parsed,
      String method,
      String rawPath,
      String rawQuery,
      String body,
      int status,
      Instant at) {
    if (parsed == null) {
      try {
        parsed = ApiRequest.of(method, "/", rawQuery, exchange.getRequestHeaders(), body);
      } catch (ApiException e) {
        parsed = ApiRequest.of(method, "/", null, exchange.getRequestHeaders(), body);
      }
    }
    engine.log.add(
        new RecordedRequest(method, rawPath, parsed.query(), parsed.headers(), body, status, at));
  }
}
