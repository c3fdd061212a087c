package io.github.streamjpa.demo.pins;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Pins, newest first, with their author and board in the same statement. */
public interface PinRepository extends JpaRepository<Pin, Long> {

  /** Returns the newest pins with ids below {@code beforeId}, authors and boards joined. */
  @Query(
      "select p from Pin p join fetch p.author join fetch p.board"
          + " where p.id < :beforeId order by p.id desc")
  List<Pin> newest(long beforeId, Limit limit);
}
