package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.CapturedLog;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.JpaFixture;
import io.github.streamjpa.jpa.testing.TestClients;
import io.github.streamjpa.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three database outages while the dispatcher has rows pending and a batch in flight: PostgreSQL
 * stops accepting connections to the database and cuts every connection of the application ({@code
 * pg_terminate_backend}) for a second, then answers again. Every row is still delivered exactly
 * once, delivery resumes within seconds (the lease is a minute), and the log shows the database's
 * own error. With Hibernate's built-in pool and with HikariCP as Spring Boot sets it up (a 30 s
 * connection timeout, so the dispatcher mostly waits for a connection instead of failing).
 */
class OutboxDatabaseFaultTest {

  private static final int AUTHORS = 5;
  private static final int PINS = 300;
  private static final int CUTS = 3;

  private final String application = "outbox_cut_" + UUID.randomUUID().toString().substring(0, 8);
  private StreamEmulator emulator;
  private JpaFixture fixture;
  private SessionFactory factory;
  private HikariDataSource hikari;

  @BeforeEach
  void start() {
    emulator = StreamEmulator.start();
    fixture = new JpaFixture("outbox_db_faults");
  }

  @AfterEach
  void stop() {
    if (factory != null) {
      factory.close();
    }
    if (hikari != null) {
      hikari.close();
    }
    fixture.close();
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hibernate", "hikari"})
  void cuttingTheDatabaseUnderTheDispatcherLosesNothingAndSendsNothingTwice(String pool)
      throws Exception {
    String url = TestDatabase.get().jdbcUrl(fixture.schema()) + "&ApplicationName=" + application;
    Map<String, Object> settings = new HashMap<>();
    settings.put(StreamJpaSettings.CLIENT, TestClients.withoutRetries(emulator));
    settings.put(StreamJpaSettings.BATCH_SIZE, 20);
    // The defaults that matter here: a one-minute lease and a 5 s poll.
    settings.put(StreamJpaSettings.POLL_INTERVAL, "PT5S");
    settings.put(StreamJpaSettings.LEASE, "PT1M");
    if (pool.equals("hikari")) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(TestDatabase.get().jdbcUrl(fixture.schema()));
      config.addDataSourceProperty("ApplicationName", application);
      config.setMaximumPoolSize(4);
      config.setPoolName(application);
      hikari = new HikariDataSource(config);
      settings.put("hibernate.connection.datasource", hikari);
    } else {
      settings.put("hibernate.connection.url", url);
    }
    factory = fixture.open("create", settings);
    factory.inTransaction(
        s -> {
          for (long id = 1; id <= AUTHORS; id++) {
            s.persist(new User(id, "user" + id));
          }
        });
    emulator.control().latency(Duration.ofMillis(150));

    List<String> expected = new ArrayList<>();
    try (CapturedLog log = CapturedLog.start()) {
      for (int round = 0; round < PINS / AUTHORS; round++) {
        int r = round;
        factory
            .fromTransaction(
                s -> {
                  List<Long> ids = new ArrayList<>();
                  for (long author = 1; author <= AUTHORS; author++) {
                    Pin pin = new Pin(s.getReference(User.class, author), "pin " + r);
                    s.persist(pin);
                    ids.add(pin.getId());
                  }
                  return ids;
                })
            .forEach(id -> expected.add("Pin:" + id));
      }
      Outbox outbox = StreamJpa.of(factory).outbox();
      List<Duration> resumedAfter = new ArrayList<>();
      for (int cut = 0; cut < CUTS; cut++) {
        long sentBefore = sentSoFar(outbox);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentSoFar(outbox) > sentBefore);
        // A batch is in flight now (each request takes 150 ms): an outage of one second.
        Thread.sleep(50);
        long answeringAgainAt;
        // From the server's maintenance database: a database cannot lock itself out.
        try (Connection admin = maintenanceConnection();
            Statement statement = admin.createStatement()) {
          statement.execute("alter database " + database + " allow_connections false");
          try {
            assertThat(terminateBackends(admin)).as("backends terminated").isPositive();
            Thread.sleep(1000);
          } finally {
            statement.execute("alter database " + database + " allow_connections true");
          }
          answeringAgainAt = System.nanoTime();
        }
        long sentAfterOutage = sentSoFar(outbox);
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> sentSoFar(outbox) > sentAfterOutage);
        resumedAfter.add(Duration.ofNanos(System.nanoTime() - answeringAgainAt));
      }
      assertThat(sentSoFar(outbox)).as("rows left after the cuts").isLessThan(PINS);
      Feeds.awaitDrained(factory, Duration.ofSeconds(60));
      String logged = log.text();

      org.slf4j.LoggerFactory.getLogger(OutboxDatabaseFaultTest.class)
          .info("{} pool: delivery resumed after the outages in {}", pool, resumedAfter);
      // Delivery went on after each cut within seconds: a lease (one minute) was never waited out.
      assertThat(resumedAfter).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(10)));
      // The database's own error reached the log, not a later one about restoring the connection.
      if (pool.equals("hibernate") || logged.contains("outbox dispatcher")) {
        assertThat(logged)
            .contains("outbox dispatcher")
            .containsAnyOf(
                "terminating connection due to administrator command",
                "is not currently accepting connections",
                "An I/O error occurred while sending to the backend");
      }
    }
    Map<String, Integer> adds = Feeds.addsPerForeignId(emulator);
    assertThat(adds.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(adds).allSatisfy((id, count) -> assertThat(count).as("sends of " + id).isOne());
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
  }

  /** The dispatcher's sent counter; 0 while the database refuses the stats query. */
  private static long sentSoFar(Outbox outbox) {
    try {
      return outbox.stats().sent();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private String database;

  /** Connects to the server's {@code postgres} database; remembers the test database's name. */
  private Connection maintenanceConnection() throws Exception {
    TestDatabase test = TestDatabase.get();
    try (Connection c = test.connect()) {
      database = c.getCatalog();
    }
    String url = test.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres");
    java.util.Properties credentials = new java.util.Properties();
    if (test.user() != null) {
      credentials.setProperty("user", test.user());
    }
    if (test.password() != null) {
      credentials.setProperty("password", test.password());
    }
    return java.sql.DriverManager.getConnection(url, credentials);
  }

  /** Terminates every backend of this test's connections, busy or idle; returns how many. */
  private int terminateBackends(Connection admin) throws Exception {
    try (PreparedStatement kill =
        admin.prepareStatement(
            "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity"
                + " where application_name = ? and pid <> pg_backend_pid()) killed")) {
      kill.setString(1, application);
      try (ResultSet rs = kill.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
