package io.github.streamjpa.demo.people;

import io.github.streamjpa.demo.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follows and unfollows; stream-jpa syncs each committed change to the feeds. */
@Service
public class FollowService {

  private final PersonRepository people;
  private final FollowRepository follows;

  FollowService(PersonRepository people, FollowRepository follows) {
    this.people = people;
    this.follows = follows;
  }

  /**
   * Makes {@code followerId} follow {@code followedId}; following someone already followed changes
   * nothing.
   *
   * @throws IllegalArgumentException when both are the same person
   * @throws NotFoundException when either person does not exist
   */
  @Transactional
  public void follow(long followerId, long followedId) {
    if (followerId == followedId) {
      throw new IllegalArgumentException("you cannot follow yourself (person " + followerId + ")");
    }
    Person follower = person(followerId);
    Person followed = person(followedId);
    if (follows.find(followerId, followedId).isEmpty()) {
      follows.save(new Follow(follower, followed));
    }
  }

  /** Makes {@code followerId} stop following {@code followedId}; a no-op when not following. */
  @Transactional
  public void unfollow(long followerId, long followedId) {
    follows.find(followerId, followedId).ifPresent(follows::delete);
  }

  private Person person(long id) {
    return people.findById(id).orElseThrow(() -> new NotFoundException("person " + id));
  }
}
