package io.github.streamjpa.bench;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An activity's actor in the JPA benchmarks. */
@Entity
class Author {
  @Id Long id;
  String name;

  protected Author() {}

  Author(long id) {
    this.id = id;
    this.name = "author " + id;
  }
}
