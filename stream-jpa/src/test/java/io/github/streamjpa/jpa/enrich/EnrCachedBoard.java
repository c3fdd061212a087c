package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** Test entity with a String id kept in the second-level cache (when the factory enables one). */
@Entity
@Table(name = "enr_cached_board")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class EnrCachedBoard {
  @Id private String slug;
  private String title;

  protected EnrCachedBoard() {}

  public EnrCachedBoard(String slug, String title) {
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
