package io.github.streamjpa.demo.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Someone who pins and follows; feeds name them as {@code "Person:<id>"}. */
@Entity
public class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 30)
  private String handle;

  @Column(nullable = false, length = 60)
  private String name;

  @Column(length = 200)
  private String bio;

  protected Person() {}

  /** Creates a person. */
  public Person(String handle, String name, String bio) {
    this.handle = handle;
    this.name = name;
    this.bio = bio;
  }

  public Long getId() {
    return id;
  }

  public String getHandle() {
    return handle;
  }

  public String getName() {
    return name;
  }

  public String getBio() {
    return bio;
  }

  /** Returns the capital shown in an avatar circle. */
  public String getInitial() {
    return name.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
  }
}
