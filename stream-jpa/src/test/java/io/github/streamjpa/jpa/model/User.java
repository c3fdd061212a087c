package io.github.streamjpa.jpa.model;

import io.github.streamjpa.jpa.testing.NamedUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user: not an activity, only referenced by them. */
@Entity
@Table(name = "app_user")
public class User extends NamedUser {

  protected User() {}

  public User(long id, String name) {
    super(id, name);
  }
}
