package io.github.streamjpa.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An activity as Stream returns it.
 *
 * <p>Fields Stream leaves empty ({@code target: ""}, {@code foreign_id: ""}) are null here. Custom
 * fields are in {@code extra} as Jackson reads JSON: maps, lists, numbers, booleans and strings
 * (times in custom fields stay strings; {@link StreamTimes#parse(String)} reads them). {@link
 * StreamClient#convert(FeedActivity, Class)} maps an activity onto a class of the caller's.
 *
 * @param id the activity id Stream assigned
 * @param actor the actor, for example {@code "User:1"}
 * @param verb the verb, for example {@code "pin"}
 * @param object the object, for example {@code "Pin:42"}
 * @param target the target, or null
 * @param time the activity's time
 * @param foreignId the caller's id for the activity, or null
 * @param to the feeds the activity was also sent to, as {@code "slug:userId"}
 * @param origin the feed a copy came through, or null for the original
 * @param extra every other field, in the order Stream returned them
 */
public record FeedActivity(
    String id,
    String actor,
    String verb,
    String object,
    String target,
    Instant time,
    String foreignId,
    List<String> to,
    String origin,
    Map<String, Object> extra) {

  /**
   * Copies {@code to} and {@code extra} into unmodifiable collections.
   *
   * @param id the activity id Stream assigned
   * @param actor the actor, for example {@code "User:1"}
   * @param verb the verb, for example {@code "pin"}
   * @param object the object, for example {@code "Pin:42"}
   * @param target the target, or null
   * @param time the activity's time
   * @param foreignId the caller's id for the activity, or null
   * @param to the feeds the activity was also sent to, as {@code "slug:userId"}
   * @param origin the feed a copy came through, or null for the original
   * @param extra every other field, in the order Stream returned them
   */
  public FeedActivity {
    to = to == null ? List.of() : List.copyOf(to);
    extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /**
   * Returns the natural key of this activity when it has both a foreign id and a time.
   *
   * @return the key, or empty
   */
  public Optional<ForeignIdTime> foreignIdTime() {
    return foreignId == null || time == null
        ? Optional.empty()
        : Optional.of(new ForeignIdTime(foreignId, time));
  }

  /**
   * Returns one custom field.
   *
   * @param field the field name
   * @return the value, or null when absent
   */
  public Object extra(String field) {
    return extra.get(field);
  }
}
