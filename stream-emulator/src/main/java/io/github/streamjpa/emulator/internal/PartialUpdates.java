package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Applies {@code set} and {@code unset} with dotted paths to a copy of an activity's content. */
final class PartialUpdates {
  private static final Set<String> FIXED = Set.of("id", "time", "foreign_id", "to", "origin");

  private PartialUpdates() {}

  static void apply(ObjectNode content, PartialChange change) {
    for (Map.Entry<String, JsonNode> field : change.set().properties()) {
      String[] path = split(field.getKey(), "set");
      JsonNode value = field.getValue();
      if (path.length == 1 && ActivityInput.TEXT_FIELDS.contains(path[0])) {
        if (!value.isValueNode() || value.isNull() || (isVerb(path[0]) && !value.isTextual())) {
          throw ApiException.input("set", path[0] + " must be set to a string, got " + value);
        }
        if (isVerb(path[0])
            && value.asText().getBytes(StandardCharsets.UTF_8).length
                > ActivityInput.MAX_ID_BYTES) {
          throw ApiException.input(
              "set", "verb must be at most " + ActivityInput.MAX_ID_BYTES + " bytes");
        }
        if (ActivityInput.REQUIRED_FIELDS.contains(path[0]) && value.asText().isEmpty()) {
          throw ApiException.input("set", path[0] + " cannot be set to an empty value");
        }
        content.put(path[0], value.asText());
        continue;
      }
      ObjectNode parent = walk(content, path, field.getKey(), true);
      parent.set(path[path.length - 1], value);
    }
    for (String dotted : change.unset()) {
      String[] path = split(dotted, "unset");
      if (path.length == 1 && ActivityInput.REQUIRED_FIELDS.contains(path[0])) {
        throw ApiException.input("unset", path[0] + " is required and cannot be unset");
      }
      ObjectNode parent = walk(content, path, dotted, false);
      if (parent != null) {
        parent.remove(path[path.length - 1]);
      }
    }
    if (Json.depth(content) > Json.MAX_INPUT_DEPTH) {
      throw ApiException.input(
          "set", "the updated activity would nest deeper than " + Json.MAX_INPUT_DEPTH + " levels");
    }
  }

  private static boolean isVerb(String field) {
    return field.equals("verb");
  }

  private static String[] split(String dotted, String field) {
    String[] path = dotted.split("\\.", -1);
    for (String part : path) {
      if (part.isEmpty()) {
        throw ApiException.input(field, "'" + dotted + "' is not a valid dotted field path");
      }
    }
    if (FIXED.contains(path[0])) {
      throw ApiException.input(
          field, "'" + path[0] + "' cannot be changed by a partial update (" + FIXED + ")");
    }
    return path;
  }

  /** The object holding the path's last key; created on the way when {@code create}. */
  private static ObjectNode walk(ObjectNode root, String[] path, String dotted, boolean create) {
    ObjectNode node = root;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode child = node.get(path[i]);
      if (child == null || child.isNull()) {
        if (!create) {
          return null;
        }
        child = node.putObject(path[i]);
      } else if (!child.isObject()) {
        throw ApiException.input(
            create ? "set" : "unset",
            "'" + dotted + "' goes through '" + path[i] + "', which is not an object");
      }
      node = (ObjectNode) child;
    }
    return node;
  }
}
