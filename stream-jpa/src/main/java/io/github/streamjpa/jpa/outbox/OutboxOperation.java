package io.github.streamjpa.jpa.outbox;

/** What an outbox row asks Stream to do. */
enum OutboxOperation {
  /** Add the activity to its feed (and its {@code to} feeds). */
  ADD,
  /** Update the activity by foreign id and time. */
  UPDATE,
  /** Remove the activity from its feed by foreign id. */
  REMOVE,
  /** Make news feeds follow a user feed. */
  FOLLOW,
  /** Make news feeds stop following a user feed. */
  UNFOLLOW
}
