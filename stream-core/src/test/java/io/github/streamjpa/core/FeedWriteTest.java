package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class FeedWriteTest {
  @StartStop final MockWebServer mock = new MockWebServer();

  static final Instant TIME = Instant.parse("2026-11-27T21:05:23.864038Z");

  static NewActivity pin() {
    return NewActivity.builder()
        .actor("User:1")
        .verb("pin")
        .object("Place:42")
        .time(TIME)
        .foreignId("Pin:7")
        .to(FeedId.of("notification", "2"), FeedId.parse("user:3"))
        .extra("course", Map.of("name", "Shortest Path", "distance", 10, "tags", List.of("a", "b")))
        .extra("score", 1.5)
        .extra("seen_at", Instant.parse("2026-01-02T03:04:05.000006Z"))
        .build();
  }

  @Test
  void addsOneActivityAndParsesTheStoredActivity() {
    StreamServer s = new StreamServer(mock).reply("activity-response.json");

    FeedActivity stored = s.client().feed("user", "1").addActivity(pin());

    s.take()
        .is("POST", "/api/v1.0/feed/user/1/", "feed", "write", "user1")
        .hasBody("add-activity-request.json");
    assertThat(stored.id()).isEqualTo("ef696c12-69ab-11e4-8080-80003644b625");
    assertThat(stored.time()).isEqualTo(TIME);
    assertThat(stored.target()).isNull();
    assertThat(stored.foreignId()).isEqualTo("Pin:7");
    assertThat(stored.to()).containsExactly("notification:2", "user:3");
    assertThat(stored.origin()).isNull();
    assertThat(stored.extra())
        .containsOnlyKeys("course", "score")
        .containsEntry("score", 1.5)
        .containsEntry(
            "course", Map.of("name", "Shortest Path", "distance", 10, "tags", List.of("a", "b")));
  }
}
