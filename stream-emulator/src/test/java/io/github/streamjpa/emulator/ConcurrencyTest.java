package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many clients adding, following, unfollowing and reading at once end in the sequential state. */
@ExtendWith(StreamEmulatorExtension.class)
class ConcurrencyTest {
  private static final int WORKERS = 8;
  private static final int ADDS = 30;
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  /** One worker's script; its own steps keep their order, other workers' steps interleave. */
  private static void work(StreamClient client, int i) {
    Feed user = client.feed("user", "u" + i);
    Feed timeline = client.feed("timeline", "t" + i);
    FeedId passing = FeedId.of("user", "u" + ((i + 5) % WORKERS));
    timeline.follow(passing);
    for (int j = 0; j < ADDS; j++) {
      user.addActivity(
          NewActivity.builder()
              .actor("User:" + i)
              .verb("pin")
              .object("Pin:" + i + "-" + j)
              .foreignId("Pin:" + i + "-" + j)
              .time(T0.plusSeconds(i * 1000L + j))
              .build());
      if (j % 10 == 0) {
        timeline.getActivities(ReadOptions.limit(25));
        client.feed("aggregated", "a" + i).follow(user.id());
      }
      if (j == ADDS / 2) {
        for (int k = 1; k <= 3; k++) {
          timeline.follow(FeedId.of("user", "u" + ((i + k) % WORKERS)));
        }
      }
    }
    timeline.unfollow(passing);
  }

  /** Every feed's activity ids in order, plus every feed's follows (as sorted sets). */
  private static Map<String, List<Object>> snapshot(EmulatorControl control) {
    Map<String, List<Object>> state = new TreeMap<>();
    for (int i = 0; i < WORKERS; i++) {
      for (String[] feed :
          new String[][] {{"user", "u" + i}, {"timeline", "t" + i}, {"aggregated", "a" + i}}) {
        List<Object> ids = new ArrayList<>();
        control
            .feedActivities(feed[0], feed[1])
            .forEach(a -> ids.add(a.get("id") + "@" + a.get("origin")));
        state.put(feed[0] + ":" + feed[1], ids);
        state.put(
            "following " + feed[0] + ":" + feed[1],
            new ArrayList<>(new java.util.TreeSet<>(control.following(feed[0], feed[1]))));
      }
    }
    return state;
  }

  @Test
  void concurrentClientsEndInTheStateOfASequentialRun(StreamClient client, EmulatorControl control)
      throws Exception {
    control.reset();
    for (int i = 0; i < WORKERS; i++) {
      work(client, i);
    }
    Map<String, List<Object>> sequential = snapshot(control);

    control.reset();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    CyclicBarrier start = new CyclicBarrier(WORKERS);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      int worker = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                work(client, worker);
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Map<String, List<Object>> concurrent = snapshot(control);

    assertThat(concurrent).isEqualTo(sequential);
    for (int i = 0; i < WORKERS; i++) {
      assertThat(control.feedActivities("user", "u" + i)).hasSize(ADDS);
      assertThat(control.feedActivities("timeline", "t" + i))
          .as("three followed users, no duplicates")
          .hasSize(3 * ADDS);
      assertThat(control.feedActivities("aggregated", "a" + i)).hasSize(ADDS);
    }
  }
}
