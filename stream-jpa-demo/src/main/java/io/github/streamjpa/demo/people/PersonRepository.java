package io.github.streamjpa.demo.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** People, by id and by name. */
public interface PersonRepository extends JpaRepository<Person, Long> {

  /** Returns everyone, by name. */
  List<Person> findAllByOrderByNameAsc();
}
