package io.github.streamjpa.jpa.readme;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The user the README's entities refer to (not itself shown in the README). */
@Entity
@Table(name = "app_user")
public class User {
  @Id private Long id;
  private String name;

  protected User() {}

  public User(long id, String name) {
    this.id = id;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
