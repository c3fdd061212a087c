package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.emulator.RawApi.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StreamEmulatorExtension.class)
class FanOutTest extends RawApiTestBase {
  private String add(String feed, Map<String, Object> body) {
    Response response = api.post("feed/" + feed + "/", body);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.text("id");
  }

  private List<String> origins(String slug, String user) {
    List<String> out = new ArrayList<>();
    control.feedActivities(slug, user).forEach(a -> out.add(String.valueOf(a.get("origin"))));
    return out;
  }

  @Test
  void addReachesFollowersOneHopWithOrigin() {
    api.follow("timeline:2", "user:1");
    api.post("feed/timeline/3/follows/", Map.of("target", "timeline:2"));

    String id = add("user/1", activity("User:1", "pin", "Pin:1"));

    assertThat(ids(api.get("feed/timeline/2/"))).containsExactly(id);
    assertThat(origins("timeline", "2")).containsExactly("user:1");
    assertThat(control.feedActivities("timeline", "3")).as("one hop only").isEmpty();
  }

  @Test
  void toTargetsReceiveTheActivityAndFanOutToTheirFollowers() {
    api.follow("timeline:5", "topic:food");

    String id =
        add(
            "user/1",
            activity(
                "User:1", "pin", "Pin:1", "to", List.of("topic:food", "notification:7 sometoken")));

    assertThat(ids(api.get("feed/topic/food/"))).containsExactly(id);
    assertThat(origins("topic", "food")).containsExactly("null");
    assertThat(origins("timeline", "5")).containsExactly("topic:food");
    assertThat(api.get("feed/notification/7/").body().at("/results/0/activities/0/id").asText())
        .isEqualTo(id);
    assertThat(api.get("feed/user/1/").body().at("/results/0/to").toString())
        .isEqualTo("[\"topic:food\",\"notification:7\"]");
  }

  @Test
  void followCopiesTheNewestActivitiesUpToTheLimit() {
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String time = String.format("2024-05-01T10:%02d:%02d", i / 60, i % 60);
      newestFirst.add(0, add("user/1", activity("User:1", "pin", "Pin:" + i, "time", time)));
    }

    api.follow("timeline:default", "user:1");
    api.post(
        "feed/timeline/three/following/", Map.of("target", "user:1", "activity_copy_limit", 3));
    api.post("feed/timeline/none/following/", Map.of("target", "user:1", "activity_copy_limit", 0));

    assertThat(control.feedActivities("timeline", "default")).hasSize(100);
    assertThat(ids(api.get("feed/timeline/three/")))
        .containsExactlyElementsOf(newestFirst.subList(0, 3));
    assertThat(control.feedActivities("timeline", "none")).isEmpty();
    Response tooMany =
        api.post(
            "feed/timeline/x/following/", Map.of("target", "user:1", "activity_copy_limit", 1001));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(control.following("timeline", "x")).isEmpty();
  }

  @Test
  void unfollowRemovesCopiesUnlessKeepHistory() {
    add("user/1", activity("User:1", "pin", "Pin:1"));
    String own = add("timeline/2", activity("User:2", "note", "Note:1"));
    api.follow("timeline:2", "user:1");
    api.follow("timeline:3", "user:1");

    api.delete("feed/timeline/2/following/user:1/");
    api.delete("feed/timeline/3/follows/user:1/?keep_history=true");

    assertThat(ids(api.get("feed/timeline/2/"))).containsExactly(own);
    assertThat(control.feedActivities("timeline", "3")).hasSize(1);
    assertThat(control.following("timeline", "2")).isEmpty();
    assertThat(control.followers("user", "1")).isEmpty();
  }

  @Test
  void removalReachesEveryCopy() {
    api.follow("timeline:2", "user:1");
    api.follow("timeline:3", "topic:food");
    api.follow("timeline:4", "user:1");
    String id =
        add(
            "user/1",
            activity("User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "to", List.of("topic:food")));
    api.delete("feed/timeline/4/following/user:1/?keep_history=1");

    api.delete("feed/user/1/Pin:1/?foreign_id=1");

    for (String feed : List.of("user:1", "timeline:2", "timeline:3", "timeline:4", "topic:food")) {
      String[] parts = feed.split(":");
      assertThat(control.feedActivities(parts[0], parts[1])).as(feed).isEmpty();
    }
    Response byId = api.get("activities/?ids=" + id);
    assertThat(byId.body().path("results")).isEmpty();
  }

  @Test
  void removingACopyLeavesTheOriginalAndTheTargets() {
    api.follow("timeline:2", "user:1");
    String id = add("user/1", activity("User:1", "pin", "Pin:1", "to", List.of("topic:food")));

    api.delete("feed/timeline/2/" + id + "/");

    assertThat(control.feedActivities("timeline", "2")).isEmpty();
    assertThat(control.feedActivities("user", "1")).hasSize(1);
    assertThat(control.feedActivities("topic", "food")).hasSize(1);
  }

  @Test
  void anActivityReachingAFeedTwiceIsShownOnce() {
    api.follow("timeline:2", "user:1");
    api.follow("timeline:2", "topic:food");
    add("user/1", activity("User:1", "pin", "Pin:1", "to", List.of("topic:food")));

    assertThat(control.feedActivities("timeline", "2")).hasSize(1);
    api.delete("feed/timeline/2/following/user:1/");
    assertThat(control.feedActivities("timeline", "2"))
        .as("still reachable through topic:food")
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("origin", "topic:food"));
  }

  @Test
  void listsFollowersAndFollowingNewestFirstWithFilter() {
    api.follow("timeline:1", "user:a");
    api.follow("timeline:1", "user:b");
    api.post("feed/timeline/1/follows/", Map.of("target", "user:c"));
    api.follow("timeline:2", "user:a");

    Response following = api.get("feed/timeline/1/following/");
    Response filtered = api.get("feed/timeline/1/follows/?filter=user:a,user:z");
    Response empty = api.get("feed/timeline/1/following/?filter=user:z");
    Response followers = api.get("feed/user/a/followers/?limit=1&offset=1");

    assertThat(following.body().path("results").findValuesAsText("target_id"))
        .containsExactly("user:c", "user:b", "user:a");
    assertThat(following.body().at("/results/0/feed_id").asText()).isEqualTo("timeline:1");
    assertThat(following.body().at("/results/0/created_at").asText()).matches(".*\\.\\d{6}");
    assertThat(filtered.body().path("results").findValuesAsText("target_id"))
        .containsExactly("user:a");
    assertThat(empty.body().path("results")).isEmpty();
    assertThat(followers.body().path("results").findValuesAsText("feed_id"))
        .containsExactly("timeline:1");
  }

  @Test
  void onlyFlatFeedsCanBeFollowedAndNotByThemselves() {
    Response aggregated = api.follow("timeline:1", "aggregated:1");
    Response self = api.follow("user:1", "user:1");

    assertThat(aggregated.status()).isEqualTo(400);
    assertThat(aggregated.body().path("code").asInt()).isEqualTo(4);
    assertThat(self.status()).isEqualTo(400);
    assertThat(control.following("timeline", "1")).isEmpty();
  }

  @Test
  void followManyAndUnfollowManyApplyEveryPair() {
    add("user/1", activity("User:1", "pin", "Pin:1"));
    add("user/2", activity("User:2", "pin", "Pin:2"));

    Response followed =
        api.post(
            "follow_many/?activity_copy_limit=1",
            List.of(
                Map.of("source", "timeline:9", "target", "user:1"),
                Map.of("source", "timeline:9", "target", "user:2")));
    assertThat(followed.status()).isEqualTo(201);
    assertThat(control.following("timeline", "9")).containsExactly("user:2", "user:1");
    assertThat(control.feedActivities("timeline", "9")).hasSize(2);

    Response unfollowed =
        api.post(
            "unfollow_many/",
            List.of(
                Map.of("source", "timeline:9", "target", "user:1", "keep_history", true),
                Map.of("source", "timeline:9", "target", "user:2", "keepHistory", "NO")));
    assertThat(unfollowed.status()).isEqualTo(201);
    assertThat(control.following("timeline", "9")).isEmpty();
    assertThat(control.feedActivities("timeline", "9"))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("object", "Pin:1"));
  }

  @Test
  void followManyWithOneBadPairChangesNothing() {
    Response response =
        api.post(
            "follow_many/",
            List.of(
                Map.of("source", "timeline:9", "target", "user:1"),
                Map.of("source", "timeline:9", "target", "notification:1")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(control.following("timeline", "9")).isEmpty();
  }

  @Test
  void addToManyWritesOnlyTheListedFeeds() {
    api.follow("timeline:2", "user:1");

    Response response =
        api.post(
            "feed/add_to_many/",
            Map.of(
                "activity",
                activity("System", "announce", "Post:1", "foreign_id", "Post:1"),
                "feeds",
                List.of("user:1", "user:3")));

    assertThat(response.status()).isEqualTo(201);
    assertThat(control.feedActivities("user", "1")).hasSize(1);
    assertThat(control.feedActivities("user", "3").get(0).get("id"))
        .isEqualTo(control.feedActivities("user", "1").get(0).get("id"));
    assertThat(control.feedActivities("timeline", "2")).as("no fan-out").isEmpty();
    Response withTo =
        api.post(
            "feed/add_to_many/",
            Map.of(
                "activity",
                activity("System", "x", "y", "to", List.of("user:4")),
                "feeds",
                List.of("user:5")));
    assertThat(withTo.status()).isEqualTo(400);
    assertThat(control.feedActivities("user", "5")).isEmpty();
  }

  @Test
  void countsFollowersAndFollowingWithSlugFilters() {
    api.follow("timeline:1", "user:a");
    api.follow("timeline_aggregated:1", "user:a");
    api.follow("timeline:1", "topic:x");

    Response stats =
        api.get("stats/follow/?followers=user:a&following=timeline:1&followers_slugs=timeline");
    Response missing = api.get("stats/follow/");

    assertThat(stats.body().at("/results/followers/count").asInt()).isEqualTo(1);
    assertThat(stats.body().at("/results/followers/feed").asText()).isEqualTo("user:a");
    assertThat(stats.body().at("/results/following/count").asInt()).isEqualTo(2);
    assertThat(missing.status()).isEqualTo(400);
  }
}
