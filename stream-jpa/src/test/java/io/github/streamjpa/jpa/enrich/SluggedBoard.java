package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every enrichment test board has (a String id, the slug, and a title); each board
 * entity maps its own table on it.
 */
@MappedSuperclass
public abstract class SluggedBoard {
  @Id private String slug;
  private String title;

  /** For JPA. */
  protected SluggedBoard() {}

  /** Creates a board with this slug and title. */
  protected SluggedBoard(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  /** Returns the slug (the id). */
  public String getSlug() {
    return slug;
  }

  /** Returns the title. */
  public String getTitle() {
    return title;
  }
}
