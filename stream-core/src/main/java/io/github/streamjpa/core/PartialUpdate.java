package io.github.streamjpa.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A partial update of one activity: fields to set and fields to remove, addressed by activity id or
 * by foreign id and time (exactly one of the two).
 *
 * <p>Keys of {@code set} and entries of {@code unset} may be dotted paths into nested objects
 * ({@code "product.price"}).
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
    for (String field : unset) {
      Checks.notBlank(field, "partial update unset field");
    }
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
