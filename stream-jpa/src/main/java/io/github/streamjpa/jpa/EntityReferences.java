package io.github.streamjpa.jpa;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes and reads entity references, the {@code "<EntityName>:<id>"} strings stored in activity
 * fields (actor, object, target, extra data) and used as default foreign ids.
 *
 * <pre>{@code
 * EntityReferences.of("User", 42L);               // "User:42"
 * EntityReferences.parse("Pin:7");                // Optional[ParsedReference[entityName=Pin, id=7]]
 * EntityReferences.parse("just text");            // Optional.empty()
 * }</pre>
 *
 * <p>Only strings of the form {@code Name:id}, where {@code Name} matches {@code
 * [A-Za-z_][A-Za-z0-9_]*} and {@code id} is not empty, count as references. The id is everything
 * after the first colon, so ids may contain colons themselves.
 */
public final class EntityReferences {

  private static final Pattern ENTITY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EntityReferences() {}

  /**
   * Returns the reference {@code "<entityName>:<id>"}.
   *
   * @throws IllegalArgumentException if the entity name does not match {@code
   *     [A-Za-z_][A-Za-z0-9_]*} or the id's string form is empty
   */
  public static String of(String entityName, Object id) {
    Objects.requireNonNull(entityName, "entityName");
    Objects.requireNonNull(id, "id");
    if (!ENTITY_NAME.matcher(entityName).matches()) {
      throw new IllegalArgumentException(
          "entity name '" + entityName + "' must match [A-Za-z_][A-Za-z0-9_]*");
    }
    String idText = id.toString();
    if (idText.isEmpty()) {
      throw new IllegalArgumentException(
          "id of entity '" + entityName + "' must not have an empty string form");
    }
    return entityName + ":" + idText;
  }

  /**
   * Parses a reference; returns empty when the value is null or not of the form {@code Name:id}.
   */
  public static Optional<ParsedReference> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      return Optional.empty();
    }
    String name = value.substring(0, colon);
    if (!ENTITY_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ParsedReference(name, value.substring(colon + 1)));
  }
}
