package io.github.streamjpa.jpa.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.jpa.StreamSyncException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Converts an activity's extra data to plain JSON, refusing what has no faithful JSON form (beans,
 * threads, maps that contain themselves, values nested too deep) with the entity and the field
 * named. Entities become references.
 */
final class PlainJson {

  /** Levels of nested maps and lists accepted below a top-level field. */
  static final int MAX_DEPTH = 32;

  private static final String ALLOWED =
      "strings, numbers, booleans, null, lists, arrays, maps, Instant, UUID, enums, FeedId and"
          + " entities";

  private final EntityNaming naming;
  private final String what;
  private final Set<Object> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  PlainJson(EntityNaming naming, String what) {
    this.naming = naming;
    this.what = what;
  }

  /** Converts the extra data map; null is no extra data. */
  ObjectNode extra(Map<String, Object> extra) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    if (extra == null) {
      return fields;
    }
    for (Map.Entry<String, Object> field : extra.entrySet()) {
      String key = field.getKey();
      if (key == null || key.isBlank()) {
        throw refused("has a null or blank key");
      }
      try {
        NewActivity.builder().extra(key, null);
      } catch (IllegalArgumentException e) {
        throw refused(
            "key '"
                + key
                + "' is a named activity field; return it from its own Activity method instead");
      }
      fields.set(key, value(field.getValue(), key, 0));
    }
    return fields;
  }

  private JsonNode value(Object value, String path, int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof String text) {
      return nodes.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return nodes.booleanNode(flag);
    }
    if (value instanceof Number number) {
      return number(number, path);
    }
    if (value instanceof Instant || value instanceof UUID || value instanceof FeedId) {
      return nodes.textNode(value.toString());
    }
    if (value instanceof Enum<?> constant) {
      return nodes.textNode(constant.name());
    }
    if (value instanceof Map<?, ?>
        || value instanceof Collection<?>
        || value.getClass().isArray()) {
      return container(value, path, depth);
    }
    var type = naming.entityType(value);
    if (type.isPresent()) {
      try {
        return nodes.textNode(naming.reference(type.get(), value));
      } catch (RuntimeException e) {
        throw refused("value at '" + path + "': " + e.getMessage());
      }
    }
    throw refused(
        "value at '"
            + path
            + "' is a "
            + value.getClass().getName()
            + ", which is not plain JSON; use "
            + ALLOWED);
  }

  private JsonNode container(Object value, String path, int depth) {
    if (depth >= MAX_DEPTH) {
      throw refused("value at '" + path + "' is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (!open.add(value)) {
      throw refused("value at '" + path + "' contains itself");
    }
    try {
      if (value instanceof Map<?, ?> map) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = key(entry.getKey(), path);
          object.set(key, value(entry.getValue(), path + "." + key, depth + 1));
        }
        return object;
      }
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      if (value instanceof Collection<?> collection) {
        int index = 0;
        for (Object element : collection) {
          array.add(value(element, path + "[" + index++ + "]", depth + 1));
        }
      } else {
        for (int index = 0; index < Array.getLength(value); index++) {
          array.add(value(Array.get(value, index), path + "[" + index + "]", depth + 1));
        }
      }
      return array;
    } finally {
      open.remove(value);
    }
  }

  private String key(Object key, String path) {
    if (key instanceof String text) {
      return text;
    }
    if (key instanceof Number || key instanceof Enum<?> || key instanceof Boolean) {
      return key instanceof Enum<?> constant ? constant.name() : key.toString();
    }
    throw refused(
        "map at '"
            + path
            + "' has a key of type "
            + (key == null ? "null" : key.getClass().getName())
            + "; JSON keys are strings");
  }

  private JsonNode number(Number number, String path) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return nodes.numberNode(number.intValue());
    }
    if (number instanceof Long) {
      return nodes.numberNode(number.longValue());
    }
    if (number instanceof BigInteger big) {
      return nodes.numberNode(big);
    }
    if (number instanceof BigDecimal decimal) {
      return nodes.numberNode(decimal);
    }
    if ((number instanceof Double || number instanceof Float)
        && Double.isFinite(number.doubleValue())) {
      return number instanceof Float
          ? nodes.numberNode(number.floatValue())
          : nodes.numberNode(number.doubleValue());
    }
    throw refused(
        "value at '"
            + path
            + "' is the number "
            + number
            + " ("
            + number.getClass().getName()
            + "), which JSON cannot hold");
  }

  private StreamSyncException refused(String problem) {
    return new StreamSyncException(what + ": activityExtraData() " + problem);
  }
}
