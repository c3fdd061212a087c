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
    assertThat(stored.actor()).isEqualTo("User:1");
    assertThat(stored.time()).isEqualTo(TIME);
    assertThat(stored.target()).isNull();
    assertThat(stored.foreignId()).isEqualTo("Pin:7");
    assertThat(stored.foreignIdTime()).contains(ForeignIdTime.of("Pin:7", TIME));
    assertThat(stored.to()).containsExactly("notification:2", "user:3");
    assertThat(stored.origin()).isNull();
    assertThat(stored.extra())
        .containsOnlyKeys("course", "score")
        .containsEntry("score", 1.5)
        .containsEntry(
            "course", Map.of("name", "Shortest Path", "distance", 10, "tags", List.of("a", "b")));
  }

  @Test
  void addsManyActivitiesInOneRequest() {
    StreamServer s = new StreamServer(mock).reply("add-activities-response.json");
    List<NewActivity> batch =
        List.of(
            NewActivity.builder()
                .actor("User:1")
                .verb("tweet")
                .object("Tweet:1")
                .foreignId("Tweet:1")
                .time(Instant.parse("2026-11-27T21:00:00Z"))
                .build(),
            NewActivity.builder()
                .actor("User:2")
                .verb("watch")
                .object("Movie:3")
                .extra("rating", 4)
                .build());

    List<FeedActivity> stored = s.client().feed("user", "1").addActivities(batch);

    s.take()
        .is("POST", "/api/v1.0/feed/user/1/", "feed", "write", "user1")
        .hasBody("add-activities-request.json");
    assertThat(stored)
        .extracting(FeedActivity::id)
        .containsExactly(
            "11111111-69ab-11e4-8080-80003644b625", "22222222-69ab-11e4-8080-80003644b625");
    assertThat(stored.get(1).foreignId()).as("empty foreign_id reads as null").isNull();
    assertThat(stored.get(1).time()).isEqualTo(Instant.parse("2026-11-27T21:00:01.5Z"));
    assertThat(stored.get(1).extra()).containsEntry("rating", 4);
  }

  @Test
  void addingAnEmptyListSendsNothing() {
    StreamServer s = new StreamServer(mock);

    assertThat(s.client().feed("user", "1").addActivities(List.of())).isEmpty();

    assertThat(mock.getRequestCount()).isZero();
  }

  @Test
  void removesAnActivityById() {
    StreamServer s = new StreamServer(mock).replyRemoved("abc");

    s.client().feed("user", "1").removeActivity("ef696c12-69ab-11e4-8080-80003644b625");

    StreamServer.Recorded r =
        s.take()
            .is(
                "DELETE",
                "/api/v1.0/feed/user/1/ef696c12-69ab-11e4-8080-80003644b625/",
                "feed",
                "delete",
                "user1")
            .hasNoBody();
    assertThat(r.queryNames()).isEmpty();
  }

  @Test
  void removesAnActivityByForeignId() {
    StreamServer s = new StreamServer(mock).replyRemoved("tweet:1");

    s.client().feed("user", "1").removeActivityByForeignId("tweet:1");

    StreamServer.Recorded r =
        s.take().is("DELETE", "/api/v1.0/feed/user/1/tweet:1/", "feed", "delete", "user1");
    assertThat(r.query("foreign_id")).isEqualTo("1");
  }

  @Test
  void escapesForeignIdsThatContainSlashes() {
    StreamServer s = new StreamServer(mock).replyDuration();

    s.client().feed("user", "1").removeActivityByForeignId("a/b c");

    assertThat(s.take().request.getUrl().encodedPath())
        .isEqualTo("/api/v1.0/feed/user/1/a%2Fb%20c/");
  }

  /** Takes the next request, checked as a call on timeline:1's following/ with a follower token. */
  private static StreamServer.Recorded timelineFollowCall(
      StreamServer s, String method, String pathAfterFollowing, String action) {
    return s.take()
        .is(
            method,
            "/api/v1.0/feed/timeline/1/following/" + pathAfterFollowing,
            "follower",
            action,
            "timeline1");
  }

  @Test
  void followsWithAndWithoutCopyLimit() {
    StreamServer s = new StreamServer(mock).replyDuration().replyDuration();
    Feed timeline = s.client().feed("timeline", "1");

    timeline.follow(FeedId.of("user", "42"));
    timeline.follow(FeedId.of("user", "43"), 10);

    assertThat(timelineFollowCall(s, "POST", "", "write").body())
        .isEqualTo(StreamServer.JSON.createObjectNode().put("target", "user:42"));
    assertThat(timelineFollowCall(s, "POST", "", "write").body())
        .isEqualTo(
            StreamServer.JSON
                .createObjectNode()
                .put("target", "user:43")
                .put("activity_copy_limit", 10));
  }

  @Test
  void unfollowsWithAndWithoutKeepingHistory() {
    StreamServer s = new StreamServer(mock).replyDuration().replyDuration();
    Feed timeline = s.client().feed("timeline", "1");

    timeline.unfollow(FeedId.of("user", "42"));
    timeline.unfollow(FeedId.of("user", "43"), true);

    StreamServer.Recorded first = timelineFollowCall(s, "DELETE", "user:42/", "delete");
    assertThat(first.queryNames()).isEmpty();
    StreamServer.Recorded second = timelineFollowCall(s, "DELETE", "user:43/", "delete");
    assertThat(second.query("keep_history")).isEqualTo("true");
  }

  @Test
  void replacesToTargets() {
    StreamServer s = new StreamServer(mock).reply("to-targets-response.json");

    ToTargetsUpdate result =
        s.client()
            .feed("user", "1")
            .updateActivityToTargets(
                ForeignIdTime.of("Pin:7", TIME),
                List.of(FeedId.of("user", "3"), FeedId.of("timeline", "9")));

    assertThat(
            s.take()
                .is(
                    "POST",
                    "/api/v1.0/feed_targets/user/1/activity_to_targets/",
                    "feed_targets",
                    "write",
                    "user1")
                .body())
        .isEqualTo(StreamServer.fixtureJson("to-targets-replace-request.json"));
    assertThat(result.activity().to()).containsExactly("user:3", "timeline:9");
    assertThat(result.added()).containsExactly("timeline:9");
    assertThat(result.removed()).containsExactly("notification:2");
  }

  @Test
  void addsAndRemovesToTargets() {
    StreamServer s = new StreamServer(mock).reply("to-targets-response.json");

    ToTargetsUpdate result =
        s.client()
            .feed("user", "1")
            .updateActivityToTargets(
                ForeignIdTime.of("Pin:7", TIME),
                List.of(FeedId.of("timeline", "9")),
                List.of(FeedId.of("notification", "2")));

    s.take()
        .is(
            "POST",
            "/api/v1.0/feed_targets/user/1/activity_to_targets/",
            "feed_targets",
            "write",
            "user1")
        .hasBody("to-targets-edit-request.json");
    assertThat(result.activity().foreignId()).isEqualTo("Pin:7");
    assertThat(result.added()).containsExactly("timeline:9");
  }
}
