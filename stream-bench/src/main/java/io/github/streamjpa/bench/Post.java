package io.github.streamjpa.bench;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FeedManager;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** The synced entity of the JPA benchmarks: actor an {@link Author}, target a {@link Topic}. */
@Entity
class Post implements Activity {
  @Id Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  Author author;

  @ManyToOne(fetch = FetchType.LAZY)
  Topic topic;

  String feed;
  String text;
  Instant createdAt;

  protected Post() {}

  Post(long id, Author author, Topic topic, String feed) {
    this.id = id;
    this.author = author;
    this.topic = topic;
    this.feed = feed;
    this.text = "post number " + id;
    this.createdAt = Instant.parse("2026-11-30T00:00:00Z").plusMillis(id);
  }

  @Override
  public Object activityActor() {
    return author;
  }

  @Override
  public Object activityTarget() {
    return topic;
  }

  @Override
  public Instant activityTime() {
    return createdAt;
  }

  @Override
  public FeedId activityFeed(FeedManager feeds) {
    return FeedId.of("user", feed);
  }
}
