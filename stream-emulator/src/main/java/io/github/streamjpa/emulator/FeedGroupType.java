package io.github.streamjpa.emulator;

/** The kind of a feed group, which decides how its feeds store and return activities. */
public enum FeedGroupType {
  /** A time-ordered list of activities, newest first; the only type that can be followed. */
  FLAT,
  /** Activities grouped by the group's aggregation format; groups ordered by last update. */
  AGGREGATED,
  /** Aggregated, plus per-group seen/read flags and unseen/unread counts. */
  NOTIFICATION
}
