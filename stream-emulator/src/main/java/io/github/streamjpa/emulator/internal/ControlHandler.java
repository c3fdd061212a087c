package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.streamjpa.emulator.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP control surface under {@code /_emulator/}, answered only to loopback clients: reset,
 * request log, faults and feed inspection.
 */
final class ControlHandler {
  private final EmulatorEngine engine;

  ControlHandler(EmulatorEngine engine) {
    this.engine = engine;
  }

  void handle(HttpExchange exchange) throws IOException {
    int status = 200;
    ObjectNode body;
    try {
      if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
        throw ApiException.notAllowed("the emulator control surface answers loopback clients only");
      }
      String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      ApiRequest r =
          ApiRequest.of(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              text);
      body = route(r);
    } catch (ApiException e) {
      status = e.status();
      body = ErrorBodies.of(e);
    } catch (IllegalArgumentException e) {
      status = 400;
      body = ErrorBodies.of(ApiException.input(e.getMessage()));
    }
    body.put("duration", "0.00ms");
    ApiHandler.writeJson(exchange, status, body, false);
  }

  private ObjectNode route(ApiRequest r) {
    List<String> s = r.segments().subList(1, r.segments().size());
    String m = r.method();
    String what = s.isEmpty() ? "" : s.get(0);
    ObjectNode out = Json.MAPPER.createObjectNode();
    switch (what + " " + m) {
      case "health GET" -> out.put("status", "ok");
      case "reset POST" -> {
        engine.reset();
        out.put("reset", true);
      }
      case "requests GET" -> {
        ArrayNode list = out.putArray("requests");
        for (RecordedRequest request : engine.requests()) {
          list.add(Json.MAPPER.valueToTree(recorded(request)));
        }
      }
      case "requests DELETE" -> engine.clearRequests();
      case "faults GET" -> out.set("faults", engine.faults.describe());
      case "faults DELETE" -> engine.clearFaults();
      case "faults POST" -> {
        applyFaults(Json.parse(r.body().isBlank() ? "{}" : r.body()));
        out.set("faults", engine.faults.describe());
      }
      case "feeds GET" -> {
        if (s.size() != 3) {
          throw ApiException.notFound("use /_emulator/feeds/<slug>/<user_id>/");
        }
        ArrayNode list = out.putArray("activities");
        engine
            .feedActivities(s.get(1), s.get(2))
            .forEach(a -> list.add(Json.MAPPER.valueToTree(a)));
        ArrayNode following = out.putArray("following");
        engine.following(s.get(1), s.get(2)).forEach(following::add);
        ArrayNode followers = out.putArray("followers");
        engine.followers(s.get(1), s.get(2)).forEach(followers::add);
      }
      default ->
          throw ApiException.notFound(
              "no control operation at "
                  + m
                  + " "
                  + r.rawPath()
                  + "; see GET health, POST reset, GET|DELETE requests, GET|POST|DELETE faults,"
                  + " GET feeds/<slug>/<user_id>");
    }
    return out;
  }

  private static Map<String, Object> recorded(RecordedRequest request) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("method", request.method());
    map.put("path", request.path());
    map.put("query", request.query());
    map.put("headers", request.headers());
    map.put("body", request.body());
    map.put("status", request.status());
    map.put("at", request.at().toString());
    return map;
  }

  private void applyFaults(JsonNode spec) {
    if (!spec.isObject()) {
      throw ApiException.input("the faults body must be a JSON object");
    }
    List<Runnable> changes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : spec.properties()) {
      JsonNode v = field.getValue();
      switch (field.getKey()) {
        case "fail_next" -> {
          int count = v.path("count").asInt(1);
          int status = v.path("status").asInt(503);
          changes.add(() -> engine.failNext(count, status));
        }
        case "fail_fraction" -> {
          double fraction = v.path("fraction").asDouble();
          int status = v.path("status").asInt(503);
          long seed = v.path("seed").asLong(0);
          changes.add(() -> engine.failFraction(fraction, status, seed));
        }
        case "rate_limit_next" -> {
          int count = v.path("count").asInt(1);
          long seconds = v.path("retry_after_seconds").asLong(1);
          changes.add(() -> engine.rateLimitNext(count, Duration.ofSeconds(seconds)));
        }
        case "latency_ms" -> changes.add(() -> engine.latency(Duration.ofMillis(v.asLong())));
        case "drop_connections" -> changes.add(() -> engine.dropConnections(v.asBoolean()));
        default ->
            throw ApiException.input(
                field.getKey(),
                "unknown fault '"
                    + field.getKey()
                    + "'; known: fail_next, fail_fraction, rate_limit_next, latency_ms,"
                    + " drop_connections");
      }
    }
    changes.forEach(Runnable::run);
  }
}
