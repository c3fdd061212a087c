package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.Table;

/** Test entity with a Long id and a lazy association (which enrichment must not fetch). */
@Entity
@Table(name = "enr_pin")
@NamedEntityGraph(name = "EnrPin.board", attributeNodes = @NamedAttributeNode("board"))
public class EnrPin {
  @Id private Long id;
  private String caption;

  @ManyToOne(fetch = FetchType.LAZY)
  private EnrBoard board;

  protected EnrPin() {}

  public EnrPin(Long id, String caption, EnrBoard board) {
    this.id = id;
    this.caption = caption;
    this.board = board;
  }

  public Long getId() {
    return id;
  }

  public String getCaption() {
    return caption;
  }

  public EnrBoard getBoard() {
    return board;
  }
}
