package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Test entity with a Long id. */
@Entity
@Table(name = "enr_user")
public class EnrUser {
  @Id private Long id;
  private String name;

  protected EnrUser() {}

  public EnrUser(Long id, String name) {
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
