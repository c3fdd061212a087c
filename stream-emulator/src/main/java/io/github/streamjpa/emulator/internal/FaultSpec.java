package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A validated {@code POST /_emulator/faults} body: every field is checked (type, range, no unknown
 * keys) before any fault changes, so a bad body changes nothing.
 */
final class FaultSpec {
  /** The longest injectable latency and Retry-After. */
  static final long MAX_LATENCY_MILLIS = 60_000;

  static final long MAX_RETRY_AFTER_SECONDS = 3600;

  private static final long MAX_COUNT = 1_000_000;

  private final List<Consumer<EmulatorEngine>> changes;

  private FaultSpec(List<Consumer<EmulatorEngine>> changes) {
    this.changes = changes;
  }

  static FaultSpec parse(JsonNode spec) {
    if (!spec.isObject()) {
      throw ApiException.input("the faults body must be a JSON object");
    }
    List<Consumer<EmulatorEngine>> changes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : spec.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      switch (name) {
        case "fail_next" -> {
          fields(value, name, Set.of("count", "status"));
          int count = (int) integer(value, name, "count", 1, 0, MAX_COUNT);
          int status = (int) integer(value, name, "status", 503, 400, 599);
          changes.add(engine -> engine.failNext(count, status));
        }
        case "fail_fraction" -> {
          fields(value, name, Set.of("fraction", "status", "seed"));
          JsonNode fraction = value.get("fraction");
          if (fraction == null
              || !fraction.isNumber()
              || !(fraction.asDouble() >= 0.0 && fraction.asDouble() <= 1.0)) {
            throw ApiException.input(
                name + ".fraction",
                name + ".fraction must be a number from 0.0 to 1.0, got " + fraction);
          }
          double share = fraction.asDouble();
          int status = (int) integer(value, name, "status", 503, 400, 599);
          long seed = integer(value, name, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
          changes.add(engine -> engine.failFraction(share, status, seed));
        }
        case "rate_limit_next" -> {
          fields(value, name, Set.of("count", "retry_after_seconds"));
          int count = (int) integer(value, name, "count", 1, 0, MAX_COUNT);
          long seconds = integer(value, name, "retry_after_seconds", 1, 0, MAX_RETRY_AFTER_SECONDS);
          changes.add(engine -> engine.rateLimitNext(count, Duration.ofSeconds(seconds)));
        }
        case "latency_ms" -> {
          long millis = number(value, name, 0, MAX_LATENCY_MILLIS);
          changes.add(engine -> engine.latency(Duration.ofMillis(millis)));
        }
        case "drop_connections" -> {
          if (!value.isBoolean()) {
            throw ApiException.input(name, name + " must be true or false, got " + value);
          }
          boolean drop = value.asBoolean();
          changes.add(engine -> engine.dropConnections(drop));
        }
        default ->
            throw ApiException.input(
                name,
                "unknown fault '"
                    + name
                    + "'; known: fail_next, fail_fraction, rate_limit_next, latency_ms,"
                    + " drop_connections");
      }
    }
    return new FaultSpec(List.copyOf(changes));
  }

  void applyTo(EmulatorEngine engine) {
    changes.forEach(change -> change.accept(engine));
  }

  private static void fields(JsonNode value, String name, Set<String> known) {
    if (!value.isObject()) {
      throw ApiException.input(name, name + " must be an object, got " + value);
    }
    for (String key : (Iterable<String>) value::fieldNames) {
      if (!known.contains(key)) {
        throw ApiException.input(
            name + "." + key, "unknown field '" + key + "' in " + name + "; known: " + known);
      }
    }
  }

  private static long integer(
      JsonNode object, String name, String field, long fallback, long min, long max) {
    JsonNode value = object.get(field);
    return value == null ? fallback : number(value, name + "." + field, min, max);
  }

  private static long number(JsonNode value, String field, long min, long max) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiException.input(field, field + " must be an integer, got " + value);
    }
    long number = value.asLong();
    if (number < min || number > max) {
      throw ApiException.input(field, field + " " + number + " must be from " + min + " to " + max);
    }
    return number;
  }
}
