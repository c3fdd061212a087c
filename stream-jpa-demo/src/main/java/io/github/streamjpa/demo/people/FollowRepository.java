package io.github.streamjpa.demo.people;

import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Who follows whom. */
public interface FollowRepository extends JpaRepository<Follow, Long> {

  /** Returns the ids of the people {@code followerId} follows, in one statement. */
  @Query("select f.followed.id from Follow f where f.follower.id = :followerId")
  Set<Long> followedIds(Long followerId);

  /** Returns the follow of one person by another, if any. */
  @Query("select f from Follow f where f.follower.id = :followerId and f.followed.id = :followedId")
  Optional<Follow> find(Long followerId, Long followedId);
}
