package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** Test entity with a String id kept in the second-level cache (when the factory enables one). */
@Entity
@Table(name = "enr_cached_board")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class EnrCachedBoard extends SluggedBoard {

  protected EnrCachedBoard() {}

  public EnrCachedBoard(String slug, String title) {
    super(slug, title);
  }
}
