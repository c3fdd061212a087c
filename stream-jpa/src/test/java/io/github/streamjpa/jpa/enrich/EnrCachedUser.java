package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.jpa.testing.NamedUser;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** Test entity with a Long id kept in the second-level cache (when the factory enables one). */
@Entity
@Table(name = "enr_cached_user")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class EnrCachedUser extends NamedUser {

  protected EnrCachedUser() {}

  public EnrCachedUser(Long id, String name) {
    super(id, name);
  }
}
