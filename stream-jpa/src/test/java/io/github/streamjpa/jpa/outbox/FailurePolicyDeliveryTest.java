package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.emulator.RecordedRequest;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.SyncedStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The failure policy status by status, with the emulator answering what each test injects. */
class FailurePolicyDeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static SyncedStream stream;
  private static StreamEmulator emulator;
  private static SessionFactory factory;

  @BeforeAll
  static void start() {
    stream = SyncedStream.start("failure_policy", 1, Map.of());
    emulator = stream.emulator();
    factory = stream.factory();
  }

  @AfterAll
  static void stop() {
    if (stream != null) {
      stream.close();
    }
  }

  @BeforeEach
  void clean() {
    emulator.control().clearFaults();
    Feeds.awaitDrained(factory, WAIT);
    factory.inTransaction(
        s -> s.doWork(c -> c.createStatement().execute("delete from stream_outbox")));
    emulator.control().reset();
  }

  private static List<Long> persistPins(int count) {
    return factory.fromTransaction(
        s -> {
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            Pin pin = new Pin(s.getReference(User.class, 1L), "pin " + i);
            s.persist(pin);
            ids.add(pin.getId());
          }
          return ids;
        });
  }

  private static long answered(int status) {
    return emulator.control().requests().stream().filter(r -> r.status() == status).count();
  }

  @ParameterizedTest(name = "HTTP {0} is retried with backoff until delivered")
  @ValueSource(ints = {408, 500, 502, 503, 504})
  void timeoutsRateLimitsAndServerErrorsAreRetried(int status) {
    long retriedBefore = StreamJpa.of(factory).outbox().stats().retried();
    emulator.control().failNext(2, status);
    Long pin = persistPins(1).get(0);
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1"))).containsExactly("Pin:" + pin);
    assertThat(answered(status)).isEqualTo(2);
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
    assertThat(StreamJpa.of(factory).outbox().stats().retried() - retriedBefore).isEqualTo(2);
  }

  @Test
  void rateLimitsAreRetriedAfterTheServersRetryAfter() {
    long retriedBefore = StreamJpa.of(factory).outbox().stats().retried();
    emulator.control().rateLimitNext(2, Duration.ofSeconds(1));
    Long pin = persistPins(1).get(0);
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1"))).containsExactly("Pin:" + pin);
    List<RecordedRequest> limited =
        emulator.control().requests().stream().filter(r -> r.status() == 429).toList();
    assertThat(limited).hasSize(2);
    assertThat(StreamJpa.of(factory).outbox().stats().retried() - retriedBefore).isEqualTo(2);
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
  }

  @Test
  void transportErrorsAreRetriedUntilDelivered() {
    long retriedBefore = StreamJpa.of(factory).outbox().stats().retried();
    emulator.control().dropConnections(true);
    Long pin = persistPins(1).get(0);
    await()
        .atMost(WAIT)
        .until(() -> StreamJpa.of(factory).outbox().stats().retried() - retriedBefore >= 2);
    emulator.control().dropConnections(false);
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1"))).containsExactly("Pin:" + pin);
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
  }

  @ParameterizedTest(name = "HTTP {0} parks the row at once")
  @ValueSource(ints = {400, 404, 413, 422})
  void dataErrorsParkTheRowAtOnceWithTheError(int status) {
    emulator.control().failNext(1, status);
    Long pin = persistPins(1).get(0);
    await().atMost(WAIT).until(() -> StreamJpa.of(factory).outbox().stats().dead() == 1);
    assertThat(StreamJpa.of(factory).outbox().deadRows(10))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.foreignId()).isEqualTo("Pin:" + pin);
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.lastError()).startsWith("HTTP " + status + " ");
            });
    assertThat(answered(status)).isEqualTo(1);
    assertThat(StreamJpa.of(factory).outbox().stats().pending()).isZero();
  }

  @ParameterizedTest(name = "HTTP {0} pauses delivery and leaves the rows pending")
  @ValueSource(ints = {401, 403})
  void refusedCredentialsPauseDeliveryForTheWholeAppAndKeepRowsPending(int status) {
    long retriedBefore = StreamJpa.of(factory).outbox().stats().retried();
    emulator.control().failFraction(1.0, status, 42);
    persistPins(5);
    await().atMost(WAIT).until(() -> answered(status) >= 3);

    assertThat(StreamJpa.of(factory).outbox().stats().pending()).isEqualTo(5);
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
    assertThat(StreamJpa.of(factory).outbox().stats().retried()).isEqualTo(retriedBefore);
    assertThat(stream.queryLong("select max(attempts) from stream_outbox")).isZero();
    assertThat(stream.queryLong("select count(*) from stream_outbox where last_error is null"))
        .isEqualTo(5);
    // Never split to find a bad row: every refused request carried the whole batch.
    for (RecordedRequest refused :
        emulator.control().requests().stream().filter(r -> r.status() == status).toList()) {
      for (int i = 0; i < 5; i++) {
        assertThat(refused.body()).contains("\"pin " + i + "\"");
      }
    }

    emulator.control().clearFaults();
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1"))).hasSize(5);
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
  }
}
