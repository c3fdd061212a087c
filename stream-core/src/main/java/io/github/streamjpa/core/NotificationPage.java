package io.github.streamjpa.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of a notification feed: groups with seen/read flags, and the feed's counts.
 *
 * @param results the groups, most recently updated first
 * @param next Stream's relative URL of the next page, {@code ""} when there is none
 * @param unseen how many groups of the feed are not seen
 * @param unread how many groups of the feed are not read
 */
public record NotificationPage(List<ActivityGroup> results, String next, int unseen, int unread) {

  /**
   * Copies the results; a null {@code next} becomes {@code ""}.
   *
   * @param results the groups, most recently updated first
   * @param next Stream's relative URL of the next page, {@code ""} when there is none
   * @param unseen how many groups of the feed are not seen
   * @param unread how many groups of the feed are not read
   */
  public NotificationPage {
    results = results == null ? List.of() : List.copyOf(results);
    next = next == null ? "" : next;
  }

  /**
   * Returns the {@code id_lt} of the next page.
   *
   * @return the group id, or empty when there is no next page
   */
  public Optional<String> nextIdLt() {
    return NextLink.idLt(next);
  }

  /**
   * Returns the options that read the next page (same limit, the next {@code id_lt}).
   *
   * @return the options, or empty when there is no next page
   */
  public Optional<ReadOptions> nextPage() {
    return NextLink.nextPage(next);
  }
}
