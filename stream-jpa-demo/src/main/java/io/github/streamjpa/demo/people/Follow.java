package io.github.streamjpa.demo.people;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FollowRelationEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One person following another. As a follow relation it makes the follower's timelines follow the
 * followed person's feed; as an activity ("Bob followed Ann") it is written to the follower's feed
 * and to the followed person's notification feed.
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"follower_id", "followed_id"}))
public class Follow implements Activity, FollowRelationEntity {

  /** The notification feed slug (stream-jpa's default). */
  static final String NOTIFICATION_FEED = "notification";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Person follower;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Person followed;

  @Column(nullable = false)
  private Instant createdAt;

  protected Follow() {}

  /** Records that {@code follower} follows {@code followed}, now. */
  public Follow(Person follower, Person followed) {
    this.follower = follower;
    this.followed = followed;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
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

  @Override
  public Object activityActor() {
    return follower;
  }

  @Override
  public String activityVerb() {
    return "follow";
  }

  @Override
  public Object activityObject() {
    return followed;
  }

  @Override
  public Instant activityTime() {
    return createdAt;
  }

  @Override
  public List<FeedId> activityNotify() {
    return List.of(FeedId.of(NOTIFICATION_FEED, String.valueOf(followed.getId())));
  }
}
