package io.github.streamjpa.bench.official;

import io.getstream.client.Client;
import io.getstream.client.FlatFeed;
import io.getstream.core.models.Activity;
import io.getstream.core.options.Limit;
import io.github.streamjpa.bench.LoadLoop;
import java.net.URI;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read and add cases through the official Stream Java client (io.getstream.client:stream-java),
 * used the way its README shows. Arguments: base URL, warm-up ms, measured ms.
 */
public final class OfficialWorker {
  private OfficialWorker() {}

  /** Runs the cases and prints their {@code RESULT} lines. */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    Client client =
        Client.builder("key", "secret-of-the-benchmark")
            .scheme(base.getScheme())
            .host(base.getHost())
            .port(base.getPort())
            .build();
    FlatFeed feed = client.flatFeed("user", "1");
    Date time = Date.from(java.time.Instant.parse("2026-11-30T10:15:00.123Z"));
    Map<String, LoadLoop.Operation> ops = new LinkedHashMap<>();
    ops.put(
        "read",
        () -> {
          if (feed.getActivities(new Limit(25)).join().size() != 25) {
            throw new IllegalStateException("short page");
          }
        });
    ops.put(
        "add",
        () ->
            feed.addActivity(
                    Activity.builder()
                        .actor("User:1")
                        .verb("pin")
                        .object("Pin:1")
                        .foreignID("Pin:1")
                        .time(time)
                        .extraField("message", "a pin about the number 1")
                        .build())
                .join());
    LoadLoop.runCases(ops, Long.parseLong(args[1]), Long.parseLong(args[2]));
  }
}
