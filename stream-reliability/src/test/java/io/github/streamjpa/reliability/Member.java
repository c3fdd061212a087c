package io.github.streamjpa.reliability;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A user of the test application: the actor of posts and both ends of subscriptions. */
@Entity
public class Member {
  @Id private Long id;

  private String name;

  protected Member() {}

  Member(long id) {
    this.id = id;
    this.name = "member" + id;
  }

  public Long getId() {
    return id;
  }

  String getName() {
    return name;
  }
}
