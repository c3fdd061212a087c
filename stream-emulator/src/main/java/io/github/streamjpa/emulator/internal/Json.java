package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The emulator's one JSON mapper and small helpers around it. Request bodies may nest at most
 * {@link #MAX_INPUT_DEPTH} levels and numbers must fit a 64-bit integer or a finite double, so that
 * whatever is stored can be written back inside any response (which wraps it a few levels deeper).
 */
final class Json {
  /** The deepest nesting accepted in a request body. */
  static final int MAX_INPUT_DEPTH = 100;

  /** Deeper than any input plus the envelope a response puts around it. */
  private static final int MAX_OUTPUT_DEPTH = MAX_INPUT_DEPTH + 32;

  private static final BigInteger MIN_INTEGER = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_INTEGER = BigInteger.valueOf(Long.MAX_VALUE);

  static final ObjectMapper MAPPER =
      new ObjectMapper(factory()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectMapper CANONICAL =
      new ObjectMapper(factory()).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Json() {}

  private static JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_INPUT_DEPTH)
                .maxNumberLength(100)
                .build())
        .streamWriteConstraints(
            StreamWriteConstraints.builder().maxNestingDepth(MAX_OUTPUT_DEPTH).build())
        .build();
  }

  static JsonNode parse(String body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      throw ApiException.input("request body is not valid JSON: " + reason);
    }
    checkNumbers(node);
    return node;
  }

  /** Refuses numbers that would not survive a round trip: infinite doubles and huge integers. */
  private static void checkNumbers(JsonNode root) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isContainerNode()) {
        node.forEach(pending::push);
      } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
        throw ApiException.input(
            "request body has a number out of range (larger than a double can hold)");
      } else if (node.isBigInteger()
          && (node.bigIntegerValue().compareTo(MIN_INTEGER) < 0
              || node.bigIntegerValue().compareTo(MAX_INTEGER) > 0)) {
        throw ApiException.input(
            "request body has the integer "
                + node.bigIntegerValue()
                + ", outside the 64-bit range");
      }
    }
  }

  /** How many container levels the node has (a scalar has none). */
  static int depth(JsonNode root) {
    int deepest = 0;
    Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
    pending.push(Map.entry(root, 1));
    while (!pending.isEmpty()) {
      Map.Entry<JsonNode, Integer> next = pending.pop();
      if (next.getKey().isContainerNode()) {
        int level = next.getValue();
        deepest = Math.max(deepest, level);
        next.getKey().forEach(child -> pending.push(Map.entry(child, level + 1)));
      }
    }
    return deepest;
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
