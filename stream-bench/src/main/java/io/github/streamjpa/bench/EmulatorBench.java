package io.github.streamjpa.bench;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The emulator's own speed: {@code emulator-read} (25-item page reads per second from one caller,
 * against the canned server's, which does no work) and {@code emulator-fanout-10k} (one add to a
 * feed with 10,000 followers until the last follower's feed has it, against the client writing the
 * activity to those 10,000 feeds itself with add_to_many).
 */
public final class EmulatorBench {
  private static final int FOLLOWERS = 10_000;
  private static final int ROUNDS = 3;

  private EmulatorBench() {}

  /** Prints the two BENCH lines. */
  public static void main(String[] args) throws Exception {
    try (StreamEmulator emulator = StreamEmulator.start();
        CannedServer canned = CannedServer.start()) {
      StreamClient toEmulator =
          StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
              .baseUrl(emulator.baseUrl())
              .build();
      StreamClient toCanned =
          StreamClient.builder("key", "secret-of-the-benchmark").baseUrl(canned.baseUrl()).build();
      read(toEmulator, toCanned);
      fanout(toEmulator);
    }
  }

  private static void read(StreamClient toEmulator, StreamClient toCanned) throws Exception {
    Feed feed = toEmulator.feed("user", "reader");
    for (int i = 0; i < CannedServer.PAGE_SIZE; i++) {
      feed.addActivity(activity(i));
    }
    Feed cannedFeed = toCanned.feed("user", "reader");
    ReadOptions page = ReadOptions.limit(CannedServer.PAGE_SIZE);
    double emulatorRate = 0;
    double cannedRate = 0;
    for (int round = 0; round < ROUNDS; round++) {
      emulatorRate +=
          LoadLoop.run(() -> check(feed.getActivities(page).results().size()), 1, 1000, 1500)
              .perSecond();
      cannedRate +=
          LoadLoop.run(() -> check(cannedFeed.getActivities(page).results().size()), 1, 1000, 1500)
              .perSecond();
    }
    emulatorRate /= ROUNDS;
    cannedRate /= ROUNDS;
    System.out.println(
        BenchMain.line(
            "emulator-read",
            emulatorRate,
            cannedRate,
            "reads/s",
            emulatorRate / cannedRate,
            "0/0"));
  }

  private static void check(int size) {
    if (size != CannedServer.PAGE_SIZE) {
      throw new IllegalStateException("page of " + size);
    }
  }

  private static void fanout(StreamClient client) {
    List<FeedId> followers = new ArrayList<>();
    for (int i = 0; i < FOLLOWERS; i++) {
      followers.add(FeedId.of("timeline", "f" + i));
    }
    List<FollowRelation> follows = new ArrayList<>();
    for (FeedId f : followers) {
      follows.add(new FollowRelation(f, FeedId.of("user", "star")));
    }
    for (int i = 0; i < follows.size(); i += 2500) {
      client.followMany(follows.subList(i, Math.min(i + 2500, follows.size())), 0);
    }
    Feed star = client.feed("user", "star");
    Feed last = client.feed(followers.get(FOLLOWERS - 1));
    List<Long> ours = new ArrayList<>();
    List<Long> baseline = new ArrayList<>();
    for (int round = 0; round < ROUNDS + 1; round++) {
      // Each activity is newer than every earlier one, so it is the head of the follower's feed.
      NewActivity a = activity(1000 + 2 * round);
      long start = System.nanoTime();
      star.addActivity(a);
      waitFor(last, a.foreignId());
      long fan = System.nanoTime() - start;
      NewActivity b = activity(1001 + 2 * round);
      start = System.nanoTime();
      for (int i = 0; i < followers.size(); i += 5000) {
        client.addToMany(b, followers.subList(i, Math.min(i + 5000, followers.size())));
      }
      waitFor(last, b.foreignId());
      long explicit = System.nanoTime() - start;
      if (round > 0) { // the first round warms up
        ours.add(fan);
        baseline.add(explicit);
      }
    }
    double o = median(ours) / 1e6;
    double b = median(baseline) / 1e6;
    System.out.println(BenchMain.line("emulator-fanout-10k", o, b, "ms", b / o, "0/0"));
  }

  private static void waitFor(Feed feed, String foreignId) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (feed.getActivities(ReadOptions.limit(1)).results().stream()
          .anyMatch(x -> foreignId.equals(x.foreignId()))) {
        return;
      }
    }
    throw new IllegalStateException(foreignId + " never reached " + feed.id());
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static NewActivity activity(int n) {
    return NewActivity.builder()
        .actor("User:1")
        .verb("pin")
        .object("Pin:" + n)
        .foreignId("Pin:" + n)
        .time(Instant.parse("2026-11-30T10:15:00Z").plusSeconds(n))
        .extra("message", "a pin about the number " + n)
        .build();
  }
}
