package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Test entity with a composite id, which references cannot name. */
@Entity
@Table(name = "enr_membership")
public class EnrMembership {
  @EmbeddedId private Key id;

  protected EnrMembership() {}

  /** The composite id. */
  @Embeddable
  public record Key(Long userId, String boardSlug) {}
}
