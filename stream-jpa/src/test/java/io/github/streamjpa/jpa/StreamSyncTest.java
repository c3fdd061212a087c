package io.github.streamjpa.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.model.Follow;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import io.github.streamjpa.jpa.testing.Feeds;
import io.github.streamjpa.jpa.testing.SyncedStream;
import java.time.Duration;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Entity changes reach Stream (the emulator, over HTTP) after commit, and only then. */
class StreamSyncTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static SyncedStream stream;
  private static StreamEmulator emulator;
  private static StreamClient client;
  private static SessionFactory factory;

  @BeforeAll
  static void start() {
    stream = SyncedStream.start("stream_sync", 30, Map.of());
    emulator = stream.emulator();
    client = stream.client();
    factory = stream.factory();
  }

  @AfterAll
  static void stop() {
    if (stream != null) {
      stream.close();
    }
  }

  private static FeedId feed(String slug, long user) {
    return FeedId.of(slug, Long.toString(user));
  }

  private static Follow follow(long follower, long followed) {
    return factory.fromTransaction(
        s -> {
          Follow f =
              new Follow(
                  s.getReference(User.class, follower), s.getReference(User.class, followed));
          s.persist(f);
          return f;
        });
  }

  private static Pin pin(long author, String title, Long notify) {
    return factory.fromTransaction(
        s -> {
          Pin p = new Pin(s.getReference(User.class, author), title);
          if (notify != null) {
            p.notifying(notify);
          }
          s.persist(p);
          return p;
        });
  }

  @Test
  void persistUpdateAndDeleteShowEverywhereTheActivityBelongs() {
    follow(2, 1);
    Feeds.awaitDrained(factory, WAIT);
    Pin pin = pin(1, "sunset", 3L);
    String fid = "Pin:" + pin.getId();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(Feeds.foreignIds(emulator, feed("user", 1))).containsOnlyOnce(fid);
              assertThat(Feeds.foreignIds(emulator, feed("timeline", 2))).containsOnlyOnce(fid);
              assertThat(Feeds.foreignIds(emulator, feed("timeline_aggregated", 2)))
                  .containsOnlyOnce(fid);
              assertThat(Feeds.foreignIds(emulator, feed("notification", 3))).containsOnlyOnce(fid);
            });
    var added = Feeds.find(client, feed("user", 1), fid).orElseThrow();
    assertThat(added.actor()).isEqualTo("User:1");
    assertThat(added.verb()).isEqualTo("pin");
    assertThat(added.object()).isEqualTo(fid);
    assertThat(added.time()).isEqualTo(pin.activityTime());
    assertThat(added.extra()).containsEntry("title", "sunset");

    factory.inTransaction(s -> s.find(Pin.class, pin.getId()).setTitle("sunrise"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(Feeds.find(client, feed("user", 1), fid).orElseThrow().extra())
                  .containsEntry("title", "sunrise");
              assertThat(Feeds.find(client, feed("timeline", 2), fid).orElseThrow().extra())
                  .containsEntry("title", "sunrise");
            });

    factory.inTransaction(s -> s.remove(s.find(Pin.class, pin.getId())));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(Feeds.foreignIds(emulator, feed("user", 1))).doesNotContain(fid);
              assertThat(Feeds.foreignIds(emulator, feed("timeline", 2))).doesNotContain(fid);
              assertThat(Feeds.foreignIds(emulator, feed("timeline_aggregated", 2)))
                  .doesNotContain(fid);
              assertThat(Feeds.foreignIds(emulator, feed("notification", 3))).doesNotContain(fid);
            });
  }

  @Test
  void followEntityBringsTheFollowedUsersActivitiesAndDeletingItTakesThemAway() {
    Pin earlier = pin(11, "before the follow", null);
    Feeds.awaitDrained(factory, WAIT);
    String fid = "Pin:" + earlier.getId();
    Follow follow = follow(12, 11);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(Feeds.foreignIds(emulator, feed("timeline", 12))).containsOnlyOnce(fid);
              assertThat(Feeds.foreignIds(emulator, feed("timeline_aggregated", 12)))
                  .containsOnlyOnce(fid);
            });
    Pin later = pin(11, "after the follow", null);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(Feeds.foreignIds(emulator, feed("timeline", 12)))
                    .contains("Pin:" + later.getId()));

    factory.inTransaction(s -> s.remove(s.find(Follow.class, followId(follow))));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(Feeds.foreignIds(emulator, feed("timeline", 12))).isEmpty();
              assertThat(Feeds.foreignIds(emulator, feed("timeline_aggregated", 12))).isEmpty();
            });
    assertThat(Feeds.foreignIds(emulator, feed("user", 11))).contains(fid);
  }

  @Test
  void rolledBackAndAddedThenRemovedActivitiesAreNeverSent() {
    Feeds.awaitDrained(factory, WAIT);
    emulator.control().clearRequests();
    var session = factory.openSession();
    var tx = session.beginTransaction();
    session.persist(new Pin(session.getReference(User.class, 21L), "rolled back"));
    session.flush();
    tx.rollback();
    session.close();
    factory.inTransaction(
        s -> {
          Pin p = new Pin(s.getReference(User.class, 21L), "added and removed");
          s.persist(p);
          s.flush();
          s.remove(p);
        });
    // A later commit that is delivered shows the dispatcher ran after both.
    Pin marker = pin(21, "marker", null);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(Feeds.foreignIds(emulator, feed("user", 21)))
                    .containsExactly("Pin:" + marker.getId()));
    // Every request since the test began carries the marker: none for the other two.
    assertThat(emulator.control().requests())
        .isNotEmpty()
        .allMatch(r -> r.body() != null && r.body().contains("\"marker\""));
  }

  @Test
  void addThenRemoveInTwoTransactionsWhileStreamIsDownEndsAbsent() {
    emulator.control().dropConnections(true);
    try {
      Pin pin = pin(25, "short-lived", null);
      factory.inTransaction(s -> s.remove(s.find(Pin.class, pin.getId())));
      await().atMost(WAIT).until(() -> StreamJpa.of(factory).outbox().stats().retried() > 0);
    } finally {
      emulator.control().clearFaults();
      emulator.control().dropConnections(false);
    }
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, feed("user", 25))).isEmpty();
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
  }

  @Test
  void backfillSendsExistingRowsAndIsHarmlessToRepeat() {
    StreamJpa stream = StreamJpa.of(factory);
    stream.pauseTracking(Pin.class);
    try {
      for (int i = 0; i < 7; i++) {
        pin(27, "legacy " + i, null);
      }
    } finally {
      stream.resumeTracking(Pin.class);
    }
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, feed("user", 27))).isEmpty();

    long queued = StreamJpa.of(factory).backfill(Pin.class, 3);
    assertThat(queued).isGreaterThanOrEqualTo(7);
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, feed("user", 27))).hasSize(7).doesNotHaveDuplicates();

    StreamJpa.of(factory).backfill(Pin.class);
    Feeds.awaitDrained(factory, WAIT);
    assertThat(Feeds.foreignIds(emulator, feed("user", 27))).hasSize(7).doesNotHaveDuplicates();
  }

  private static Long followId(Follow follow) {
    return (Long) factory.getPersistenceUnitUtil().getIdentifier(follow);
  }
}
