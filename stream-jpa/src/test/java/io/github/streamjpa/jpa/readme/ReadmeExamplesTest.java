package io.github.streamjpa.jpa.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowQuery;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.enrich.EnrichedActivity;
import io.github.streamjpa.jpa.enrich.Enricher;
import io.github.streamjpa.jpa.enrich.FeedReader;
import io.github.streamjpa.jpa.outbox.DeadRow;
import io.github.streamjpa.jpa.outbox.Outbox;
import io.github.streamjpa.jpa.outbox.OutboxStats;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.TestClients;
import io.github.streamjpa.jpa.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Java examples of the README's stream-jpa and stream-jpa-enrichment sections with plain
 * JPA/Hibernate, PostgreSQL ({@link TestDatabase}) and a real emulator. The entity examples are
 * {@link Pin} and {@link Follow} of this package, compiled from exactly the README text.
 *
 * <p>The README check covers every java block of those sections; the Spring Boot examples live in
 * the starter's section and are run by the starter's tests.
 */
class ReadmeExamplesTest {
  private static final Logger log = LoggerFactory.getLogger(ReadmeExamplesTest.class);

  private final TestDatabase database = TestDatabase.get();
  private final List<String> alerts = new ArrayList<>();
  private final List<EntityManagerFactory> opened = new ArrayList<>();
  private StreamEmulator emulator;
  private StreamClient client;
  private String schema;
  private Map<String, Object> connectionSettings;

  @BeforeEach
  void startEmulatorAndSchema() {
    emulator = StreamEmulator.start();
    client = TestClients.withoutRetries(emulator);
    schema = database.createSchema("readme");
    connectionSettings = new HashMap<>(database.hibernateSettings(schema));
    connectionSettings.put("hibernate.hbm2ddl.auto", "create");
    connectionSettings.put(StreamJpaSettings.POLL_INTERVAL, "PT0.2S");
    connectionSettings.put(StreamJpaSettings.INITIAL_BACKOFF, "PT0.05S");
  }

  @AfterEach
  void closeEverything() {
    try {
      opened.forEach(EntityManagerFactory::close);
    } finally {
      database.dropSchema(schema);
      emulator.close();
    }
  }

  @Test
  void plainJpa() {
    User author = new User(42, "ann");
    open().runInTransaction(em -> em.persist(author));
    connectionSettings.put("hibernate.hbm2ddl.auto", "none"); // keep the user created above
    // README:begin
    Map<String, Object> settings = new HashMap<>(connectionSettings); // JDBC URL, user, ...
    settings.put(StreamJpaSettings.CLIENT, client); // e.g. StreamClient.connect(key, secret)
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("app", settings);

    emf.runInTransaction(em -> em.persist(new Pin(author, "sunset"))); // sent after the commit
    // README:end
    opened.add(emf);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(emulator.control().feedActivities("user", "42"))
                    .singleElement()
                    .satisfies(
                        a ->
                            assertThat(a)
                                .containsEntry("actor", "User:42")
                                .containsEntry("verb", "pin")
                                .containsEntry("title", "sunset")));
  }

  @Test
  void hibernateBootstrapAndFollowEntity() {
    // README:begin
    SessionFactory sessionFactory =
        new HibernatePersistenceConfiguration("app")
            .managedClasses(User.class, Pin.class, Follow.class)
            .properties(connectionSettings) // JDBC URL, user, ...
            .property(StreamJpaSettings.CLIENT, client)
            .createEntityManagerFactory();
    // README:end
    opened.add(sessionFactory);
    sessionFactory.inTransaction(
        s -> {
          User ann = new User(1, "ann");
          User bob = new User(2, "bob");
          s.persist(ann);
          s.persist(bob);
          s.persist(new Follow(bob, ann));
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.feed("timeline", "2").following(FollowQuery.of(10, 0)))
                    .extracting(f -> f.targetId())
                    .containsExactly(FeedId.of("user", "1")));
  }

  @Test
  void operatingTheOutbox() {
    EntityManagerFactory emf = open();
    User author = new User(42, "ann");
    emf.runInTransaction(em -> em.persist(author));
    emulator.control().failNext(1, 400); // the add is refused as bad data: parked as dead
    emf.runInTransaction(em -> em.persist(new Pin(author, "sunset")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> StreamJpa.of(emf).outbox().stats().dead() == 1);
    long deadRowId = StreamJpa.of(emf).outbox().deadRows(1).get(0).id();
    // README:begin
    Outbox outbox = StreamJpa.of(emf).outbox();

    OutboxStats stats = outbox.stats(); // pending, oldestPendingAge, sent, retried, dead
    if (stats.oldestPendingAge().compareTo(Duration.ofMinutes(5)) > 0) {
      alert("Stream sync is behind: " + stats);
    }

    for (DeadRow row : outbox.deadRows(50)) { // oldest first, with the last error
      log.warn(
          "not synced: {} {} after {} attempts: {}",
          row.operation(),
          row.foreignId(),
          row.attempts(),
          row.lastError());
    }
    outbox.redrive(deadRowId); // one row, with fresh attempts
    outbox.redriveAll(); // every dead row, once the cause is fixed
    // README:end
    assertThat(alerts).isEmpty();
    assertThat(stats.dead()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(emulator.control().feedActivities("user", "42")).hasSize(1));
    assertThat(outbox.stats().dead()).isZero();
  }

  @Test
  void backfill() {
    EntityManagerFactory emf = open();
    User author = new User(42, "ann");
    emf.runInTransaction(
        em -> {
          em.persist(author);
          em.persist(new Pin(author, "one"));
          em.persist(new Pin(author, "two"));
        });
    // README:begin
    long queued = StreamJpa.of(emf).backfill(Pin.class);
    long again = StreamJpa.of(emf).backfill(Pin.class, 200);
    // README:end
    assertThat(queued).isEqualTo(2);
    assertThat(again).isEqualTo(2);
    Feeds.awaitDrained(emf, Duration.ofSeconds(30));
    assertThat(emulator.control().feedActivities("user", "42")).hasSize(2);
  }

  @Test
  void enrichedReads() {
    EntityManagerFactory emf = open();
    User author = new User(42, "ann");
    emf.runInTransaction(
        em -> {
          em.persist(author);
          em.persist(new Pin(author, "sunset"));
        });
    Feeds.awaitDrained(emf, Duration.ofSeconds(30));
    // README:begin
    Enricher enricher =
        Enricher.builder(emf)
            .fields("board") // custom fields holding references; actor/object/target always
            .build();
    FeedReader reader = FeedReader.of(enricher, StreamJpa.of(emf).feedManager());
    // README:end
    EnrichedActivity read = reader.userFeed(42L, 10, null).results().get(0);
    assertThat(read.actor(User.class).getName()).isEqualTo("ann");
    assertThat(read.object(Pin.class).title).isEqualTo("sunset");
  }

  private EntityManagerFactory open() {
    Map<String, Object> settings = new HashMap<>(connectionSettings);
    settings.put(StreamJpaSettings.CLIENT, client);
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("app", settings);
    opened.add(emf);
    return emf;
  }

  private void alert(String message) {
    alerts.add(message);
  }

  // The README check: its java blocks and the regions here must be the same.

  private static final Pattern SECTIONS =
      Pattern.compile(
          "<!-- BEGIN (stream-jpa|stream-jpa-enrichment) -->(.*?)<!-- END \\1 -->", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL);

  @Test
  void readmeJavaBlocksAreExactlyTheExamplesRunHere() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    List<String> readmeBlocks = new ArrayList<>();
    Matcher section = SECTIONS.matcher(readme);
    int sections = 0;
    while (section.find()) {
      sections++;
      Matcher block = JAVA_BLOCK.matcher(section.group(2));
      while (block.find()) {
        readmeBlocks.add(normalize(block.group(1)));
      }
    }
    List<String> testedBlocks = new ArrayList<>();
    for (String file : List.of("Pin.java", "Follow.java", "ReadmeExamplesTest.java")) {
      String source =
          Files.readString(
              Path.of("src/test/java/io/github/streamjpa/jpa/readme/" + file),
              StandardCharsets.UTF_8);
      Matcher region = REGION.matcher(source);
      while (region.find()) {
        testedBlocks.add(normalize(region.group(1)));
      }
    }

    assertThat(sections).isEqualTo(2);
    assertThat(testedBlocks).hasSize(7);
    assertThat(readmeBlocks).containsExactlyElementsOf(testedBlocks);
  }

  /** Removes indentation and blank lines; everything else must match character for character. */
  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}
