package io.github.streamjpa.reliability;

import io.github.streamjpa.jpa.FollowRelationEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** "follower follows followed": the follower's news feeds follow the followed member's feed. */
@Entity
public class Subscription implements FollowRelationEntity {
  @Id @GeneratedValue private Long id;
  @ManyToOne private Member follower;
  @ManyToOne private Member followed;

  protected Subscription() {}

  Subscription(Member follower, Member followed) {
    this.follower = follower;
    this.followed = followed;
  }

  public Long getId() {
    return id;
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
