package io.github.streamjpa.core;

import java.time.Instant;
import java.util.List;

/**
 * One group of an aggregated or notification feed: activities that share an aggregation key.
 *
 * @param id the group id, usable in {@code id_lt} and in mark seen/read
 * @param group the aggregation key, for example {@code "pin_2026-11-27"}
 * @param verb the verb of the group's activities
 * @param activityCount how many activities the group holds (may exceed {@code activities.size()})
 * @param actorCount how many distinct actors the group holds
 * @param createdAt when the group was created
 * @param updatedAt when the group last changed
 * @param isSeen notification feeds: whether the group was marked seen; null for aggregated feeds
 * @param isRead notification feeds: whether the group was marked read; null for aggregated feeds
 * @param activities the group's newest activities, newest first
 */
public record ActivityGroup(
    String id,
    String group,
    String verb,
    int activityCount,
    int actorCount,
    Instant createdAt,
    Instant updatedAt,
    Boolean isSeen,
    Boolean isRead,
    List<FeedActivity> activities) {

  /**
   * Copies the activities.
   *
   * @param id the group id, usable in {@code id_lt} and in mark seen/read
   * @param group the aggregation key, for example {@code "pin_2026-11-27"}
   * @param verb the verb of the group's activities
   * @param activityCount how many activities the group holds (may exceed {@code activities.size()})
   * @param actorCount how many distinct actors the group holds
   * @param createdAt when the group was created
   * @param updatedAt when the group last changed
   * @param isSeen notification feeds: whether the group was marked seen; null for aggregated feeds
   * @param isRead notification feeds: whether the group was marked read; null for aggregated feeds
   * @param activities the group's newest activities, newest first
   */
  public ActivityGroup {
    activities = activities == null ? List.of() : List.copyOf(activities);
  }
}
