package io.github.streamjpa.bench;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An activity's target in the JPA benchmarks. */
@Entity
class Topic {
  @Id Long id;
  String title;

  protected Topic() {}

  Topic(long id) {
    this.id = id;
    this.title = "topic " + id;
  }
}
