package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Test entity with a UUID id, named explicitly to check entity names come from the metamodel. */
@Entity(name = "Topic")
@Table(name = "enr_topic")
public class EnrTopic {
  @Id private UUID id;
  private String label;

  protected EnrTopic() {}

  public EnrTopic(UUID id, String label) {
    this.id = id;
    this.label = label;
  }

  public UUID getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }
}
