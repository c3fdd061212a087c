package io.github.streamjpa.jpa.testing;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every test user has (a Long id and a name); each test model maps its own entity and
 * table on it, so the write-path and enrichment tests keep separate tables.
 */
@MappedSuperclass
public abstract class NamedUser {
  @Id private Long id;
  private String name;

  /** For JPA. */
  protected NamedUser() {}

  /** Creates a user with this id and name. */
  protected NamedUser(Long id, String name) {
    this.id = id;
    this.name = name;
  }

  /** Returns the id. */
  public Long getId() {
    return id;
  }

  /** Returns the name. */
  public String getName() {
    return name;
  }
}
