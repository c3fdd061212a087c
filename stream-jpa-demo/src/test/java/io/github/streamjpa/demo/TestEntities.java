package io.github.streamjpa.demo;

import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.pins.Board;
import io.github.streamjpa.demo.pins.Pin;
import io.github.streamjpa.jpa.enrich.EnrichedActivity;
import io.github.streamjpa.jpa.enrich.MissingReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.test.util.ReflectionTestUtils;

/** Entities with ids, and enriched activities made of them, for the controller slices. */
public final class TestEntities {

  private TestEntities() {}

  public static Person person(long id, String handle, String name) {
    return withId(new Person(handle, name, "Bio of " + name), id);
  }

  public static Board board(long id, Person owner, String title) {
    return withId(new Board(owner, title), id);
  }

  public static Pin pin(long id, Person author, Board board, String title) {
    return withId(new Pin(author, board, title, "/images/seed/new.svg"), id);
  }

  /** An activity whose references all resolved. */
  public static EnrichedActivity activity(
      String id, Object actor, String verb, Object object, Object target) {
    return new EnrichedActivity(
        id,
        actor,
        verb,
        object,
        target,
        Instant.now(),
        null,
        List.of(),
        null,
        Map.of(),
        Map.of(),
        List.of());
  }

  /** An activity whose object no longer resolves (its row was deleted). */
  public static EnrichedActivity activityWithMissingObject(String id, Object actor, String verb) {
    return new EnrichedActivity(
        id,
        actor,
        verb,
        null,
        null,
        Instant.now(),
        null,
        List.of(),
        null,
        Map.of(),
        Map.of(),
        List.of(
            new MissingReference(id, "object", "Pin:404", MissingReference.Reason.ROW_NOT_FOUND)));
  }

  private static <T> T withId(T entity, long id) {
    ReflectionTestUtils.setField(entity, "id", id);
    return entity;
  }
}
