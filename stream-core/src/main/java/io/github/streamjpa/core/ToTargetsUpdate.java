package io.github.streamjpa.core;

import java.util.List;

/**
 * The result of changing an activity's {@code to} targets.
 *
 * @param activity the activity with its new targets
 * @param added the feed ids that were added
 * @param removed the feed ids that were removed
 */
public record ToTargetsUpdate(FeedActivity activity, List<String> added, List<String> removed) {

  /**
   * Copies the lists.
   *
   * @param activity the activity with its new targets
   * @param added the feed ids that were added
   * @param removed the feed ids that were removed
   */
  public ToTargetsUpdate {
    added = added == null ? List.of() : List.copyOf(added);
    removed = removed == null ? List.of() : List.copyOf(removed);
  }
}
