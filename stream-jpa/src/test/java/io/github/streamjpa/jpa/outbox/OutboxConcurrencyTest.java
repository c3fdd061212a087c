package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.TestClients;
import io.github.streamjpa.jpa.testing.TestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Application writers and two dispatchers (two SessionFactories, as two instances of one app) on
 * one outbox table, at each database's default isolation level: no application commit may fail
 * because of the dispatchers' locks, and each activity is sent exactly once.
 */
class OutboxConcurrencyTest {

  private static final int WRITERS = 4;
  private static final int COMMITS_PER_WRITER = 80;
  private static final int AUTHORS = 4;
  private static final int PINS_PER_COMMIT = 3;

  private final List<SessionFactory> factories = new ArrayList<>();
  private StreamEmulator emulator;
  private TestEngine.Namespace namespace;

  static List<TestEngine> engines() {
    return TestEngine.available();
  }

  @AfterEach
  void stop() {
    factories.forEach(SessionFactory::close);
    if (namespace != null) {
      namespace.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void fourWritersAndTwoDispatchersCommitEverythingAndSendEachActivityOnce(TestEngine engine)
      throws Exception {
    emulator = StreamEmulator.start();
    StreamClient client = TestClients.withoutRetries(emulator);
    namespace = engine.create("outbox_concurrency");
    // Slow answers and full batches: the claims lock long stretches of pending rows while the
    // writers insert (on InnoDB at REPEATABLE READ this made application commits lose deadlocks).
    Map<String, Object> settings = Map.of(StreamJpaSettings.BATCH_SIZE, 100);
    SessionFactory first = open(client, "create", settings);
    SessionFactory second = open(client, "validate", settings);
    first.inTransaction(
        s -> {
          for (long id = 1; id <= AUTHORS; id++) {
            s.persist(new User(id, "user" + id));
          }
        });
    emulator.control().latency(Duration.ofMillis(100));

    ConcurrentLinkedQueue<Throwable> failedCommits = new ConcurrentLinkedQueue<>();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<List<Long>>> work = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      SessionFactory target = w % 2 == 0 ? first : second;
      long author = w % AUTHORS + 1;
      work.add(
          writers.submit(
              () -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < COMMITS_PER_WRITER; i++) {
                  int n = i;
                  try {
                    ids.addAll(
                        target.fromTransaction(
                            s -> {
                              List<Long> created = new ArrayList<>();
                              for (int p = 0; p < PINS_PER_COMMIT; p++) {
                                Pin pin = new Pin(s.getReference(User.class, author), "pin " + n);
                                s.persist(pin);
                                created.add(pin.getId());
                              }
                              return created;
                            }));
                  } catch (RuntimeException e) {
                    failedCommits.add(e);
                  }
                }
                return ids;
              }));
    }
    List<String> committed = new ArrayList<>();
    for (Future<List<Long>> writer : work) {
      writer.get(5, TimeUnit.MINUTES).forEach(id -> committed.add("Pin:" + id));
    }
    writers.shutdown();

    assertThat(failedCommits).as("failed application commits on " + engine).isEmpty();
    assertThat(committed).hasSize(WRITERS * COMMITS_PER_WRITER * PINS_PER_COMMIT);
    Feeds.awaitDrained(first, Duration.ofMinutes(2));
    Map<String, Integer> adds = Feeds.addsPerForeignId(emulator);
    assertThat(adds.keySet()).containsExactlyInAnyOrderElementsOf(committed);
    assertThat(adds).allSatisfy((id, count) -> assertThat(count).as("sends of " + id).isOne());
    OutboxStats firstStats = StreamJpa.of(first).outbox().stats();
    OutboxStats secondStats = StreamJpa.of(second).outbox().stats();
    assertThat(firstStats.dead() + secondStats.dead()).isZero();
    assertThat(firstStats.sent() + secondStats.sent()).isEqualTo(committed.size());
  }

  private SessionFactory open(
      StreamClient client, String schemaAction, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put(StreamJpaSettings.CLIENT, client);
    SessionFactory factory = namespace.open(schemaAction, all);
    factories.add(factory);
    return factory;
  }
}
