package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lenient parsing of query parameters and body values, with Stream-shaped errors. */
final class Params {
  private Params() {}

  static int integer(ApiRequest request, String name, int fallback, int min, int max) {
    String value = request.query(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return checkRange(name, value.strip(), min, max);
  }

  static int integer(JsonNode node, String name, int fallback, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() && !value.isTextual()) {
      throw ApiException.input(name, name + " must be an integer, got " + value);
    }
    return checkRange(name, value.asText(), min, max);
  }

  private static int checkRange(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.input(
        name, name + " '" + value + "' must be an integer from " + min + " to " + max);
  }

  static boolean bool(ApiRequest request, String name) {
    String value = request.query(name);
    return value != null && bool(name, value);
  }

  static boolean bool(String name, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no", "" -> false;
      default -> throw ApiException.input(name, name + " '" + value + "' must be true/false/1/0");
    };
  }

  /** mark_seen / mark_read: all groups for a true value, none for false, else group ids. */
  static Set<String> marks(ApiRequest request, String name) {
    List<String> values = request.queryList(name);
    if (values.isEmpty()) {
      return Set.of();
    }
    if (values.size() == 1) {
      String single = values.get(0).toLowerCase(Locale.ROOT);
      if (single.equals("true") || single.equals("1") || single.equals("current")) {
        return ReadParams.ALL;
      }
      if (single.equals("false") || single.equals("0")) {
        return Set.of();
      }
    }
    // Group ids end with their aggregation key, which may itself hold commas: keep each raw value
    // as well as its comma-separated parts.
    Set<String> ids = new LinkedHashSet<>(values);
    ids.addAll(request.query().getOrDefault(name, List.of()));
    return ids;
  }

  static String text(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.input(field, field + " must be a string, got " + value);
    }
    return value.asText();
  }

  /**
   * A foreign id: text, or a number stored as its text, as when an activity is added (the 2018
   * JavaScript client's examples use numbers).
   */
  static String foreignId(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value != null && value.isNumber()) {
      return value.asText();
    }
    return text(node, name, field);
  }

  static long time(String value, String field) {
    try {
      return Times.parse(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.input(field, e.getMessage());
    }
  }

  /** The body of follow_many / unfollow_many: a JSON list ({@code []} when empty). */
  static JsonNode pairList(ApiRequest r, String endpoint) {
    JsonNode body = Json.parse(r.body().isBlank() ? "[]" : r.body());
    if (!body.isArray()) {
      throw ApiException.input(endpoint + " takes a JSON list of {source, target} objects");
    }
    return body;
  }

  /** The body as a JSON object ({@code {}} when empty); anything else is a 400. */
  static JsonNode object(ApiRequest r) {
    JsonNode body = Json.parse(r.body().isBlank() ? "{}" : r.body());
    if (!body.isObject()) {
      throw ApiException.input("the request body must be a JSON object");
    }
    return body;
  }
}
