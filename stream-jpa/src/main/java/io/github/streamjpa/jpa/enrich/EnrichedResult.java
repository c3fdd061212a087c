package io.github.streamjpa.jpa.enrich;

import java.util.List;

/**
 * One result of an enriched page: an {@link EnrichedActivity} of a flat feed or an {@link
 * EnrichedGroup} of an aggregated or notification feed.
 */
public sealed interface EnrichedResult permits EnrichedActivity, EnrichedGroup {

  /** Returns the references that could not be resolved; empty when fully enriched. */
  List<MissingReference> missingReferences();

  /** Returns whether every reference was resolved to an entity. */
  default boolean isFullyEnriched() {
    return missingReferences().isEmpty();
  }
}
