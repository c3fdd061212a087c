package io.github.streamjpa.demo.pins;

import io.github.streamjpa.demo.people.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A named collection of one person's pins; the target of their pin activities. */
@Entity
public class Board {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Person owner;

  @Column(nullable = false, length = 60)
  private String title;

  protected Board() {}

  /** Creates a board of {@code owner}. */
  public Board(Person owner, String title) {
    this.owner = owner;
    this.title = title;
  }

  public Long getId() {
    return id;
  }

  public Person getOwner() {
    return owner;
  }

  public String getTitle() {
    return title;
  }
}
