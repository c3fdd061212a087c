package io.github.streamjpa.jpa;

/**
 * Implemented by an entity that records that one user follows another; persisting it makes the
 * follower's news feeds follow the followed user's feed, deleting it unfollows them.
 *
 * <pre>{@code
 * @Entity
 * public class Follow implements FollowRelationEntity {
 *   @Id @GeneratedValue Long id;
 *   @ManyToOne User follower;
 *   @ManyToOne User followed;
 *
 *   public Object followerId() { return follower.getId(); }
 *   public Object followedId() { return followed.getId(); }
 * }
 * }</pre>
 *
 * <p>The follow is sent after commit through the same outbox as activities, with the copy limit and
 * keep-history settings of {@link StreamJpaSettings}. Changing either id of an existing row is not
 * synced: delete the row and persist a new one.
 */
public interface FollowRelationEntity {

  /** The id of the user who follows (an id value, a user entity or a reference string). */
  Object followerId();

  /** The id of the user who is followed (an id value, a user entity or a reference string). */
  Object followedId();

  /** Whether this instance syncs at all; true by default. */
  default boolean followShouldSync() {
    return true;
  }
}
