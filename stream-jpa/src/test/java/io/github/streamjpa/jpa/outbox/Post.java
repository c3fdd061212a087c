package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.model.User;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** An activity with an assigned id whose actor and extra data a test sets freely. */
@Entity
public class Post implements Activity {
  @Id private Long id;
  @ManyToOne private User author;
  private String text;
  private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  @Transient private final Map<String, Object> extra = new LinkedHashMap<>();

  protected Post() {}

  public Post(long id, User author) {
    this.id = id;
    this.author = author;
  }

  public Post with(String field, Object value) {
    extra.put(field, value);
    return this;
  }

  public void setText(String text) {
    this.text = text;
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
    Map<String, Object> all = new LinkedHashMap<>(extra);
    all.put("text", text);
    return all;
  }
}
