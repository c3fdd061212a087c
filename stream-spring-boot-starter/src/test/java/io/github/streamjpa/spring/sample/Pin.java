package io.github.streamjpa.spring.sample;

import io.github.streamjpa.jpa.Activity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** A pin, synced to its author's user feed as an activity. */
@Entity
public class Pin implements Activity {
  @Id @GeneratedValue private Long id;
  @ManyToOne private User author;
  private String title;
  private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

  protected Pin() {}

  public Pin(User author, String title) {
    this.author = author;
    this.title = title;
  }

  public String getTitle() {
    return title;
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
    return Map.of("title", title);
  }
}
