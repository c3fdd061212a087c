package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The single copy of an activity shared by every feed that shows it, so an update shows up
 * everywhere and a removal can find every feed.
 */
final class StoredActivity {
  final String id;
  final long micros;

  /** When it was created, relative to every other activity: orders activities of equal time. */
  final long created;

  /** Every field except id, time and origin; actor, verb, object and target as strings. */
  ObjectNode content;

  /** The feeds holding an entry for this activity. */
  final Set<String> feeds = new LinkedHashSet<>();

  StoredActivity(String id, long micros, long created, ObjectNode content) {
    this.id = id;
    this.micros = micros;
    this.created = created;
    this.content = content;
  }

  SortKey key() {
    return new SortKey(micros, created, id);
  }

  String foreignId() {
    return content.path("foreign_id").asText("");
  }

  Set<String> to() {
    return targetsOf(content);
  }

  /** The feed ids in a content's {@code to} list, in order (a new, modifiable set). */
  static Set<String> targetsOf(JsonNode content) {
    Set<String> to = new LinkedHashSet<>();
    content.path("to").forEach(n -> to.add(n.asText()));
    return to;
  }
}
