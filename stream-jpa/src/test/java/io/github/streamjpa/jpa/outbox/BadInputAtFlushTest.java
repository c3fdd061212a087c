package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.jpa.StreamSyncException;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.JpaFixture;
import io.github.streamjpa.jpa.testing.TestClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Activities Stream would refuse, or that have no faithful JSON form, fail the flush with a {@link
 * StreamSyncException} naming the entity and the field: nothing commits, no outbox row is written.
 */
class BadInputAtFlushTest {

  private static JpaFixture fixture;
  private static SessionFactory factory;

  @BeforeAll
  static void open() {
    fixture = new JpaFixture("bad_input");
    factory = fixture.open("create", TestClients.withoutDelivery(), Post.class);
    factory.inTransaction(s -> s.persist(new User(1, "alice")));
  }

  @AfterAll
  static void close() {
    if (factory != null) {
      factory.close();
    }
    fixture.close();
  }

  @BeforeEach
  void empty() {
    factory.inTransaction(
        s ->
            s.doWork(
                c -> {
                  c.createStatement().execute("delete from stream_outbox");
                  c.createStatement().execute("delete from post");
                }));
  }

  /** A bean, as an application might put in extra data. */
  public record Point(int x, int y) {}

  private static Post post(Session session) {
    return new Post(11, session.getReference(User.class, 1L));
  }

  /** Persists in a transaction of its own and returns the sync failure it must end with. */
  private static StreamSyncException failedPersist(Consumer<Session> work) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(() -> factory.inTransaction(work::accept))
        .satisfies(e -> thrown[0] = e)
        .isNotInstanceOf(StackOverflowError.class)
        .isNotInstanceOf(NullPointerException.class);
    for (Throwable cause = thrown[0]; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamSyncException sync) {
        assertThat(fixture.queryLong("select count(*) from post")).as("posts").isZero();
        assertThat(fixture.queryLong("select count(*) from stream_outbox")).as("rows").isZero();
        return sync;
      }
    }
    throw new AssertionError("no StreamSyncException in the failure", thrown[0]);
  }

  @Test
  void aNullActorNamesTheEntityAndTheMethod() {
    StreamSyncException failure = failedPersist(s -> s.persist(new Post(11, null)));
    assertThat(failure).hasMessage("Post:11: activityActor() returned null; it is required");
  }

  @Test
  void aBeanInExtraDataIsRefused() {
    StreamSyncException failure =
        failedPersist(s -> s.persist(post(s).with("spot", new Point(3, 4))));
    assertThat(failure)
        .hasMessageStartingWith("Post:11: activityExtraData() value at 'spot' is a ")
        .hasMessageContaining(Point.class.getName())
        .hasMessageContaining("not plain JSON");
  }

  @Test
  void aThreadInExtraDataIsRefused() {
    StreamSyncException failure =
        failedPersist(
            s -> s.persist(post(s).with("meta", Map.of("worker", Thread.currentThread()))));
    assertThat(failure)
        .hasMessageStartingWith("Post:11: activityExtraData() value at 'meta.worker' is a ")
        .hasMessageContaining("Thread");
  }

  @Test
  void aMapThatContainsItselfIsRefusedWithoutOverflowingTheStack() {
    Map<String, Object> loop = new HashMap<>();
    loop.put("again", loop);
    StreamSyncException failure = failedPersist(s -> s.persist(post(s).with("loop", loop)));
    assertThat(failure)
        .hasMessage("Post:11: activityExtraData() value at 'loop.again' contains itself");
  }

  @Test
  void aListThatContainsItselfIsRefused() {
    List<Object> loop = new ArrayList<>();
    loop.add("first");
    loop.add(loop);
    StreamSyncException failure = failedPersist(s -> s.persist(post(s).with("items", loop)));
    assertThat(failure)
        .hasMessage("Post:11: activityExtraData() value at 'items[1]' contains itself");
  }

  @Test
  void valuesNestedTooDeepAreRefused() {
    Map<String, Object> deep = new HashMap<>();
    Map<String, Object> level = deep;
    for (int i = 0; i < 500; i++) {
      Map<String, Object> next = new HashMap<>();
      level.put("d", next);
      level = next;
    }
    StreamSyncException failure = failedPersist(s -> s.persist(post(s).with("deep", deep)));
    assertThat(failure)
        .hasMessageStartingWith("Post:11: activityExtraData() value at 'deep.d.d.d")
        .hasMessageEndingWith("is nested deeper than 32 levels");
  }

  @Test
  void aNumberJsonCannotHoldIsRefused() {
    StreamSyncException failure = failedPersist(s -> s.persist(post(s).with("ratio", Double.NaN)));
    assertThat(failure).hasMessageContaining("Post:11").hasMessageContaining("'ratio'");
  }

  @ParameterizedTest(name = "extra key {0}")
  @ValueSource(strings = {"time", "actor", "verb", "object", "target", "foreign_id", "to", "id"})
  void anExtraKeyThatIsANamedFieldIsRefused(String key) {
    StreamSyncException failure = failedPersist(s -> s.persist(post(s).with(key, "x")));
    assertThat(failure)
        .hasMessageStartingWith(
            "Post:11: activityExtraData() key '" + key + "' is a named activity field");
  }

  @Test
  void anUpdateWithBadExtraDataRollsBackAndKeepsTheRowAsItWas() {
    factory.inTransaction(s -> s.persist(post(s)));
    factory.inTransaction(
        s -> s.doWork(c -> c.createStatement().execute("delete from stream_outbox")));
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                factory.inTransaction(
                    s -> {
                      Post post = s.find(Post.class, 11L);
                      post.setText("changed");
                      post.with("spot", new Point(1, 2));
                    }));
    assertThat(failure).hasStackTraceContaining("Post:11: activityExtraData() value at 'spot'");
    assertThat(fixture.queryLong("select count(*) from post where text is null")).isEqualTo(1);
    assertThat(fixture.queryLong("select count(*) from stream_outbox")).isZero();
  }

  @Test
  void plainExtraDataStillWritesOneRow() {
    factory.inTransaction(
        s ->
            s.persist(
                post(s)
                    .with("tags", List.of("a", "b"))
                    .with("place", Map.of("city", "Lyon"))
                    .with("count", 3)
                    .with("author", s.getReference(User.class, 1L))));
    assertThat(fixture.queryLong("select count(*) from stream_outbox")).isEqualTo(1);
  }
}
