package io.github.streamjpa.reliability;

import io.github.streamjpa.jpa.Activity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A post in its author's user feed; its title and revision are the activity's custom fields, so an
 * update that did not reach Stream shows as a different revision there.
 */
@Entity
public class Post implements Activity {
  @Id @GeneratedValue private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Member author;

  private String title;
  private int revision;
  private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

  protected Post() {}

  Post(Member author, String title) {
    this.author = author;
    this.title = title;
  }

  public Long getId() {
    return id;
  }

  /** Changes the title and counts the revision. */
  void retitle(String newTitle) {
    this.title = newTitle;
    this.revision++;
  }

  @Override
  public Object activityActor() {
    return author;
  }

  @Override
  public Instant activityTime() {
    return createdAt;
  }

  @Override
  public Map<String, Object> activityExtraData() {
    return Map.of("title", title, "revision", revision);
  }
}
