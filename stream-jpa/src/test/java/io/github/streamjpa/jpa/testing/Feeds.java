package io.github.streamjpa.jpa.testing;

import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads feeds back from the emulator and waits for the outbox to drain. */
public final class Feeds {

  private Feeds() {}

  /** Returns the foreign ids of every activity stored in a feed (any feed type), newest first. */
  public static List<String> foreignIds(StreamEmulator emulator, FeedId feed) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> activity :
        emulator.control().feedActivities(feed.slug(), feed.userId())) {
      ids.add(String.valueOf(activity.get("foreign_id")));
    }
    return ids;
  }

  /** Returns the activity with this foreign id in a feed, if present. */
  public static Optional<FeedActivity> find(StreamClient client, FeedId feed, String foreignId) {
    return client.feed(feed).getActivities(ReadOptions.limit(100)).results().stream()
        .filter(a -> foreignId.equals(a.foreignId()))
        .findFirst();
  }

  /** Waits until no outbox row is pending (generously: the machine may be loaded). */
  public static void awaitDrained(EntityManagerFactory factory, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> StreamJpa.of(factory).outbox().stats().pending() == 0);
  }
}
