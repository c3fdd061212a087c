package io.github.streamjpa.demo.pins;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Boards, by owner. */
public interface BoardRepository extends JpaRepository<Board, Long> {

  /** Returns the boards of one person, by title. */
  @Query("select b from Board b where b.owner.id = :ownerId order by b.title")
  List<Board> ofOwner(Long ownerId);

  /** Returns a board if it belongs to {@code ownerId}. */
  @Query("select b from Board b where b.id = :boardId and b.owner.id = :ownerId")
  Optional<Board> findOwned(Long boardId, Long ownerId);
}
