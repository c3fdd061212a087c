package io.github.streamjpa.jpa.enrich;

import java.util.Objects;

/**
 * A reference in an activity that enrichment could not turn into an entity.
 *
 * <p>The activity still appears in its page; {@link EnrichedActivity#missingReferences()} lists
 * what is missing and {@link EnrichedPage#dropIncomplete()} removes such activities.
 *
 * @param activityId the id of the activity holding the reference
 * @param field the field holding it ({@code actor}, {@code object}, {@code target} or a custom
 *     field name)
 * @param reference the reference as stored, e.g. {@code "User:42"}
 * @param reason why it could not be resolved
 */
public record MissingReference(String activityId, String field, String reference, Reason reason) {

  /** Checks every part is present. */
  public MissingReference {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(reason, "reason");
  }

  /** Why a reference could not be resolved. */
  public enum Reason {
    /** The entity exists but no row has that id (deleted, or never committed). */
    ROW_NOT_FOUND,
    /** No entity of the persistence unit has that entity name. */
    UNKNOWN_ENTITY,
    /** The id part cannot be converted to the entity's id type (e.g. {@code "User:abc"}). */
    INVALID_ID,
    /** The entity's id type is not supported by enrichment (e.g. a composite id). */
    UNSUPPORTED_ID_TYPE
  }
}
