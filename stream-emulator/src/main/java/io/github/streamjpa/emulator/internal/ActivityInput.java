package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated activity from a request body: normalised content, its time when the client gave one
 * and its resolved {@code to} targets.
 *
 * @param content the fields to store (no id, time or origin; actor, verb, object, target as text)
 * @param micros the given time, or {@code null} for "now"
 * @param to the resolved {@code to} feeds
 */
record ActivityInput(ObjectNode content, Long micros, List<FeedRef> to) {
  /** Fields the server assigns; a client that echoes them back is not refused. */
  private static final Set<String> SERVER_FIELDS = Set.of("id", "origin", "duration", "score");

  /** Fields stored as text; partial updates follow the same rules. */
  static final Set<String> TEXT_FIELDS = Set.of("actor", "verb", "object", "target");

  /** The longest verb (Stream's documented limit) and foreign_id, in UTF-8 bytes. */
  static final int MAX_ID_BYTES = 255;

  /** Fields that must be non-empty, in the order their errors are reported. */
  static final List<String> REQUIRED_FIELDS = List.of("actor", "verb", "object");

  String foreignId() {
    return content.path("foreign_id").asText("");
  }

  /**
   * Validates one activity object, collecting every problem into one 400 InputException.
   *
   * @param node the JSON the client sent
   * @param prefix the field prefix for error messages in batches (empty for a single activity)
   * @param resolver resolves {@code to} targets
   */
  static ActivityInput parse(JsonNode node, String prefix, FeedResolver resolver) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      throw ApiException.input(
          prefix.isEmpty() ? "activity" : prefix, "an activity must be a JSON object");
    }
    ObjectNode content = Json.MAPPER.createObjectNode();
    Long micros = null;
    List<FeedRef> to = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value == null || value.isNull() || SERVER_FIELDS.contains(name)) {
        continue;
      }
      if (name.equals("verb") && !value.isTextual()) {
        errors.put(prefix + name, List.of("verb must be a string, got " + value));
      } else if (TEXT_FIELDS.contains(name) || name.equals("foreign_id")) {
        if (!value.isValueNode()) {
          errors.put(prefix + name, List.of(name + " must be a string, got " + value));
          continue;
        }
        content.put(name, value.asText());
      } else if (name.equals("time")) {
        try {
          micros = Times.parse(value.asText());
        } catch (IllegalArgumentException e) {
          errors.put(prefix + "time", List.of(e.getMessage()));
        }
      } else if (name.equals("to")) {
        parseTo(value, prefix, resolver, content, to, errors);
      } else {
        content.set(name, value);
      }
    }
    for (String required : REQUIRED_FIELDS) {
      if (!errors.containsKey(prefix + required) && content.path(required).asText("").isEmpty()) {
        errors.put(prefix + required, List.of("Missing required field " + required));
      }
    }
    for (String field : List.of("verb", "foreign_id")) {
      if (content.path(field).asText("").getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
        errors.put(prefix + field, List.of(field + " must be at most " + MAX_ID_BYTES + " bytes"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.input(errors);
    }
    if (content.path("foreign_id").asText("").isEmpty()) {
      content.remove("foreign_id");
    }
    return new ActivityInput(content, micros, List.copyOf(to));
  }

  /** Validates every activity of a batch, reporting the problems of all of them at once. */
  static List<ActivityInput> parseAll(JsonNode list, String name, FeedResolver resolver) {
    List<ActivityInput> inputs = new ArrayList<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        inputs.add(parse(list.get(i), name + "[" + i + "].", resolver));
      } catch (ApiException e) {
        errors.putAll(
            e.fields().isEmpty()
                ? Map.of(name + "[" + i + "]", List.of(e.getMessage()))
                : e.fields());
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.input(errors);
    }
    return inputs;
  }

  private static void parseTo(
      JsonNode value,
      String prefix,
      FeedResolver resolver,
      ObjectNode content,
      List<FeedRef> to,
      Map<String, List<String>> errors) {
    if (!value.isArray()) {
      errors.put(prefix + "to", List.of("to must be a list of feed ids, got " + value));
      return;
    }
    ArrayNode plain = content.putArray("to");
    for (JsonNode item : value) {
      try {
        FeedRef ref =
            resolver.parseFeedId(item.isTextual() ? item.asText() : item.toString(), "to");
        if (to.stream().noneMatch(r -> r.id().equals(ref.id()))) {
          to.add(ref);
          plain.add(ref.id());
        }
      } catch (ApiException e) {
        errors.put(prefix + "to", List.of(e.getMessage() + ": " + item));
      }
    }
    if (to.isEmpty()) {
      content.remove("to");
    }
  }
}
