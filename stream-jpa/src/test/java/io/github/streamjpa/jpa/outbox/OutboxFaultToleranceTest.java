package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.SyncedStream;
import io.github.streamjpa.jpa.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 1,000 activities committed while Stream fails at random, then is down, then rate-limits: after
 * recovery every activity is in its feed exactly once.
 */
class OutboxFaultToleranceTest {

  private static final int AUTHORS = 10;
  private static final int PINS_PER_AUTHOR = 100;
  private static SyncedStream stream;
  private static StreamEmulator emulator;
  private static SessionFactory factory;

  @BeforeAll
  static void start() {
    stream =
        SyncedStream.start(
            "outbox_faults",
            AUTHORS,
            Map.of(StreamJpaSettings.MAX_ATTEMPTS, 10_000, StreamJpaSettings.BATCH_SIZE, 50),
            e ->
                TestClients.withoutRetries(e)
                    .newBuilder()
                    .callTimeout(Duration.ofSeconds(5))
                    .build());
    emulator = stream.emulator();
    factory = stream.factory();
  }

  @AfterAll
  static void stop() {
    if (stream != null) {
      stream.close();
    }
  }

  @Test
  void everyActivityArrivesExactlyOnceThroughRandomFailuresAnOutageAndRateLimits()
      throws InterruptedException {
    // Latency keeps delivery slower than the writes, so every phase below has rows to send.
    emulator.control().latency(Duration.ofMillis(100));
    emulator.control().failFraction(0.3, 503, 42L);
    List<Long> ids = new ArrayList<>();
    for (int round = 0; round < PINS_PER_AUTHOR; round++) {
      int r = round;
      ids.addAll(
          factory.fromTransaction(
              s -> {
                List<Long> created = new ArrayList<>();
                for (long author = 1; author <= AUTHORS; author++) {
                  Pin pin = new Pin(s.getReference(User.class, author), "pin " + r + "/" + author);
                  s.persist(pin);
                  created.add(pin.getId());
                }
                return created;
              }));
    }
    assertThat(ids).hasSize(AUTHORS * PINS_PER_AUTHOR);
    Outbox outbox = StreamJpa.of(factory).outbox();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> outbox.stats().retried() >= 20 && outbox.stats().sent() >= 150);

    emulator.control().dropConnections(true);
    assertThat(outbox.stats().pending()).as("rows left for the outage").isPositive();
    long retriedBeforeOutage = outbox.stats().retried();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> outbox.stats().retried() >= retriedBeforeOutage + 200);
    long sentDuringOutage = outbox.stats().sent();
    emulator.control().dropConnections(false);
    emulator.control().clearFaults();
    assertThat(outbox.stats().pending()).as("rows left for the rate limits").isPositive();
    emulator.control().rateLimitNext(5, Duration.ofMillis(300));

    Feeds.awaitDrained(factory, Duration.ofMinutes(3));
    OutboxStats stats = StreamJpa.of(factory).outbox().stats();
    Map<Integer, Long> statuses = new java.util.TreeMap<>();
    emulator.control().requests().forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
    org.slf4j.LoggerFactory.getLogger(OutboxFaultToleranceTest.class)
        .info("after recovery: {}; requests by status (0 = dropped): {}", stats, statuses);
    // Each fault phase really happened: random 503s, dropped connections, then 429s.
    assertThat(statuses.getOrDefault(503, 0L)).as("503 answers").isPositive();
    assertThat(statuses.getOrDefault(0, 0L)).as("dropped connections").isPositive();
    assertThat(statuses.getOrDefault(429, 0L)).as("429 answers").isPositive();
    assertThat(stats.dead()).isZero();
    assertThat(stats.retried()).isGreaterThan(retriedBeforeOutage);
    assertThat(stats.sent()).isGreaterThan(sentDuringOutage);
    assertThat(stats.sent()).isGreaterThanOrEqualTo(AUTHORS * PINS_PER_AUTHOR);

    List<String> delivered = new ArrayList<>();
    for (long author = 1; author <= AUTHORS; author++) {
      List<String> feed = Feeds.foreignIds(emulator, FeedId.of("user", Long.toString(author)));
      assertThat(feed).hasSize(PINS_PER_AUTHOR).doesNotHaveDuplicates();
      delivered.addAll(feed);
    }
    assertThat(delivered)
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "Pin:" + id).toList());
  }
}
