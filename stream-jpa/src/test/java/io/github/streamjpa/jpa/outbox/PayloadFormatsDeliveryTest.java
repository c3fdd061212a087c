package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.SyncedStream;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows written by earlier releases are delivered by this one: the committed fixture rows of every
 * format version go through the dispatcher into the emulator, operation by operation.
 */
class PayloadFormatsDeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @ParameterizedTest(name = "format version {0}")
  @ValueSource(ints = {1, 2})
  void fixtureRowsOfEveryFormatAreDelivered(int version) {
    List<OutboxRowsFixture> rows = OutboxRowsFixture.version(version);
    try (SyncedStream stream = SyncedStream.start("payload_v" + version, 0, Map.of())) {
      SessionFactory factory = stream.factory();
      StreamEmulator emulator = stream.emulator();

      deliver(factory, rows, OutboxOperation.ADD);
      Map<String, Object> pin = only(emulator, FeedId.of("user", "1"));
      assertThat(pin)
          .containsEntry("foreign_id", "Pin:1")
          .containsEntry("actor", "User:1")
          .containsEntry("verb", "pin")
          .containsEntry("object", "Pin:1")
          .containsEntry("title", "sunset");
      assertThat(pin.get("time").toString()).startsWith("2026-11-30T08:15:30.123456");
      assertThat(Feeds.foreignIds(emulator, FeedId.of("notification", "2")))
          .containsExactly("Pin:1");
      Map<String, Object> photo = only(emulator, FeedId.of("user", "5"));
      assertThat(photo)
          .containsEntry("verb", "share")
          .containsEntry("target", "Board:3")
          .containsEntry("likes", 3)
          .containsEntry("ratio", 0.5)
          .containsEntry("tags", List.of("food", "noon"))
          .containsEntry("place", Map.of("city", "Lyon"))
          .containsEntry("seen", true)
          .containsEntry("at", "2026-11-29T12:00:00Z")
          .containsEntry("feed", "board:7");
      assertThat(Feeds.foreignIds(emulator, FeedId.of("notification", "6")))
          .containsExactly("Photo:9");
      assertThat(Feeds.foreignIds(emulator, FeedId.of("timeline", "6"))).containsExactly("Photo:9");

      deliver(factory, rows, OutboxOperation.UPDATE);
      assertThat(only(emulator, FeedId.of("user", "1")))
          .containsEntry("title", "sunset over the bay");

      deliver(factory, rows, OutboxOperation.REMOVE);
      assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "1"))).isEmpty();
      assertThat(Feeds.foreignIds(emulator, FeedId.of("user", "5"))).isEmpty();

      deliver(factory, rows, OutboxOperation.FOLLOW);
      assertThat(emulator.control().following("timeline", "1")).containsExactly("user:2");
      assertThat(emulator.control().following("timeline_aggregated", "1"))
          .containsExactly("user:2");

      deliver(factory, rows, OutboxOperation.UNFOLLOW);
      assertThat(emulator.control().following("timeline", "1")).isEmpty();
      assertThat(emulator.control().following("timeline_aggregated", "1")).isEmpty();

      assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
    }
  }

  private static Map<String, Object> only(StreamEmulator emulator, FeedId feed) {
    List<Map<String, Object>> activities =
        emulator.control().feedActivities(feed.slug(), feed.userId());
    assertThat(activities).as("activities of %s", feed).hasSize(1);
    return activities.get(0);
  }

  /** Inserts the fixture rows of one operation as pending rows and waits until they are sent. */
  private static void deliver(
      SessionFactory factory, List<OutboxRowsFixture> rows, OutboxOperation operation) {
    Timestamp now = Timestamp.from(Instant.now());
    factory.inTransaction(
        session ->
            session.doWork(
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "insert into stream_outbox (foreign_id, operation, payload, status,"
                              + " attempts, created_at, available_at)"
                              + " values (?, ?, ?, 'PENDING', 0, ?, ?)")) {
                    for (OutboxRowsFixture row : rows) {
                      if (row.operation() == operation) {
                        insert.setString(1, row.foreignId());
                        insert.setString(2, row.operation().name());
                        insert.setString(3, row.payload());
                        insert.setTimestamp(4, now);
                        insert.setTimestamp(5, now);
                        insert.addBatch();
                      }
                    }
                    insert.executeBatch();
                  }
                }));
    StreamJpa.of(factory).outbox().wakeUp();
    Feeds.awaitDrained(factory, WAIT);
    assertThat(StreamJpa.of(factory).outbox().stats().dead())
        .as("dead after " + operation)
        .isZero();
  }
}
