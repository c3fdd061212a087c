package io.github.streamjpa.core;

/**
 * One unfollow of a batch: {@code source} stops following {@code target}.
 *
 * @param source the feed that follows
 * @param target the feed to stop following
 * @param keepHistory true to keep the activities already copied from the target
 */
public record UnfollowRelation(FeedId source, FeedId target, boolean keepHistory) {

  /**
   * Validates that both feeds are given.
   *
   * @param source the feed that follows
   * @param target the feed to stop following
   * @param keepHistory true to keep the activities already copied from the target
   */
  public UnfollowRelation {
    Checks.notNull(source, "unfollow source");
    Checks.notNull(target, "unfollow target");
  }

  /**
   * Returns an unfollow that removes the copied activities.
   *
   * @param source the follower
   * @param target the followed feed
   * @return the relation, with {@code keepHistory} false
   */
  public static UnfollowRelation of(FeedId source, FeedId target) {
    return new UnfollowRelation(source, target, false);
  }
}
