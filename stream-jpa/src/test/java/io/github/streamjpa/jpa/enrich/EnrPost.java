package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.jpa.Activity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Test activity entity with a UUID id, synced by the write path: actor and board are entities. */
@Entity
@Table(name = "enr_post")
public class EnrPost implements Activity {
  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY)
  private EnrUser author;

  @ManyToOne(fetch = FetchType.LAZY)
  private EnrBoard board;

  private String text;
  private Instant createdAt;

  protected EnrPost() {}

  public EnrPost(EnrUser author, EnrBoard board, String text, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.author = author;
    this.board = board;
    this.text = text;
    this.createdAt = createdAt;
  }

  public UUID getId() {
    return id;
  }

  public String getText() {
    return text;
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
    return Map.of("board", board, "text", text);
  }
}
