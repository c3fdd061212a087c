package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers one whole request: applies injected faults, runs the operation, answers JSON with {@code
 * duration} and rate-limit headers, and logs the exchange. Control paths go to {@link
 * ControlHandler}.
 */
final class ApiHandler {
  private static final int RATE_LIMIT = 2000;

  private final EmulatorEngine engine;
  private final ControlHandler control;
  private long windowStart;
  private int windowCount;

  ApiHandler(EmulatorEngine engine) {
    this.engine = engine;
    this.control = new ControlHandler(engine);
  }

  WireResponse handle(WireRequest request) {
    if (request.rawPath().startsWith("/_emulator")) {
      return control.handle(request);
    }
    return api(request);
  }

  private WireResponse api(WireRequest wire) {
    long start = System.nanoTime();
    Instant at = Instant.now();
    String method = wire.method().toUpperCase(Locale.ROOT);
    Faults.Decision fault = engine.faults.next();
    if (!fault.latency().isZero()) {
      try {
        Thread.sleep(fault.latency().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault.kind() == Faults.Kind.DROP) {
      log(wire, method, null, 0, at, true);
      return WireResponse.DROP;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    ApiRequest request = null;
    int status;
    ObjectNode response;
    byte[] bytes;
    try {
      if (fault.kind() == Faults.Kind.RATE_LIMIT) {
        headers.put("Retry-After", Long.toString(fault.retryAfterSeconds()));
        throw ApiException.forStatus(429);
      }
      if (fault.kind() == Faults.Kind.FAIL) {
        throw ApiException.forStatus(fault.status());
      }
      if (wire.tooLarge()) {
        throw ApiException.tooLarge(
            "the request body is larger than " + engine.config.maxBodyBytes() + " bytes");
      }
      request =
          ApiRequest.of(
              method, wire.rawPath(), wire.rawQuery(), wire.headers(), Utf8.body(wire.body()));
      Operations.Result result = engine.operations.handle(request);
      status = result.status();
      response = result.body();
      bytes = withDuration(response, start);
    } catch (ApiException e) {
      status = e.status();
      response = ErrorBodies.of(e);
      bytes = withDuration(response, start);
    } catch (RuntimeException e) {
      status = 500;
      response = ErrorBodies.of(ApiException.internal(status, "emulator error: " + e));
      bytes = withDuration(response, start);
    }
    rateLimitHeaders(headers, status);
    // Logged before answering, so a client that got its answer always finds its request logged.
    log(wire, method, request, status, at, fault.kind() != Faults.Kind.NONE);
    return new WireResponse(status, Map.copyOf(headers), bytes);
  }

  private static byte[] withDuration(ObjectNode body, long start) {
    double millis = (System.nanoTime() - start) / 1_000_000.0;
    body.put("duration", String.format(Locale.ROOT, "%.2fms", millis));
    return Json.write(body).getBytes(StandardCharsets.UTF_8);
  }

  private void rateLimitHeaders(Map<String, String> headers, int status) {
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
    headers.put("X-Ratelimit-Limit", Integer.toString(RATE_LIMIT));
    headers.put("X-Ratelimit-Remaining", Integer.toString(status == 429 ? 0 : remaining));
    headers.put("X-Ratelimit-Reset", Long.toString((nowSeconds / 60 + 1) * 60));
  }

  /**
   * Records the exchange, reusing the parsed request when there is one; otherwise (a fault came
   * first, or the path, query or body was not decodable) the query is parsed here, dropped when it
   * cannot be decoded. An answer forced by an injected fault keeps the body whatever its status:
   * the request itself was not refused, and tests look at what it carried.
   */
  private void log(
      WireRequest wire,
      String method,
      ApiRequest parsed,
      int status,
      Instant at,
      boolean injectedFault) {
    Map<String, List<String>> query;
    if (parsed != null) {
      query = parsed.query();
    } else {
      try {
        query = ApiRequest.of(method, "/", wire.rawQuery(), Map.of(), "").query();
      } catch (ApiException e) {
        query = Map.of();
      }
    }
    engine.log.add(wire, method, query, status, at, injectedFault);
  }
}
