package io.github.streamjpa.core;

/**
 * One follow of a batch: {@code source} follows {@code target}.
 *
 * @param source the feed that follows
 * @param target the feed being followed (a flat feed)
 */
public record FollowRelation(FeedId source, FeedId target) {

  /**
   * Validates that both feeds are given.
   *
   * @param source the feed that follows
   * @param target the feed being followed (a flat feed)
   */
  public FollowRelation {
    Checks.notNull(source, "follow source");
    Checks.notNull(target, "follow target");
  }
}
