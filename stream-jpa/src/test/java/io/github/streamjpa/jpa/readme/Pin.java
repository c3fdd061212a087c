package io.github.streamjpa.jpa.readme;

import io.github.streamjpa.jpa.Activity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The README's activity entity, compiled from exactly the README text. */
// README:begin
@Entity
public class Pin implements Activity {
  @Id @GeneratedValue Long id;
  @ManyToOne User author;
  String title;
  Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // set once, never changed

  protected Pin() {}

  public Pin(User author, String title) {
    this.author = author;
    this.title = title;
  }

  public Object activityActor() {
    return author; // written as "User:42"
  }

  public Instant activityTime() {
    return createdAt;
  }

  public Map<String, Object> activityExtraData() {
    return Map.of("title", title);
  }
}
// README:end
