package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.jpa.testing.NamedUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Test entity with a Long id, in a table apart from the write-path tests' users. */
@Entity
@Table(name = "enr_user")
public class EnrUser extends NamedUser {

  protected EnrUser() {}

  public EnrUser(Long id, String name) {
    super(id, name);
  }
}
