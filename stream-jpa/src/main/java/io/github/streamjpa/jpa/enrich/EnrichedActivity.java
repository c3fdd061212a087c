package io.github.streamjpa.jpa.enrich;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An activity whose references are resolved to entities: {@code actor}, {@code object}, {@code
 * target} and the custom fields named in {@link Enricher.Builder#fields(String...)}.
 *
 * <pre>{@code
 * User user = activity.actor(User.class);
 * Pin pin = activity.object(Pin.class);
 * Board board = activity.field("board", Board.class);
 * }</pre>
 *
 * <p>A resolved field holds the entity; a field whose value is not a reference (e.g. {@code
 * "system"}) holds that value unchanged; a reference that could not be resolved holds {@code null}
 * and is listed in {@link #missingReferences()}.
 *
 * @param id the activity id assigned by the feed
 * @param actor the actor: an entity, a non-reference value, or null when missing
 * @param verb the verb
 * @param object the object: an entity, a non-reference value, or null when missing
 * @param target the target: an entity, a non-reference value, or null when absent or missing
 * @param time the activity time
 * @param foreignId the foreign id, or null
 * @param to the {@code to} targets as feed ids ({@code slug:user})
 * @param origin the feed the activity was copied from, or null
 * @param fields the enriched custom fields present on this activity, name → value as above
 * @param extra every custom field as read from the feed, unresolved
 * @param missingReferences the references that could not be resolved
 */
public record EnrichedActivity(
    String id,
    Object actor,
    String verb,
    Object object,
    Object target,
    Instant time,
    String foreignId,
    List<String> to,
    String origin,
    Map<String, Object> fields,
    Map<String, Object> extra,
    List<MissingReference> missingReferences)
    implements EnrichedResult {

  /** Copies the collections; {@code fields} and {@code extra} may hold null values. */
  public EnrichedActivity {
    to = to == null ? List.of() : List.copyOf(to);
    fields = Maps.frozen(fields);
    extra = Maps.frozen(extra);
    missingReferences = missingReferences == null ? List.of() : List.copyOf(missingReferences);
  }

  /**
   * Returns the actor as {@code type}, or null when there is none or it could not be loaded.
   *
   * @throws IllegalStateException if the actor is a value of another type
   */
  public <T> T actor(Class<T> type) {
    return typed("actor", actor, type);
  }

  /**
   * Returns the object as {@code type}, or null when there is none or it could not be loaded.
   *
   * @throws IllegalStateException if the object is a value of another type
   */
  public <T> T object(Class<T> type) {
    return typed("object", object, type);
  }

  /**
   * Returns the target as {@code type}, or null when there is none or it could not be loaded.
   *
   * @throws IllegalStateException if the target is a value of another type
   */
  public <T> T target(Class<T> type) {
    return typed("target", target, type);
  }

  /**
   * Returns a custom field as {@code type}: the entity for an enriched field, otherwise the raw
   * value; null when the activity has no such field or its reference could not be loaded.
   *
   * @throws IllegalStateException if the value is of another type (for example the raw reference
   *     string of a field that was not named for enrichment)
   */
  public <T> T field(String name, Class<T> type) {
    Objects.requireNonNull(name, "name");
    boolean enriched = fields.containsKey(name);
    Object value = enriched ? fields.get(name) : extra.get(name);
    String hint =
        enriched ? "" : " (name '" + name + "' in Enricher.Builder.fields to resolve references)";
    return typed(name, value, type, hint);
  }

  private <T> T typed(String field, Object value, Class<T> type) {
    return typed(field, value, type, "");
  }

  private <T> T typed(String field, Object value, Class<T> type, String hint) {
    Objects.requireNonNull(type, "type");
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    // entities are described by class only: their toString() may touch lazy state
    String shown =
        value instanceof String || value instanceof Number
            ? value.getClass().getSimpleName() + " '" + value + "'"
            : "a " + value.getClass().getSimpleName();
    throw new IllegalStateException(
        field + " of activity " + id + " is " + shown + ", not a " + type.getName() + hint);
  }
}
