package io.github.streamjpa.jpa.readme;

import io.github.streamjpa.jpa.testing.NamedUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The user the README's entities refer to (not itself shown in the README). */
@Entity
@Table(name = "app_user")
public class User extends NamedUser {

  protected User() {}

  public User(long id, String name) {
    super(id, name);
  }
}
