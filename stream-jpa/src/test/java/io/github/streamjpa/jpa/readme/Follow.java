package io.github.streamjpa.jpa.readme;

import io.github.streamjpa.jpa.FollowRelationEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** The README's follow entity, compiled from exactly the README text. */
// README:begin
@Entity
public class Follow implements FollowRelationEntity {
  @Id @GeneratedValue Long id;
  @ManyToOne User follower;
  @ManyToOne User followed;

  protected Follow() {}

  public Follow(User follower, User followed) {
    this.follower = follower;
    this.followed = followed;
  }

  public Object followerId() {
    return follower.getId();
  }

  public Object followedId() {
    return followed.getId();
  }
}
// README:end
