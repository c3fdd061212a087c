package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.NewActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data: 40 users, 10 boards and {@code pins} pins (pin i on board i % 10, posted by user i %
 * 40 + 1), and activity i = "user posted pin i on its board".
 */
final class Pinboard {

  static final int USERS = 40;
  static final int BOARDS = 10;
  static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

  private Pinboard() {}

  /** Inserts the users, boards and pins {@code 1..pins}. */
  static void seed(EnrichmentDatabase db, int pins) {
    db.inTransaction(
        em -> {
          for (long u = 1; u <= USERS; u++) {
            em.persist(new EnrUser(u, "user " + u));
          }
          List<EnrBoard> boards = new ArrayList<>();
          for (int b = 0; b < BOARDS; b++) {
            EnrBoard board = new EnrBoard(boardSlug(b), "Board " + b);
            boards.add(board);
            em.persist(board);
          }
          for (long p = 1; p <= pins; p++) {
            em.persist(new EnrPin(p, "pin " + p, boards.get((int) (p % BOARDS))));
          }
        });
  }

  static String boardSlug(int board) {
    return "board-" + board;
  }

  static long actorOf(long pin) {
    return pin % USERS + 1;
  }

  static String boardOf(long pin) {
    return boardSlug((int) (pin % BOARDS));
  }

  /** Returns activity {@code pin}: actor, object and the custom {@code board} field. */
  static FeedActivity activity(long pin) {
    return new FeedActivity(
        UUID.nameUUIDFromBytes(("activity-" + pin).getBytes()).toString(),
        "EnrUser:" + actorOf(pin),
        "pin",
        "EnrPin:" + pin,
        null,
        START.plusSeconds(pin),
        "EnrPin:" + pin,
        List.of(),
        null,
        Map.of("board", "EnrBoard:" + boardOf(pin), "caption", "caption " + pin));
  }

  /** Returns activity {@code pin} in its write shape, for adding to a feed. */
  static NewActivity newActivity(long pin) {
    return NewActivity.builder()
        .actor("EnrUser:" + actorOf(pin))
        .verb("pin")
        .object("EnrPin:" + pin)
        .time(START.plusSeconds(pin))
        .foreignId("EnrPin:" + pin)
        .extra("board", "EnrBoard:" + boardOf(pin))
        .extra("caption", "caption " + pin)
        .build();
  }

  /** Returns the write shapes of pins {@code from..to}, oldest first. */
  static List<NewActivity> newActivities(long from, long to) {
    List<NewActivity> activities = new ArrayList<>();
    for (long pin = from; pin <= to; pin++) {
      activities.add(newActivity(pin));
    }
    return activities;
  }

  /** Returns activities for pins {@code 1..count}, newest first as a feed returns them. */
  static List<FeedActivity> activities(int count) {
    List<FeedActivity> activities = new ArrayList<>();
    for (long pin = count; pin >= 1; pin--) {
      activities.add(activity(pin));
    }
    return activities;
  }
}
