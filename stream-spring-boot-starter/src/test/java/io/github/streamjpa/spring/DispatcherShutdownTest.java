package io.github.streamjpa.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.spring.sample.Pin;
import io.github.streamjpa.spring.sample.User;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The dispatcher stops with the application context, after the batch it is sending. */
class DispatcherShutdownTest {

  private static final String DATABASE = "jdbc:h2:mem:shutdown;DB_CLOSE_DELAY=-1";

  @Test
  void closingTheContextWaitsForTheBatchInFlight() throws SQLException {
    AtomicReference<EmulatorControl> stream = new AtomicReference<>();
    JpaContexts.withJpa()
        .withPropertyValues(
            "spring.datasource.url=" + DATABASE,
            "spring.jpa.hibernate.ddl-auto=create", // keep the table to look at after the close
            "stream.jpa.dispatcher.shutdown-timeout=20s")
        .run(
            context -> {
              stream.set(context.getBean(EmulatorControl.class));
              stream.get().latency(Duration.ofMillis(1500)); // each send takes 1.5 s
              context
                  .getBean(EntityManagerFactory.class)
                  .runInTransaction(
                      em -> {
                        User author = new User(11, "gus");
                        em.persist(author);
                        em.persist(new Pin(author, "in flight"));
                      });
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> count("where claimed_by is not null") == 1);
            }); // the context closes while the add is being sent

    assertThat(count("")).as("outbox rows left after the close").isZero();
    assertThat(stream.get().feedActivities("user", "11")).hasSize(1);
  }

  private static long count(String where) throws SQLException {
    try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from stream_outbox " + where)) {
      result.next();
      return result.getLong(1);
    }
  }
}
