package io.github.streamjpa.jpa.enrich;

import java.time.Instant;
import java.util.List;

/**
 * A group of an aggregated or notification feed with its activities enriched.
 *
 * <p>The counts are the feed's: {@link EnrichedPage#dropIncomplete()} removes activities from
 * {@link #activities()} but leaves {@code activityCount} and {@code actorCount} as the feed
 * reported them.
 *
 * @param id the group id (use it as the cursor of aggregated and notification feeds)
 * @param group the group key, e.g. {@code "pin_2026-11-27"}
 * @param verb the verb of the group
 * @param activityCount how many activities the group holds on the feed (may exceed those returned)
 * @param actorCount how many distinct actors the group holds
 * @param createdAt when the group was created
 * @param updatedAt when the group last changed
 * @param isSeen whether the group was seen; null unless read from a notification feed
 * @param isRead whether the group was read; null unless read from a notification feed
 * @param activities the group's activities, enriched, in feed order
 */
public record EnrichedGroup(
    String id,
    String group,
    String verb,
    int activityCount,
    int actorCount,
    Instant createdAt,
    Instant updatedAt,
    Boolean isSeen,
    Boolean isRead,
    List<EnrichedActivity> activities)
    implements EnrichedResult {

  /** Copies the activity list. */
  public EnrichedGroup {
    activities = activities == null ? List.of() : List.copyOf(activities);
  }

  /** Returns the missing references of all of the group's activities, in activity order. */
  @Override
  public List<MissingReference> missingReferences() {
    return activities.stream().flatMap(a -> a.missingReferences().stream()).toList();
  }

  /** Returns this group with only its fully enriched activities. */
  public EnrichedGroup withoutIncomplete() {
    List<EnrichedActivity> complete =
        activities.stream().filter(EnrichedActivity::isFullyEnriched).toList();
    return complete.size() == activities.size()
        ? this
        : new EnrichedGroup(
            id,
            group,
            verb,
            activityCount,
            actorCount,
            createdAt,
            updatedAt,
            isSeen,
            isRead,
            complete);
  }
}
