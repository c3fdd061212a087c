package io.github.streamjpa.jpa.model;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.jpa.Activity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An activity entity with the usual overrides: extra data, notify targets, a sync switch. */
@Entity
public class Pin implements Activity {
  @Id @GeneratedValue private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private User author;

  private String title;
  private String notifyFeed;
  private boolean hidden;

  @jakarta.persistence.Column(length = 1000)
  private String verb;

  private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

  protected Pin() {}

  public Pin(User author, String title) {
    this.author = author;
    this.title = title;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Pin notifying(long userId) {
    return notifying(FeedId.of("notification", Long.toString(userId)));
  }

  public Pin notifying(FeedId feed) {
    this.notifyFeed = feed.toString();
    return this;
  }

  public Pin withVerb(String verb) {
    this.verb = verb;
    return this;
  }

  public void setHidden(boolean hidden) {
    this.hidden = hidden;
  }

  @Override
  public Object activityActor() {
    return author;
  }

  @Override
  public String activityVerb() {
    return verb != null ? verb : Activity.super.activityVerb();
  }

  @Override
  public Instant activityTime() {
    return createdAt;
  }

  @Override
  public Map<String, Object> activityExtraData() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("title", title);
    return extra;
  }

  @Override
  public List<FeedId> activityNotify() {
    return notifyFeed == null ? List.of() : List.of(FeedId.parse(notifyFeed));
  }

  @Override
  public boolean activityShouldSync() {
    return !hidden;
  }
}
