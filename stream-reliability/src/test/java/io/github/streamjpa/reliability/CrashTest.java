package io.github.streamjpa.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.RecordedRequest;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application JVM is killed with SIGKILL while its dispatcher has a batch in flight; a new
 * SessionFactory on the same database delivers every post, and none is in its feed twice.
 */
class CrashTest {
  private static final int MEMBERS = 5;
  private static final int TRANSACTIONS = 4;
  private static final int POSTS_PER_TRANSACTION = 25;
  private static final int POSTS = TRANSACTIONS * POSTS_PER_TRANSACTION;
  private static final Duration LATENCY = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamEmulator emulator;
  private String schema;
  private Process writer;

  @BeforeEach
  void start() {
    emulator = StreamEmulator.start();
    schema = Database.get().createSchema("crash");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (writer != null && writer.isAlive()) {
      writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    emulator.close();
    Database.get().dropSchema(schema);
  }

  @Test
  void aNewInstanceDeliversEverythingOnceAfterTheFirstIsKilledMidBatch() throws Exception {
    // Slow answers keep every batch in flight for seconds.
    emulator.control().latency(LATENCY);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    writer = startWriter(lines);

    String committed = awaitLine(lines, CrashingWriter.COMMITTED, Duration.ofSeconds(90));
    assertThat(committed).isEqualTo(CrashingWriter.COMMITTED + " " + POSTS);
    // The first request sent after the last commit: a batch of posts now sleeping in the emulator.
    String sending = awaitLine(lines, CrashingWriter.SENDING, LATENCY.multipliedBy(5));
    assertThat(sending).contains("/api/v1.0/feed/user/");
    Thread.sleep(LATENCY.toMillis() / 4);
    int answeredBeforeKill = emulator.control().requests().size();
    Instant killedAt = Instant.now();
    writer.destroyForcibly();
    assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

    // The request in flight at the kill still reaches the emulator after its latency.
    await()
        .atMost(LATENCY.multipliedBy(3))
        .until(() -> arrivedBefore(killedAt) > answeredBeforeKill);
    emulator.control().latency(Duration.ZERO);
    StreamClient client =
        StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
            .baseUrl(emulator.baseUrl())
            .build();
    try (SessionFactory successor = Apps.open(schema, client, "none", Map.of())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> StreamJpa.of(successor).outbox().stats().pending() == 0);
      var stats = StreamJpa.of(successor).outbox().stats();
      assertThat(stats.dead()).isZero();
      assertThat(stats.sent()).as("rows the successor delivered").isPositive();

      List<Long> ids =
          successor.fromTransaction(
              s -> s.createSelectionQuery("select p.id from Post p", Long.class).getResultList());
      assertThat(ids).hasSize(POSTS);
      List<String> delivered = new ArrayList<>();
      for (int member = 1; member <= MEMBERS; member++) {
        List<String> feed = new ArrayList<>();
        emulator
            .control()
            .feedActivities("user", Integer.toString(member))
            .forEach(a -> feed.add((String) a.get("foreign_id")));
        assertThat(feed).as("feed user:" + member).doesNotHaveDuplicates();
        delivered.addAll(feed);
      }
      assertThat(delivered)
          .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "Post:" + id).toList());
      assertThat(activitiesAccepted())
          .as("posts Stream accepted, counting the batch the killed instance never saw answered")
          .isGreaterThan(POSTS);
    }
  }

  /** The activities in every add the emulator accepted: a post sent twice counts twice. */
  private int activitiesAccepted() throws IOException {
    int count = 0;
    for (RecordedRequest request : emulator.control().requests()) {
      if (request.method().equals("POST") && request.status() == 201) {
        JsonNode body = JSON.readTree(request.body());
        count += body.has("activities") ? body.get("activities").size() : 1;
      }
    }
    return count;
  }

  private long arrivedBefore(Instant instant) {
    return emulator.control().requests().stream()
        .map(RecordedRequest::at)
        .filter(at -> at.isBefore(instant))
        .count();
  }

  private Process startWriter(BlockingQueue<String> lines) throws IOException {
    Path log = Path.of("target", "crash-writer-" + schema + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                schema,
                Integer.toString(MEMBERS),
                Integer.toString(TRANSACTIONS),
                Integer.toString(POSTS_PER_TRANSACTION))
            .redirectError(log.toFile());
    builder.environment().put(Database.URL_VARIABLE, Database.get().urlForAnotherJvm());
    builder.environment().put(CrashingWriter.URL, emulator.baseUrl());
    builder.environment().put(CrashingWriter.KEY, emulator.apiKey());
    builder.environment().put(CrashingWriter.SECRET, emulator.apiSecret());
    Process process = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("READ FAILED " + e);
              }
            },
            "crash-writer-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  /** The next line starting with {@code prefix}, skipping others; fails after {@code timeout}. */
  private String awaitLine(BlockingQueue<String> lines, String prefix, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError(
            "the writer printed no line starting with "
                + prefix
                + " within "
                + timeout
                + " (alive: "
                + writer.isAlive()
                + "; its errors are in target/crash-writer-"
                + schema
                + ".log)");
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }
}
