package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** The emulator's one JSON mapper and small helpers around it. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Json() {}

  static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      throw ApiException.input("request body is not valid JSON: " + reason);
    }
  }

  /** The node's text with object keys sorted at every level, so equal content gives equal text. */
  static String canonical(JsonNode node) {
    try {
      Object plain = MAPPER.convertValue(node, Object.class);
      return CANONICAL.writeValueAsString(plain);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise stored JSON", e);
    }
  }

  static Map<String, Object> toMap(JsonNode node) {
    return MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() {});
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise response", e);
    }
  }
}
