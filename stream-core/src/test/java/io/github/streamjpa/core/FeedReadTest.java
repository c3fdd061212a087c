package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class FeedReadTest {
  @StartStop final MockWebServer mock = new MockWebServer();

  @Test
  void readsAFlatFeedWithServerDefaults() {
    StreamServer s = new StreamServer(mock).reply("flat-feed-response.json");

    FeedPage<FeedActivity> page = s.client().feed("user", "1").getActivities();

    StreamServer.Recorded r =
        s.take().is("GET", "/api/v1.0/feed/user/1/", "feed", "read", "user1").hasNoBody();
    assertThat(r.queryNames()).isEmpty();
    assertThat(page.results()).hasSize(2);
    FeedActivity newest = page.results().get(0);
    assertThat(newest.origin()).isEqualTo("user:2");
    assertThat(newest.time()).isEqualTo(Instant.parse("2026-11-27T21:10:00.000001Z"));
    FeedActivity older = page.results().get(1);
    assertThat(older.target()).isEqualTo("Board:5");
    assertThat(older.time()).isEqualTo(Instant.parse("2026-11-27T21:09:00Z"));
    assertThat(older.extra("nested"))
        .isEqualTo(Map.of("list", Arrays.asList(1, 2.5, "x", null, true)));
  }

  @Test
  void readsAPageWithOffset() {
    StreamServer s = new StreamServer(mock).reply("flat-feed-response.json");

    s.client().feed("user", "1").getActivities(ReadOptions.builder().limit(5).offset(5).build());

    StreamServer.Recorded r = s.take().is("GET", "/api/v1.0/feed/user/1/", "feed", "read", "user1");
    assertThat(r.queryNames()).containsExactly("limit", "offset");
    assertThat(r.query("limit")).isEqualTo("5");
    assertThat(r.query("offset")).isEqualTo("5");
  }

  @Test
  void sendsEveryIdFilterAndRanking() {
    StreamServer s = new StreamServer(mock).reply("flat-feed-response.json");

    s.client()
        .feed("user", "1")
        .getActivities(
            ReadOptions.builder()
                .limit(5)
                .idLt("a")
                .idLte("b")
                .idGt("c")
                .idGte("d")
                .ranking("popularity")
                .build());

    StreamServer.Recorded r =
        s.take().is("GET", "/api/v1.0/feed/user/1/", "feed", "read", "user1").hasNoBody();
    assertThat(r.queryNames())
        .containsExactly("id_gt", "id_gte", "id_lt", "id_lte", "limit", "ranking");
    assertThat(List.of(r.query("id_lt"), r.query("id_lte"), r.query("id_gt"), r.query("id_gte")))
        .containsExactly("a", "b", "c", "d");
    assertThat(r.query("ranking")).isEqualTo("popularity");
  }

  @Test
  void exposesTheNextCursorSoCallersPageWithoutParsingUrls() {
    StreamServer s =
        new StreamServer(mock)
            .reply("flat-feed-response.json")
            .replyJson(200, "{\"results\":[],\"next\":\"\",\"duration\":\"1ms\"}");
    Feed feed = s.client().feed("user", "1");

    FeedPage<FeedActivity> first = feed.getActivities(ReadOptions.limit(2));
    assertThat(first.nextIdLt()).contains("aaaa0000-69ab-11e4-8080-80003644b625");
    assertThat(first.nextPage())
        .contains(
            ReadOptions.builder().limit(2).idLt("aaaa0000-69ab-11e4-8080-80003644b625").build());
    FeedPage<FeedActivity> second = feed.getActivities(first.nextPage().orElseThrow());

    s.take();
    StreamServer.Recorded r = s.take();
    assertThat(r.query("id_lt")).isEqualTo("aaaa0000-69ab-11e4-8080-80003644b625");
    assertThat(r.query("limit")).isEqualTo("2");
    assertThat(second.results()).isEmpty();
    assertThat(second.nextIdLt()).isEmpty();
    assertThat(second.nextPage()).isEmpty();
  }

  @Test
  void readsAggregatedGroups() {
    StreamServer s = new StreamServer(mock).reply("aggregated-feed-response.json");

    FeedPage<ActivityGroup> page =
        s.client().feed("aggregated", "1").getAggregatedActivities(ReadOptions.limit(1));

    s.take().is("GET", "/api/v1.0/feed/aggregated/1/", "feed", "read", "aggregated1");
    ActivityGroup g = page.results().get(0);
    assertThat(g.id()).isEqualTo("c0ffee00-69ab-11e4-8080-80003644b625.pin_2026-11-27");
    assertThat(g.group()).isEqualTo("pin_2026-11-27");
    assertThat(g.verb()).isEqualTo("pin");
    assertThat(g.activityCount()).isEqualTo(3);
    assertThat(g.actorCount()).isEqualTo(2);
    assertThat(g.createdAt()).isEqualTo(Instant.parse("2026-11-27T20:00:00Z"));
    assertThat(g.updatedAt()).isEqualTo(Instant.parse("2026-11-27T21:00:00.123456Z"));
    assertThat(g.isSeen()).isNull();
    assertThat(g.isRead()).isNull();
    assertThat(g.activities())
        .extracting(FeedActivity::foreignId)
        .containsExactly("Pin:1", "Pin:2");
    assertThat(page.nextPage()).isEmpty();
  }

  @Test
  void readsNotificationsMarkingAllSeenAndSomeRead() {
    StreamServer s = new StreamServer(mock).reply("notification-feed-response.json");

    NotificationPage page =
        s.client()
            .feed("notification", "1")
            .getNotificationActivities(
                ReadOptions.builder()
                    .limit(2)
                    .markSeenAll()
                    .markRead(List.of("g1.follow_2026-11-27", "g2.pin_2026-11-26"))
                    .build());

    StreamServer.Recorded r =
        s.take().is("GET", "/api/v1.0/feed/notification/1/", "feed", "read", "notification1");
    assertThat(r.query("mark_seen")).isEqualTo("true");
    assertThat(r.query("mark_read")).isEqualTo("g1.follow_2026-11-27,g2.pin_2026-11-26");
    assertThat(page.unseen()).isEqualTo(1);
    assertThat(page.unread()).isEqualTo(2);
    assertThat(page.results()).extracting(ActivityGroup::isSeen).containsExactly(true, false);
    assertThat(page.results()).extracting(ActivityGroup::isRead).containsExactly(false, false);
    assertThat(page.results().get(0).activities())
        .extracting(FeedActivity::actor)
        .containsExactly("User:9");
    assertThat(page.nextIdLt()).contains("g2.pin_2026-11-26");
    assertThat(page.nextPage())
        .contains(ReadOptions.builder().limit(2).idLt("g2.pin_2026-11-26").build());
  }

  @Test
  void marksChosenGroupsSeenAndAllRead() {
    StreamServer s = new StreamServer(mock).reply("notification-feed-response.json");

    s.client()
        .feed("notification", "1")
        .getNotificationActivities(
            ReadOptions.builder().markSeen(List.of("g1.follow_2026-11-27")).markReadAll().build());

    StreamServer.Recorded r =
        s.take().is("GET", "/api/v1.0/feed/notification/1/", "feed", "read", "notification1");
    assertThat(r.query("mark_seen")).isEqualTo("g1.follow_2026-11-27");
    assertThat(r.query("mark_read")).isEqualTo("true");
  }

  @Test
  void listsFollowersWithPaging() {
    StreamServer s = new StreamServer(mock).reply("followers-response.json");

    List<FollowInfo> followers = s.client().feed("user", "1").followers(FollowQuery.of(10, 0));

    StreamServer.Recorded r =
        s.take().is("GET", "/api/v1.0/feed/user/1/followers/", "follower", "read", "user1");
    assertThat(r.queryNames()).containsExactly("limit", "offset");
    assertThat(r.query("limit")).isEqualTo("10");
    assertThat(r.query("offset")).isEqualTo("0");
    assertThat(followers)
        .containsExactly(
            new FollowInfo(
                FeedId.of("timeline", "2"),
                FeedId.of("user", "1"),
                Instant.parse("2026-11-27T21:00:00Z"),
                Instant.parse("2026-11-27T21:00:00Z")),
            new FollowInfo(
                FeedId.of("timeline", "3"),
                FeedId.of("user", "1"),
                Instant.parse("2026-11-26T21:00:00Z"),
                Instant.parse("2026-11-26T21:00:00Z")));
  }

  @Test
  void listsFollowingWithAFilter() {
    StreamServer s = new StreamServer(mock).reply("following-response.json");

    List<FollowInfo> following =
        s.client()
            .feed("timeline", "1")
            .following(
                new FollowQuery(2, 1, List.of(FeedId.of("user", "42"), FeedId.of("user", "43"))));

    StreamServer.Recorded r =
        s.take().is("GET", "/api/v1.0/feed/timeline/1/following/", "follower", "read", "timeline1");
    assertThat(r.query("filter")).isEqualTo("user:42,user:43");
    assertThat(r.query("limit")).isEqualTo("2");
    assertThat(r.query("offset")).isEqualTo("1");
    assertThat(following).extracting(FollowInfo::targetId).containsExactly(FeedId.of("user", "42"));
  }
}
