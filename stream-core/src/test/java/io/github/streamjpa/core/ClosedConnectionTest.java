package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.streamjpa.core.FakeClosingServer.Move;
import io.github.streamjpa.core.FakeClosingServer.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections the server closes: one closed before the request was written is replaced whatever the
 * request, one closed after the server read the request is retried only when that is safe.
 */
class ClosedConnectionTest {
  final FakeClosingServer server;
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  ClosedConnectionTest() throws Exception {
    server = new FakeClosingServer();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  StreamClient client(RetryPolicy policy) {
    return StreamClient.builder(StreamServer.KEY, StreamServer.SECRET)
        .baseUrl(server.baseUrl())
        .readTimeout(Duration.ofSeconds(10))
        .retryPolicy(policy)
        .sleeper(sleeps::add)
        .random(() -> 0.5)
        .build();
  }

  static NewActivity unsafe(int n) {
    return NewActivity.builder().actor("User:1").verb("pin").object("Place:" + n).build();
  }

  static NewActivity safe(int n) {
    return unsafe(n).toBuilder()
        .foreignId("Pin:" + n)
        .time(Instant.parse("2026-11-27T21:00:00Z"))
        .build();
  }

  List<String> postedObjects() {
    return server.received().stream()
        .filter(r -> r.method().equals("POST"))
        .map(Received::body)
        .map(ClosedConnectionTest::objectOf)
        .toList();
  }

  static String objectOf(String body) {
    try {
      return StreamServer.JSON.readTree(body).path("object").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sendsAnUnsafeAddOnAFreshConnectionWhenThePooledOneWasClosedBeforeIt() throws Exception {
    server.then(Move.ANSWER_THEN_CLOSE, 1);
    StreamClient client = client(RetryPolicy.none());
    Feed feed = client.feed("user", "1");
    feed.getActivities();
    server.awaitClose();

    FeedActivity added = feed.addActivity(unsafe(1));

    assertThat(added.id()).isEqualTo("a1");
    assertThat(postedObjects()).containsExactly("Place:1");
    assertThat(server.connections()).isEqualTo(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void everyRequestSucceedsOnceAgainstAServerThatClosesAfterEachAnswer() throws Exception {
    server.then(Move.ANSWER_THEN_CLOSE, 8);
    StreamClient client = client(RetryPolicy.none());
    Feed feed = client.feed("user", "1");

    for (int n = 1; n <= 4; n++) {
      feed.getActivities();
      server.awaitClose();
      feed.addActivity(unsafe(n));
      server.awaitClose();
    }

    assertThat(server.received()).hasSize(8);
    assertThat(postedObjects()).containsExactly("Place:1", "Place:2", "Place:3", "Place:4");
    assertThat(server.connections()).isEqualTo(8);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void neverRepeatsAnUnsafeAddTheServerReadOnAPooledConnection() {
    server.then(Move.ANSWER, 1).then(Move.CLOSE_WITHOUT_ANSWER, 1);
    StreamClient client = client(RetryPolicy.defaults());
    Feed feed = client.feed("user", "1");
    feed.getActivities();

    StreamTransportException e =
        catchThrowableOfType(StreamTransportException.class, () -> feed.addActivity(unsafe(1)));

    assertThat(e).hasMessageStartingWith("POST feed/user/1/ failed");
    assertThat(postedObjects()).containsExactly("Place:1");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void neverRepeatsAnUnsafeAddTheServerReadOnANewConnection() {
    server.then(Move.CLOSE_WITHOUT_ANSWER, 1);
    StreamClient client = client(RetryPolicy.defaults());

    catchThrowableOfType(
        StreamTransportException.class, () -> client.feed("user", "1").addActivity(unsafe(1)));

    assertThat(postedObjects()).containsExactly("Place:1");
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void repeatsAnAddWithForeignIdAndTimeTheServerReadBeforeClosing() {
    server.then(Move.CLOSE_WITHOUT_ANSWER, 1);
    StreamClient client = client(RetryPolicy.defaults());

    FeedActivity added = client.feed("user", "1").addActivity(safe(1));

    assertThat(added.id()).isEqualTo("a1");
    assertThat(postedObjects()).containsExactly("Place:1", "Place:1");
    assertThat(server.received().get(0).body()).isEqualTo(server.received().get(1).body());
  }
}
