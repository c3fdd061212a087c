package io.github.streamjpa.jpa.model;

import io.github.streamjpa.jpa.FollowRelationEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** "follower follows followed", synced to Stream follows. */
@Entity
public class Follow implements FollowRelationEntity {
  @Id @GeneratedValue private Long id;
  @ManyToOne private User follower;
  @ManyToOne private User followed;

  protected Follow() {}

  public Follow(User follower, User followed) {
    this.follower = follower;
    this.followed = followed;
  }

  @Override
  public Object followerId() {
    return follower.getId();
  }

  @Override
  public Object followedId() {
    return followed.getId();
  }
}
