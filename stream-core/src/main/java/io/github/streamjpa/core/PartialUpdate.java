package io.github.streamjpa.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partial update of one activity: fields to set and fields to remove, addressed by activity id or
 * by foreign id and time (exactly one of the two).
 *
 * <p>Keys of {@code set} and entries of {@code unset} may be dotted paths into nested objects
 * ({@code "product.price"}). The service refuses, and so does this record, changes to {@code id},
 * {@code time}, {@code foreign_id}, {@code to} and {@code origin}, removing or emptying {@code
 * actor}, {@code verb} or {@code object}, and setting one of those or {@code target} to anything
 * but a plain value.
 *
 * <pre>{@code
 * client.partialUpdate(PartialUpdate.byId(id, Map.of("product.price", 19.99), List.of("sale")));
 * }</pre>
 *
 * @param id the activity id, or null when addressed by foreign id and time
 * @param foreignIdTime the activity's foreign id and time, or null when addressed by id
 * @param set fields to set (values may be nested maps, lists, numbers, strings, {@link Instant}s)
 * @param unset fields to remove
 */
public record PartialUpdate(
    String id, ForeignIdTime foreignIdTime, Map<String, Object> set, List<String> unset) {

  /**
   * Validates that exactly one address is given and copies the changes.
   *
   * @param id the activity id, or null when addressed by foreign id and time
   * @param foreignIdTime the activity's foreign id and time, or null when addressed by id
   * @param set fields to set (values may be nested maps, lists, numbers, strings, {@link Instant}s)
   * @param unset fields to remove
   */
  public PartialUpdate {
    if (id != null && foreignIdTime != null) {
      throw new IllegalArgumentException(
          "partial update must be addressed by id or by foreign id and time, not both (id '"
              + id
              + "', foreign id '"
              + foreignIdTime.foreignId()
              + "')");
    }
    if (id == null && foreignIdTime == null) {
      throw new IllegalArgumentException(
          "partial update needs an activity id or a foreign id and time");
    }
    if (id != null) {
      Checks.notBlank(id, "partial update id");
    }
    set = Checks.map(set == null ? Map.of() : set, "partial update set");
    unset = Checks.list(unset == null ? List.of() : unset, "partial update unset");
    set.forEach(PartialUpdate::checkSet);
    for (String field : unset) {
      Checks.notBlank(field, "partial update unset field");
      String first = firstPart(field, "unset");
      if (path(field).length == 1 && REQUIRED.contains(first)) {
        throw new IllegalArgumentException(
            "partial update cannot unset '" + field + "': actor, verb and object are required");
      }
    }
  }

  /** Fields the service never changes after the add, anywhere in a path's first part. */
  private static final Set<String> FIXED = Set.of("id", "time", "foreign_id", "to", "origin");

  private static final Set<String> REQUIRED = Set.of("actor", "verb", "object");

  /** Fields stored as strings: the service takes only a plain value for them. */
  private static final Set<String> TEXT = Set.of("actor", "verb", "object", "target");

  private static void checkSet(String field, Object value) {
    String first = firstPart(field, "set");
    if (path(field).length == 1 && TEXT.contains(first)) {
      if (!(value instanceof CharSequence
          || value instanceof Number
          || value instanceof Boolean
          || value instanceof Character
          || value instanceof Enum<?>)) {
        throw new IllegalArgumentException(
            "partial update must set '" + field + "' to a string, number or boolean, got " + value);
      }
      String text = value.toString();
      if (REQUIRED.contains(first) && text.isEmpty()) {
        throw new IllegalArgumentException(
            "partial update cannot set '"
                + field
                + "' to an empty value: actor, verb and object are required");
      }
      if (first.equals("verb")) {
        NewActivity.checkVerb(text);
      }
    }
    Checks.customValue(value, "partial update set '" + field + "'");
  }

  private static String[] path(String field) {
    return field.split("\\.", -1);
  }

  private static String firstPart(String field, String operation) {
    for (String part : path(field)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException(
            "partial update field '" + field + "' must be a dotted path without empty parts");
      }
    }
    String first = path(field)[0];
    if (FIXED.contains(first)) {
      throw new IllegalArgumentException(
          "partial update cannot "
              + operation
              + " '"
              + field
              + "': Stream never changes id, time, foreign_id, to or origin after the add");
    }
    return first;
  }

  /**
   * Returns an update addressed by activity id.
   *
   * @param id the activity id
   * @param set fields to set, may be null for none
   * @param unset fields to remove, may be null for none
   * @return the update
   */
  public static PartialUpdate byId(String id, Map<String, ?> set, List<String> unset) {
    Checks.notNull(id, "partial update id");
    return new PartialUpdate(id, null, set == null ? null : Checks.map(set, "set"), unset);
  }

  /**
   * Returns an update addressed by foreign id and time.
   *
   * @param foreignId the foreign id
   * @param time the activity's time
   * @param set fields to set, may be null for none
   * @param unset fields to remove, may be null for none
   * @return the update
   */
  public static PartialUpdate byForeignIdTime(
      String foreignId, Instant time, Map<String, ?> set, List<String> unset) {
    return new PartialUpdate(
        null,
        new ForeignIdTime(foreignId, time),
        set == null ? null : Checks.map(set, "set"),
        unset);
  }
}
