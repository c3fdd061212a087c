package io.github.streamjpa.emulator.internal;

import io.github.streamjpa.emulator.FeedGroup;

/**
 * A validated feed id together with its group's configuration.
 *
 * @param slug the group slug
 * @param userId the user id
 * @param group the group configuration
 */
record FeedRef(String slug, String userId, FeedGroup group) {
  /** The {@code slug:userId} form. */
  String id() {
    return slug + ":" + userId;
  }

  /** The form JWT feed_id claims use: slug and user id with no colon. */
  String claim() {
    return slug + userId;
  }
}
