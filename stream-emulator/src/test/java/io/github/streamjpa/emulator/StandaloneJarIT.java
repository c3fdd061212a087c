package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.FeedActivity;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.RetryPolicy;
import io.github.streamjpa.core.StreamClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar in its own JVM, serves a client from this one, and stops it with SIGTERM. */
class StandaloneJarIT {
  private static final Pattern READY = Pattern.compile("listening on (http://\\S+)");

  private Process process;

  @AfterEach
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /** A running jar: its output, the lines read so far and the URL it announced. */
  private record Started(BufferedReader out, List<String> lines, String baseUrl) {}

  /** Runs the jar on a free port with the JVM options and arguments; waits until it is ready. */
  private Started launch(List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString(), "--port", "0"));
    command.addAll(List.of(args));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    String baseUrl =
        CompletableFuture.supplyAsync(() -> readBaseUrl(out, lines)).get(60, TimeUnit.SECONDS);
    return new Started(out, lines, baseUrl);
  }

  private static Path jar() {
    Path jar = Paths.get(System.getProperty("stream.emulator.jar", "target/stream-emulator.jar"));
    assertThat(jar).as("run `./mvnw -pl stream-emulator package` first").exists();
    return jar;
  }

  @Test
  void startsFromTheJarServesAClientAndStopsOnSigterm() throws Exception {
    Started jar =
        launch(
            List.of(),
            "--api-key",
            "it-key",
            "--api-secret",
            "it-secret",
            "--feed-group",
            "user=flat",
            "--feed-group",
            "likes=notification:{{ verb }}_{{ object }}",
            "--strict-feed-groups");
    BufferedReader out = jar.out();
    String baseUrl = jar.baseUrl();

    StreamClient client =
        StreamClient.builder("it-key", "it-secret")
            .baseUrl(baseUrl)
            .retryPolicy(RetryPolicy.none())
            .build();
    Feed user = client.feed("user", "1");
    user.addActivity(
        NewActivity.builder()
            .actor("User:1")
            .verb("like")
            .object("Pin:1")
            .to(FeedId.of("likes", "2"))
            .build());

    assertThat(user.getActivities().results())
        .extracting(FeedActivity::object)
        .containsExactly("Pin:1");
    assertThat(client.feed("likes", "2").getNotificationActivities().results())
        .singleElement()
        .satisfies(g -> assertThat(g.group()).isEqualTo("like_Pin:1"));

    // SIGTERM on Unix; unlike Process.destroy(), the handle leaves our end of the pipes open.
    assertThat(process.toHandle().destroy()).isTrue();
    CompletableFuture<String> rest =
        CompletableFuture.supplyAsync(() -> String.join("\n", out.lines().toList()));
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(rest.get(30, TimeUnit.SECONDS)).contains("stream-emulator stopped");
  }

  @Test
  void aTakenPortEndsTheJarWithOneLineAndExitCode3() throws Exception {
    try (StreamEmulator occupant = StreamEmulator.start()) {
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      process =
          new ProcessBuilder(
                  java.toString(), "-jar", jar().toString(), "--port", "" + occupant.port())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(3);
      assertThat(output.strip())
          .startsWith("stream-emulator: cannot listen on 127.0.0.1:" + occupant.port())
          .doesNotContain("\n")
          .doesNotContain("Exception");
    }
  }

  /**
   * Hundreds of oversized, unauthenticated and malformed 1-2 MiB requests, several at a time,
   * against a 64 MiB heap: nothing is kept that could grow, and the emulator still serves.
   */
  @Test
  void survivesALongRunOfOversizedRequestsOnASmallHeap() throws Exception {
    Started jar = launch(List.of("-Xmx64m"));
    String baseUrl = jar.baseUrl();
    List<String> lines = jar.lines();
    CompletableFuture.runAsync(() -> jar.out().lines().forEach(lines::add));
    HttpClient http = HttpClient.newHttpClient();
    byte[] oversized = new byte[2 << 20];
    byte[] oneMiB = new byte[(1 << 20) - 16];
    Arrays.fill(oversized, (byte) 'x');
    Arrays.fill(oneMiB, (byte) '[');
    String addUrl = baseUrl + "/api/v1.0/feed/user/1/?api_key=key";
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        byte[] body = i % 3 == 0 ? oversized : oneMiB;
        boolean signed = i % 3 == 2;
        statuses.add(clients.submit(() -> post(http, addUrl, body, signed)));
      }
      Map<Integer, Long> counts = new TreeMap<>();
      for (Future<Integer> status : statuses) {
        counts.merge(status.get(120, TimeUnit.SECONDS), 1L, Long::sum);
      }
      assertThat(counts).containsOnlyKeys(400, 401, 413).containsEntry(413, 200L);
    } finally {
      clients.shutdownNow();
    }

    StreamClient client =
        StreamClient.builder("key", "secret")
            .baseUrl(baseUrl)
            .retryPolicy(RetryPolicy.none())
            .build();
    client
        .feed("user", "1")
        .addActivity(NewActivity.builder().actor("User:1").verb("pin").object("Pin:1").build());
    assertThat(client.feed("user", "1").getActivities().results()).hasSize(1);
    assertThat(process.isAlive()).isTrue();
    assertThat(String.join("\n", lines)).doesNotContain("OutOfMemoryError");
  }

  private static int post(HttpClient http, String url, byte[] body, boolean signed)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(java.time.Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json");
    if (signed) {
      request
          .header("Stream-Auth-Type", "jwt")
          .header("Authorization", RawApi.jwt("secret", "*", "*", "*"));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String readBaseUrl(BufferedReader out, List<String> lines) {
    try {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        Matcher m = READY.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      throw new IllegalStateException("the emulator exited before it was ready: " + lines);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesUnknownOptionsWithUsage() throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    process =
        new ProcessBuilder(java.toString(), "-jar", jar().toString(), "--colour", "blue")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("unknown option '--colour'").contains("usage:");
    assertThat(Files.size(jar())).isPositive();
  }
}
