package io.github.streamjpa.core;

import java.util.List;

/**
 * Paging and filtering for {@link Feed#followers(FollowQuery)} and {@link
 * Feed#following(FollowQuery)}.
 *
 * <pre>{@code
 * // "do I follow?": an empty result means no
 * boolean follows = !timeline.following(FollowQuery.filter(FeedId.of("user", "42"))).isEmpty();
 * }</pre>
 *
 * @param limit how many relations to return, 1 to 500
 * @param offset how many of the newest relations to skip, at least 0
 * @param filter when not empty, only relations with these feeds are returned
 */
public record FollowQuery(int limit, int offset, List<FeedId> filter) {

  /**
   * Validates the components and copies the filter.
   *
   * @param limit how many relations to return, 1 to 500
   * @param offset how many of the newest relations to skip, at least 0
   * @param filter when not empty, only relations with these feeds are returned
   */
  public FollowQuery {
    Checks.range(limit, 1, 500, "follow query limit");
    Checks.atLeast(offset, 0, "follow query offset");
    filter = Checks.list(filter == null ? List.of() : filter, "follow query filter");
  }

  /**
   * Returns the first 25 relations, unfiltered (the official clients' default).
   *
   * @return the default query
   */
  public static FollowQuery defaults() {
    return new FollowQuery(25, 0, List.of());
  }

  /**
   * Returns a page of relations, unfiltered.
   *
   * @param limit the page size
   * @param offset how many relations to skip
   * @return the query
   */
  public static FollowQuery of(int limit, int offset) {
    return new FollowQuery(limit, offset, List.of());
  }

  /**
   * Returns the default page restricted to the given feeds.
   *
   * @param feeds the feeds to look for
   * @return the query
   */
  public static FollowQuery filter(FeedId... feeds) {
    return new FollowQuery(25, 0, List.of(feeds));
  }
}
