package io.github.streamjpa.spring.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user; activities refer to it as {@code "User:<id>"}. */
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
