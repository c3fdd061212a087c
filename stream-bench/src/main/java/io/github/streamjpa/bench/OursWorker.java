package io.github.streamjpa.bench;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read and add cases through {@code StreamClient}. Arguments: base URL, warm-up ms, measured
 * ms.
 */
public final class OursWorker {
  private OursWorker() {}

  /** Runs the cases and prints their {@code RESULT} lines. */
  public static void main(String[] args) throws Exception {
    StreamClient client =
        StreamClient.builder("key", "secret-of-the-benchmark").baseUrl(args[0]).build();
    Feed feed = client.feed("user", "1");
    ReadOptions page = ReadOptions.limit(CannedServer.PAGE_SIZE);
    Instant time = Instant.parse("2026-11-30T10:15:00.123456Z");
    Map<String, LoadLoop.Operation> ops = new LinkedHashMap<>();
    ops.put(
        "read",
        () -> {
          if (feed.getActivities(page).results().size() != CannedServer.PAGE_SIZE) {
            throw new IllegalStateException("short page");
          }
        });
    ops.put(
        "add",
        () ->
            feed.addActivity(
                NewActivity.builder()
                    .actor("User:1")
                    .verb("pin")
                    .object("Pin:1")
                    .foreignId("Pin:1")
                    .time(time)
                    .extra("message", "a pin about the number 1")
                    .build()));
    LoadLoop.runCases(ops, Long.parseLong(args[1]), Long.parseLong(args[2]));
  }
}
