package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Test entity with a String id (a slug). */
@Entity
@Table(name = "enr_board")
public class EnrBoard {
  @Id private String slug;
  private String title;

  protected EnrBoard() {}

  public EnrBoard(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  public String getSlug() {
    return slug;
  }

  public String getTitle() {
    return title;
  }
}
