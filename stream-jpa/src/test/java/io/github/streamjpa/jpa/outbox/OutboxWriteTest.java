package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Follow;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.JpaFixture;
import io.github.streamjpa.jpa.testing.TestClients;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What lands in the outbox table, in the entity's transaction (no dispatcher running). */
class OutboxWriteTest {

  private static JpaFixture fixture;
  private static SessionFactory factory;

  @BeforeAll
  static void open() {
    fixture = new JpaFixture("outbox_write");
    StreamClient client = TestClients.unreachable();
    factory =
        fixture.open(
            "create",
            Map.of(StreamJpaSettings.CLIENT, client, StreamJpaSettings.DISPATCHER_ENABLED, false));
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
  void emptyOutbox() {
    factory.inTransaction(
        s -> s.doWork(c -> c.createStatement().execute("delete from stream_outbox")));
    StreamJpa.of(factory).resumeTracking();
    StreamJpa.of(factory).resumeTracking(Pin.class);
  }

  @Test
  void schemaToolingCreatesTheOutboxTable() {
    assertThat(
            fixture.queryLong(
                "select count(*) from information_schema.columns where table_schema = '"
                    + fixture.schema()
                    + "' and table_name = 'stream_outbox'"))
        .isEqualTo(11);
  }

  @Test
  void persistWritesOneAddRowInTheSameTransaction() {
    Pin pin =
        factory.fromTransaction(
            s -> {
              Pin p = new Pin(s.getReference(User.class, 1L), "sunset").notifying(2);
              s.persist(p);
              return p;
            });
    List<String[]> rows = rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)[0]).isEqualTo("Pin:" + pin.getId());
    assertThat(rows.get(0)[1]).isEqualTo("ADD");
    assertThat(rows.get(0)[2])
        .contains("\"feed\":\"user:1\"")
        .contains("\"actor\":\"User:1\"")
        .contains("\"verb\":\"pin\"")
        .contains("\"object\":\"Pin:" + pin.getId() + "\"")
        .contains("\"to\":[\"notification:2\"]")
        .contains("\"title\":\"sunset\"");
  }

  @Test
  void rollbackLeavesNoRow() {
    var session = factory.openSession();
    var tx = session.beginTransaction();
    session.persist(new Pin(session.getReference(User.class, 1L), "never"));
    session.flush();
    tx.rollback();
    session.close();
    assertThat(rows()).isEmpty();
  }

  @Test
  void addThenRemoveInOneTransactionLeavesNoRow() {
    factory.inTransaction(
        s -> {
          Pin p = new Pin(s.getReference(User.class, 1L), "brief");
          s.persist(p);
          s.flush();
          s.remove(p);
        });
    assertThat(rows()).isEmpty();
  }

  @Test
  void addThenUpdateInOneTransactionIsOneAddWithTheLastState() {
    factory.inTransaction(
        s -> {
          Pin p = new Pin(s.getReference(User.class, 1L), "draft");
          s.persist(p);
          s.flush();
          p.setTitle("final");
        });
    List<String[]> rows = rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)[1]).isEqualTo("ADD");
    assertThat(rows.get(0)[2]).contains("\"title\":\"final\"").doesNotContain("draft");
  }

  @Test
  void laterUpdateAndDeleteAreOrderedRows() {
    Pin pin = factory.fromTransaction(s -> persistPin(s, "v1"));
    factory.inTransaction(s -> s.find(Pin.class, pin.getId()).setTitle("v2"));
    factory.inTransaction(s -> s.remove(s.find(Pin.class, pin.getId())));
    assertThat(rows()).extracting(r -> r[1]).containsExactly("ADD", "UPDATE", "REMOVE");
    assertThat(rows()).extracting(r -> r[0]).containsOnly("Pin:" + pin.getId());
  }

  @Test
  void changesFlushedByALaterBeforeCompletionCallbackAreStillWritten() {
    factory.inTransaction(
        s -> {
          persistPin(s, "early");
          s.flush();
          s.getTransaction()
              .registerSynchronization(
                  new jakarta.transaction.Synchronization() {
                    @Override
                    public void beforeCompletion() {
                      persistPin(s, "late");
                      s.flush();
                    }

                    @Override
                    public void afterCompletion(int status) {}
                  });
        });
    assertThat(rows())
        .extracting(r -> r[2])
        .satisfiesExactly(
            early -> assertThat(early).contains("\"early\""),
            late -> assertThat(late).contains("\"late\""));
  }

  @Test
  void updateOfColumnsTheActivityDoesNotShowWritesNoRow() {
    Pin pin = factory.fromTransaction(s -> persistPin(s, "counted"));
    factory.inTransaction(s -> s.find(Pin.class, pin.getId()).view());
    factory.inTransaction(s -> s.find(Pin.class, pin.getId()).setTitle("renamed"));
    assertThat(rows()).extracting(r -> r[1]).containsExactly("ADD", "UPDATE");
  }

  @Test
  void changingTheActivityTimeFailsTheFlushNamingTheEntity() {
    Pin pin = factory.fromTransaction(s -> persistPin(s, "timed"));
    assertThatThrownBy(
            () ->
                factory.inTransaction(
                    s -> {
                      Pin p = s.find(Pin.class, pin.getId());
                      p.setCreatedAt(Instant.parse("2020-01-01T00:00:00Z"));
                      p.setTitle("moved");
                    }))
        .hasStackTraceContaining("Pin:" + pin.getId())
        .hasStackTraceContaining("activityTime() changed");
    assertThat(rows()).extracting(r -> r[1]).containsExactly("ADD");
    String title = factory.fromTransaction(s -> s.find(Pin.class, pin.getId()).getTitle());
    assertThat(title).isEqualTo("timed");
  }

  @Test
  void hidingAnActivityRemovesItAndShowingItAddsItAgain() {
    Pin pin = factory.fromTransaction(s -> persistPin(s, "shy"));
    factory.inTransaction(s -> s.find(Pin.class, pin.getId()).setHidden(true));
    factory.inTransaction(s -> s.find(Pin.class, pin.getId()).setTitle("still hidden"));
    factory.inTransaction(s -> s.find(Pin.class, pin.getId()).setHidden(false));
    assertThat(rows()).extracting(r -> r[1]).containsExactly("ADD", "REMOVE", "ADD");
  }

  @Test
  void pausedTrackingRecordsNothingForThatClassOrGlobally() {
    StreamJpa stream = StreamJpa.of(factory);
    stream.pauseTracking(Pin.class);
    factory.inTransaction(s -> persistPin(s, "quiet"));
    stream.resumeTracking(Pin.class);
    stream.pauseTracking();
    factory.inTransaction(
        s -> {
          s.persist(new User(50, "bob"));
          s.persist(new Follow(s.getReference(User.class, 1L), s.getReference(User.class, 50L)));
        });
    assertThat(rows()).isEmpty();
  }

  @Test
  void followWritesFollowAndDeleteWritesUnfollowForEachNewsFeed() {
    Follow follow =
        factory.fromTransaction(
            s -> {
              s.persist(new User(60, "carol"));
              Follow f =
                  new Follow(s.getReference(User.class, 1L), s.getReference(User.class, 60L));
              s.persist(f);
              return f;
            });
    factory.inTransaction(s -> s.remove(s.merge(follow)));
    List<String[]> rows = rows();
    assertThat(rows).extracting(r -> r[1]).containsExactly("FOLLOW", "UNFOLLOW");
    assertThat(rows.get(0)[2])
        .contains("\"source\":\"timeline:1\",\"target\":\"user:60\"")
        .contains("\"source\":\"timeline_aggregated:1\",\"target\":\"user:60\"")
        .contains("\"copy_limit\":300");
    assertThat(rows.get(1)[2]).contains("\"keep_history\":false");
  }

  @Test
  void statelessSessionChangesAreRecordedToo() {
    Pin pin =
        factory.fromStatelessTransaction(
            s -> {
              Pin p = new Pin(s.get(User.class, 1L), "stateless");
              s.insert(p);
              return p;
            });
    factory.inStatelessTransaction(
        s -> {
          Pin p = s.get(Pin.class, pin.getId());
          p.setTitle("stateless 2");
          s.update(p);
        });
    factory.inStatelessTransaction(s -> s.delete(s.get(Pin.class, pin.getId())));
    assertThat(rows()).extracting(r -> r[1]).containsExactly("ADD", "UPDATE", "REMOVE");
  }

  private static Pin persistPin(org.hibernate.Session s, String title) {
    Pin p = new Pin(s.getReference(User.class, 1L), title);
    s.persist(p);
    return p;
  }

  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    fixture.query(
        "select foreign_id, operation, payload from stream_outbox order by id",
        rs -> {
          try {
            while (rs.next()) {
              rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    return rows;
  }
}
