package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.streamjpa.jpa.StreamSyncException;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.CapturedLog;
import io.github.streamjpa.jpa.testing.TestClients;
import io.github.streamjpa.jpa.testing.TestEngine;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the database refuses an outbox row, the commit fails with an error naming the entity and the
 * operation, and neither that error nor any log line quotes the row's data (activity payloads can
 * hold personal data; drivers quote refused rows in their messages).
 */
class OutboxInsertFailureTest {

  private static final String SECRET = "Secret-title-4711";

  static List<TestEngine> engines() {
    return TestEngine.available();
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aRefusedOutboxRowFailsTheCommitWithoutItsDataInTheErrorOrTheLog(TestEngine engine)
      throws Exception {
    try (TestEngine.Namespace namespace = engine.create("outbox_insert_failure")) {
      SessionFactory factory = namespace.open("create", TestClients.withoutDelivery());
      try {
        factory.inTransaction(s -> s.persist(new User(1, "alice")));
        // The database refuses the row and, in its error, quotes it (PostgreSQL: "Failing row
        // contains ..."; the PostgreSQL driver also prints every value of a refused batch).
        namespace.execute(
            "alter table stream_outbox add constraint outbox_refuses check (payload not like '%"
                + SECRET
                + "%')");
        Throwable thrown;
        try (CapturedLog log = CapturedLog.start()) {
          thrown =
              catchThrowable(
                  () ->
                      factory.inTransaction(
                          s -> s.persist(new Pin(s.getReference(User.class, 1L), SECRET))));
          assertThat(thrown).as("the commit fails").isNotNull();
          assertThat(log.text()).doesNotContain(SECRET).doesNotContain("4711");
        }
        String reported = CapturedLog.stackTrace(thrown);
        assertThat(reported).doesNotContain(SECRET).doesNotContain("4711");
        StreamSyncException error = findCause(thrown, StreamSyncException.class);
        assertThat(error.getMessage())
            .startsWith("stream-jpa could not write the outbox rows of Pin:")
            .contains("(ADD)")
            .contains("SQLState 23");
        assertThat(findCause(error, SQLException.class).getSQLState()).startsWith("23");
        // Nothing of the transaction was committed.
        long pins =
            factory.fromTransaction(
                s -> s.createQuery("select count(p) from Pin p", Long.class).getSingleResult());
        assertThat(pins).isZero();
      } finally {
        factory.close();
      }
    }
  }

  private static <T extends Throwable> T findCause(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + thrown);
  }
}
