package io.github.streamjpa.demo.pins;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.jpa.Activity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An image pinned to a board: the activity "Ann pinned Sunset to Travel" ({@code pin}), or, when
 * saved from someone else's pin, "Ann saved Sunset to Travel" ({@code save}), which also notifies
 * the person it was saved from.
 */
@Entity
public class Pin implements Activity {

  /** The notification feed slug (stream-jpa's default). */
  static final String NOTIFICATION_FEED = "notification";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Person author;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Board board;

  @Column(nullable = false, length = 100)
  private String title;

  @Column(nullable = false, length = 500)
  private String imageUrl;

  /** The author of the pin this one was saved from; null for an original pin. */
  @ManyToOne(fetch = FetchType.LAZY)
  private Person savedFrom;

  @Column(nullable = false)
  private Instant createdAt;

  protected Pin() {}

  /** Creates an original pin, now. */
  public Pin(Person author, Board board, String title, String imageUrl) {
    this(author, board, title, imageUrl, null);
  }

  private Pin(Person author, Board board, String title, String imageUrl, Person savedFrom) {
    this.author = author;
    this.board = board;
    this.title = title;
    this.imageUrl = imageUrl;
    this.savedFrom = savedFrom;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** Returns a copy of {@code original} saved by {@code saver} to one of their boards. */
  public static Pin savedCopy(Pin original, Person saver, Board board) {
    return new Pin(saver, board, original.title, original.imageUrl, original.author);
  }

  public Long getId() {
    return id;
  }

  public Person getAuthor() {
    return author;
  }

  public Board getBoard() {
    return board;
  }

  public String getTitle() {
    return title;
  }

  public String getImageUrl() {
    return imageUrl;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Returns whether this pin was saved from someone else's. */
  public boolean isSaved() {
    return savedFrom != null;
  }

  @Override
  public Object activityActor() {
    return author;
  }

  @Override
  public String activityVerb() {
    return savedFrom == null ? "pin" : "save";
  }

  @Override
  public Object activityTarget() {
    return board;
  }

  @Override
  public Instant activityTime() {
    return createdAt;
  }

  @Override
  public List<FeedId> activityNotify() {
    if (savedFrom == null || savedFrom.getId().equals(author.getId())) {
      return List.of();
    }
    return List.of(FeedId.of(NOTIFICATION_FEED, String.valueOf(savedFrom.getId())));
  }
}
