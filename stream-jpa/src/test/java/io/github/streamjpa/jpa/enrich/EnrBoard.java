package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Test entity with a String id (a slug). */
@Entity
@Table(name = "enr_board")
public class EnrBoard extends SluggedBoard {

  protected EnrBoard() {}

  public EnrBoard(String slug, String title) {
    super(slug, title);
  }
}
