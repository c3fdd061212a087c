package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class BatchOperationsTest {
  @StartStop final MockWebServer mock = new MockWebServer();

  static final Instant TIME = Instant.parse("2026-11-27T21:05:23.864038Z");
  static final String ID = "ef696c12-69ab-11e4-8080-80003644b625";

  @Test
  void followsManyWithoutCopyLimit() {
    StreamServer s = new StreamServer(mock).replyDuration();

    s.client()
        .followMany(
            List.of(
                new FollowRelation(FeedId.parse("flat:1"), FeedId.parse("user:1")),
                new FollowRelation(FeedId.parse("flat:1"), FeedId.parse("user:2"))));

    StreamServer.Recorded r =
        s.take()
            .isAppWide("POST", "/api/v1.0/follow_many/", "follower")
            .hasBody("follow-many-request.json");
    assertThat(r.queryNames()).isEmpty();
  }

  @Test
  void followsManyWithCopyLimit() {
    StreamServer s = new StreamServer(mock).replyDuration();

    s.client()
        .followMany(List.of(new FollowRelation(FeedId.parse("flat:1"), FeedId.parse("user:1"))), 0);

    assertThat(
            s.take()
                .isAppWide("POST", "/api/v1.0/follow_many/", "follower")
                .query("activity_copy_limit"))
        .isEqualTo("0");
  }

  @Test
  void unfollowsMany() {
    StreamServer s = new StreamServer(mock).replyDuration();

    s.client()
        .unfollowMany(
            List.of(
                UnfollowRelation.of(FeedId.parse("flat:1"), FeedId.parse("user:1")),
                new UnfollowRelation(FeedId.parse("flat:1"), FeedId.parse("user:2"), true)));

    s.take()
        .isAppWide("POST", "/api/v1.0/unfollow_many/", "follower")
        .hasBody("unfollow-many-request.json");
  }

  @Test
  void addsOneActivityToManyFeeds() {
    StreamServer s = new StreamServer(mock).replyDuration();

    s.client()
        .addToMany(
            NewActivity.builder()
                .actor("User:1")
                .verb("announce")
                .object("Post:1")
                .foreignId("Post:1")
                .time(Instant.parse("2026-11-27T21:00:00Z"))
                .extra("banner", true)
                .build(),
            List.of(FeedId.of("timeline", "1"), FeedId.of("timeline", "2")));

    s.take()
        .isAppWide("POST", "/api/v1.0/feed/add_to_many/", "feed")
        .hasBody("add-to-many-request.json");
  }

  @Test
  void getsActivitiesByIds() {
    StreamServer s = new StreamServer(mock).reply("activities-response.json");

    List<FeedActivity> found = s.client().getActivities(List.of(ID, "other-id"));

    StreamServer.Recorded r =
        s.take().isAppWide("GET", "/api/v1.0/activities/", "activities").hasNoBody();
    assertThat(r.query("ids")).isEqualTo(ID + ",other-id");
    assertThat(found).extracting(FeedActivity::id).containsExactly(ID);
  }

  @Test
  void getsActivitiesByForeignIdAndTime() {
    StreamServer s = new StreamServer(mock).reply("activities-response.json");

    List<FeedActivity> found =
        s.client()
            .getActivitiesByForeignIdTime(
                List.of(
                    ForeignIdTime.of("Pin:7", TIME),
                    ForeignIdTime.of("Pin:8", Instant.parse("2026-11-27T21:00:00Z"))));

    StreamServer.Recorded r =
        s.take().isAppWide("GET", "/api/v1.0/activities/", "activities").hasNoBody();
    assertThat(r.query("foreign_ids")).isEqualTo("Pin:7,Pin:8");
    assertThat(r.query("timestamps"))
        .isEqualTo("2026-11-27T21:05:23.864038,2026-11-27T21:00:00.000000");
    assertThat(found.get(0).foreignIdTime()).contains(ForeignIdTime.of("Pin:7", TIME));
  }

  @Test
  void partiallyUpdatesOneActivityById() {
    StreamServer s = new StreamServer(mock).reply("partial-update-response.json");

    FeedActivity updated = s.client().partialUpdate(bootsById());

    s.take()
        .isAppWide("POST", "/api/v1.0/activity/", "activities")
        .hasBody("partial-update-by-id-request.json");
    assertThat(updated.id()).isEqualTo(ID);
    assertThat(updated.extra()).containsOnlyKeys("product");
    assertThat(updated.extra("product")).isEqualTo(Map.of("name", "boots", "price", 19.99));
  }

  @Test
  void partiallyUpdatesOneActivityByForeignIdAndTime() {
    StreamServer s = new StreamServer(mock).reply("partial-update-response.json");

    FeedActivity updated = s.client().partialUpdate(tagsByForeignIdTime(null));

    s.take()
        .isAppWide("POST", "/api/v1.0/activity/", "activities")
        .hasBody("partial-update-by-foreign-id-request.json");
    assertThat(updated.foreignId()).isEqualTo("Pin:7");
  }

  @Test
  void partiallyUpdatesABatch() {
    StreamServer s = new StreamServer(mock).reply("partial-update-batch-response.json");

    List<FeedActivity> updated =
        s.client().partialUpdate(List.of(bootsById(), tagsByForeignIdTime(List.of())));

    s.take()
        .isAppWide("POST", "/api/v1.0/activity/", "activities")
        .hasBody("partial-update-batch-request.json");
    assertThat(updated).hasSize(2);
    assertThat(updated.get(1).extra("tags")).isEqualTo(List.of("x", "y"));
  }

  @Test
  void updatesActivitiesWhole() {
    StreamServer s = new StreamServer(mock).replyDuration();

    s.client()
        .updateActivities(
            List.of(
                NewActivity.builder()
                    .actor("User:1")
                    .verb("pin")
                    .object("Place:42")
                    .time(TIME)
                    .foreignId("Pin:7")
                    .extra("popularity", 100)
                    .build()));

    s.take()
        .isAppWide("POST", "/api/v1.0/activities/", "activities")
        .hasBody("update-activities-request.json");
  }

  @Test
  void emptyBatchesSendNothing() {
    StreamServer s = new StreamServer(mock);
    StreamClient client = s.client();

    client.followMany(List.of());
    client.unfollowMany(List.of());
    client.updateActivities(List.of());
    assertThat(client.partialUpdate(List.of())).isEmpty();

    assertThat(mock.getRequestCount()).isZero();
  }

  /** Sets product.name and product.price (in that order) and unsets popularity on {@link #ID}. */
  private static PartialUpdate bootsById() {
    return PartialUpdate.byId(
        ID, ordered("product.name", "boots", "product.price", 19.99), List.of("popularity"));
  }

  /**
   * Sets tags on Pin:7 at {@link #TIME}, with the given unset list (null and empty both mean none).
   */
  private static PartialUpdate tagsByForeignIdTime(List<String> unset) {
    return PartialUpdate.byForeignIdTime("Pin:7", TIME, Map.of("tags", List.of("x", "y")), unset);
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
