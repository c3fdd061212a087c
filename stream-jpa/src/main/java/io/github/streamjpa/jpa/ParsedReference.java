package io.github.streamjpa.jpa;

import java.util.Objects;

/**
 * An entity reference split into its parts: {@code "User:42"} is {@code ParsedReference("User",
 * "42")}.
 *
 * @param entityName the JPA entity name ({@code @Entity(name)}, by default the simple class name)
 * @param id the identifier's {@code toString()} form
 */
public record ParsedReference(String entityName, String id) {

  /** Checks both parts are present. */
  public ParsedReference {
    Objects.requireNonNull(entityName, "entityName");
    Objects.requireNonNull(id, "id");
  }

  /** Returns the reference in its written form, {@code "<EntityName>:<id>"}. */
  @Override
  public String toString() {
    return entityName + ":" + id;
  }
}
