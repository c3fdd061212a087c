package io.github.streamjpa.jpa.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads feeds back from the emulator and waits for the outbox to drain. */
public final class Feeds {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * Counts, per foreign id, how many times the emulator was asked to add the activity to a user
   * feed (single adds and batches alike), from its request log.
   */
  public static Map<String, Integer> addsPerForeignId(StreamEmulator emulator) {
    Map<String, Integer> counts = new HashMap<>();
    for (var request : emulator.control().requests()) {
      if (!"POST".equals(request.method()) || !request.path().contains("/feed/user/")) {
        continue;
      }
      JsonNode body;
      try {
        body = JSON.readTree(request.body());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("request body is not JSON: " + request.body(), e);
      }
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

  /** Waits until no outbox row is pending (generously: the machine may be loaded). */
  public static void awaitDrained(EntityManagerFactory factory, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> StreamJpa.of(factory).outbox().stats().pending() == 0);
  }
}
