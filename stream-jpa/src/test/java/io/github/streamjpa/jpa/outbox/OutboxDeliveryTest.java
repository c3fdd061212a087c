package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.FeedGroupType;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.JpaFixture;
import io.github.streamjpa.jpa.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several dispatchers, restarts and dead rows, counted in the emulator's request log. */
class OutboxDeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private final ObjectMapper json = new ObjectMapper();
  private StreamEmulator emulator;
  private StreamClient client;
  private JpaFixture fixture;
  private final List<SessionFactory> factories = new ArrayList<>();

  @BeforeEach
  void start() {
    emulator = StreamEmulator.start();
    client = TestClients.withoutRetries(emulator);
    fixture = new JpaFixture("outbox_delivery");
  }

  @AfterEach
  void stop() {
    factories.forEach(SessionFactory::close);
    fixture.close();
    emulator.close();
  }

  private SessionFactory open(String schemaAction) {
    return open(schemaAction, Map.of());
  }

  private SessionFactory open(String schemaAction, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put(StreamJpaSettings.CLIENT, client);
    SessionFactory factory = fixture.open(schemaAction, all);
    factories.add(factory);
    return factory;
  }

  private static List<Long> persistPins(SessionFactory factory, long author, int count) {
    return factory.fromTransaction(
        s -> {
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            Pin pin = new Pin(s.getReference(User.class, author), "pin " + i);
            s.persist(pin);
            ids.add(pin.getId());
          }
          return ids;
        });
  }

  /** Counts, per foreign id, how many activities the emulator was asked to add. */
  private Map<String, Integer> addsPerForeignId() throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (var request : emulator.control().requests()) {
      if (!"POST".equals(request.method()) || !request.path().contains("/feed/user/")) {
        continue;
      }
      JsonNode body = json.readTree(request.body());
      List<JsonNode> activities = new ArrayList<>();
      if (body.has("activities")) {
        body.get("activities").forEach(activities::add);
      } else {
        activities.add(body);
      }
      for (JsonNode activity : activities) {
        counts.merge(activity.get("foreign_id").asText(), 1, Integer::sum);
      }
    }
    return counts;
  }

  @Test
  void twoSessionFactoriesOnOneDatabaseSendEveryRowOnce() throws Exception {
    // Small batches and slow answers: neither dispatcher can take all the work alone.
    Map<String, Object> smallBatches = Map.of(StreamJpaSettings.BATCH_SIZE, 10);
    SessionFactory first = open("create", smallBatches);
    // "validate": the outbox table matches its mapping
    SessionFactory second = open("validate", smallBatches);
    first.inTransaction(s -> s.persist(new User(1, "alice")));
    emulator.control().latency(Duration.ofMillis(20));
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<List<Long>>> batches = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      SessionFactory target = i % 2 == 0 ? first : second;
      batches.add(writers.submit(() -> persistPins(target, 1, 10)));
    }
    List<String> expected = new ArrayList<>();
    for (Future<List<Long>> batch : batches) {
      batch.get().forEach(id -> expected.add("Pin:" + id));
    }
    writers.shutdown();
    Feeds.awaitDrained(first, WAIT);

    Map<String, Integer> adds = addsPerForeignId();
    assertThat(adds.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(adds.values()).containsOnly(1);
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1")))
        .containsExactlyInAnyOrderElementsOf(expected);
    long sentByFirst = StreamJpa.of(first).outbox().stats().sent();
    long sentBySecond = StreamJpa.of(second).outbox().stats().sent();
    assertThat(sentByFirst).as("sent by the first dispatcher").isPositive();
    assertThat(sentBySecond).as("sent by the second dispatcher").isPositive();
    assertThat(sentByFirst + sentBySecond).isEqualTo(expected.size());
  }

  @Test
  void rowsPendingWhenTheFactoryClosesAreDeliveredByTheNextOne() throws Exception {
    SessionFactory first = open("create");
    first.inTransaction(s -> s.persist(new User(1, "alice")));
    emulator.control().dropConnections(true);
    List<Long> ids = persistPins(first, 1, 20);
    await().atMost(WAIT).until(() -> StreamJpa.of(first).outbox().stats().retried() > 0);
    OutboxStats stats = StreamJpa.of(first).outbox().stats();
    assertThat(stats.pending()).isEqualTo(20);
    assertThat(stats.oldestPendingAge()).isPositive();
    assertThat(stats.sent()).isZero();
    first.close();
    factories.remove(first);
    assertThat(fixture.queryLong("select count(*) from stream_outbox where status = 'PENDING'"))
        .isEqualTo(20);
    assertThat(fixture.queryLong("select count(*) from stream_outbox where claimed_by is not null"))
        .isZero();

    emulator.control().dropConnections(false);
    emulator.control().clearFaults();
    SessionFactory next = open("update"); // schema update keeps the pending rows
    Feeds.awaitDrained(next, WAIT);
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1")))
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "Pin:" + id).toList());
  }

  @Test
  void closingMidStreamLosesNothingAndSendsNothingTwice() throws Exception {
    SessionFactory first = open("create");
    first.inTransaction(s -> s.persist(new User(1, "alice")));
    emulator.control().latency(Duration.ofMillis(20));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.addAll(persistPins(first, 1, 20));
    }
    first.close();
    factories.remove(first);
    emulator.control().clearFaults();
    SessionFactory next = open("none");
    Feeds.awaitDrained(next, WAIT);
    Map<String, Integer> adds = addsPerForeignId();
    assertThat(adds.keySet())
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "Pin:" + id).toList());
    assertThat(adds.values()).containsOnly(1);
  }

  @Test
  void badDataParksOnlyThatRowAndTheRestOfItsBatchIsDelivered() {
    emulator.close();
    // Strict feed groups, as a real Stream app: a `to` naming an unknown group is refused (400).
    emulator =
        StreamEmulator.start(
            EmulatorConfig.builder()
                .strictFeedGroups(true)
                .feedGroup("user", FeedGroupType.FLAT)
                .feedGroup("timeline", FeedGroupType.FLAT)
                .feedGroup("timeline_aggregated", FeedGroupType.AGGREGATED)
                .feedGroup("notification", FeedGroupType.NOTIFICATION)
                .build());
    client = TestClients.withoutRetries(emulator);
    SessionFactory factory = open("create");
    factory.inTransaction(s -> s.persist(new User(1, "alice")));
    List<Long> good = new ArrayList<>();
    Long bad =
        factory.fromTransaction(
            s -> {
              Long badId = null;
              for (int i = 0; i < 5; i++) {
                Pin pin = new Pin(s.getReference(User.class, 1L), "pin " + i);
                if (i == 2) {
                  pin.notifying(FeedId.of("notifcation", "7")); // a typo: no such feed group
                }
                s.persist(pin);
                if (i == 2) {
                  badId = pin.getId();
                } else {
                  good.add(pin.getId());
                }
              }
              return badId;
            });
    await().atMost(WAIT).until(() -> StreamJpa.of(factory).outbox().stats().dead() == 1);
    Feeds.awaitDrained(factory, WAIT);

    assertThat(StreamJpa.of(factory).outbox().deadRows(10))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.foreignId()).isEqualTo("Pin:" + bad);
              assertThat(row.operation()).isEqualTo("ADD");
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.lastError())
                  .startsWith("HTTP 400 InputException")
                  .contains("; fields: ")
                  .contains(".to");
            });
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1")))
        .containsExactlyInAnyOrderElementsOf(good.stream().map(id -> "Pin:" + id).toList());
    // The five went out as one batch, refused as a whole, then one by one.
    assertThat(emulator.control().requests())
        .anyMatch(
            r ->
                r.status() == 400
                    && r.body().contains("\"pin 0\"")
                    && r.body().contains("\"pin 4\""));
  }

  @Test
  void parkedRowIsSentAgainWhenRedriven() {
    SessionFactory factory = open("create");
    factory.inTransaction(s -> s.persist(new User(1, "alice")));
    emulator.control().failNext(1, 400);
    Long parked = persistPins(factory, 1, 1).get(0);
    await().atMost(WAIT).until(() -> StreamJpa.of(factory).outbox().stats().dead() == 1);
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1"))).isEmpty();

    List<DeadRow> dead = StreamJpa.of(factory).outbox().deadRows(10);
    assertThat(dead).singleElement().extracting(DeadRow::foreignId).isEqualTo("Pin:" + parked);
    assertThat(StreamJpa.of(factory).outbox().redrive(dead.get(0).id())).isTrue();
    Feeds.awaitDrained(factory, WAIT);
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1"))).containsExactly("Pin:" + parked);
  }
}
