package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.RawApi.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service's ids grow with creation, so activities with the same {@code time} come back newest
 * created first, on every read path and however often they are updated.
 */
class EqualTimeOrderTest extends RawApiTestBase {
  private static final String TIME = "2024-05-01T10:00:00.123456";
  private static final int COUNT = 10;

  @RegisterExtension
  static StreamEmulatorExtension stream =
      StreamEmulatorExtension.perClass(
          EmulatorConfig.builder()
              .maxGroupActivities(COUNT)
              .feedGroup("grouped", FeedGroupType.AGGREGATED, "{{ verb }}")
              .feedGroup("alerts", FeedGroupType.NOTIFICATION, "{{ verb }}")
              .build());

  /** Adds {@code COUNT} activities of one time to a feed, one request each; returns their ids. */
  private List<String> addInCreationOrder(String feed, String verb) {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      created.add(
          api.post("feed/" + feed + "/", activity("User:1", verb, "Pin:" + i, fields(i)))
              .text("id"));
    }
    return created;
  }

  private static Object[] fields(int i) {
    return new Object[] {"foreign_id", "Pin:" + i, "time", TIME, "version", 1};
  }

  /** Replaces every activity, newest first, so update order differs from creation order. */
  private void updateEach(String verb, int version) {
    for (int i = COUNT - 1; i >= 0; i--) {
      Map<String, Object> update =
          activity("User:1", verb, "Pin:" + i, "foreign_id", "Pin:" + i, "time", TIME);
      update.put("version", version);
      Response updated = api.post("activities/", Map.of("activities", List.of(update)));
      assertThat(updated.status()).isEqualTo(201);
      assertThat(updated.body().at("/activities/0/version").asInt()).isEqualTo(version);
    }
  }

  private static List<String> reversed(List<String> ids) {
    List<String> copy = new ArrayList<>(ids);
    Collections.reverse(copy);
    return copy;
  }

  private static List<String> groupActivityIds(JsonNode group) {
    List<String> ids = new ArrayList<>();
    group.path("activities").forEach(a -> ids.add(a.path("id").asText()));
    return ids;
  }

  @Test
  void flatReadsListEqualTimesNewestCreatedFirstBeforeAndAfterAFullUpdate() {
    List<String> created = addInCreationOrder("user/1", "pin");

    assertThat(ids(api.get("feed/user/1/"))).containsExactlyElementsOf(reversed(created));
    updateEach("pin", 2);
    api.post("feed/user/1/", activity("User:1", "pin", "Pin:0", fields(0)));
    api.post("activity/", Map.of("id", created.get(0), "set", Map.of("n", 1)));
    updateEach("pin", 3);
    assertThat(ids(api.get("feed/user/1/"))).containsExactlyElementsOf(reversed(created));
    assertThat(control.feedActivities("user", "1"))
        .extracting(a -> a.get("id"))
        .containsExactlyElementsOf(reversed(created));
  }

  @Test
  void aBatchAddOrdersEqualTimesByItsListOrder() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      batch.add(activity("User:1", "pin", "Pin:" + i, fields(i)));
    }
    Response added = api.post("feed/user/1/", Map.of("activities", batch));
    List<String> created = new ArrayList<>();
    added.body().path("activities").forEach(a -> created.add(a.path("id").asText()));

    assertThat(ids(api.get("feed/user/1/"))).containsExactlyElementsOf(reversed(created));
  }

  @Test
  void cursorsAndIdFiltersPageThroughEqualTimesWithoutGapsOrRepeats() {
    List<String> newestFirst = reversed(addInCreationOrder("user/1", "pin"));
    updateEach("pin", 2);

    List<String> byCursor = new ArrayList<>();
    String path = "feed/user/1/?limit=3";
    while (true) {
      Response page = api.get(path);
      byCursor.addAll(ids(page));
      if (page.text("next").isEmpty()) {
        break;
      }
      path = page.text("next").substring("/api/v1.0/".length());
    }

    assertThat(byCursor).containsExactlyElementsOf(newestFirst);
    String fourth = newestFirst.get(3);
    assertThat(ids(api.get("feed/user/1/?id_lt=" + fourth)))
        .containsExactlyElementsOf(newestFirst.subList(4, COUNT));
    assertThat(ids(api.get("feed/user/1/?id_gte=" + fourth)))
        .containsExactlyElementsOf(newestFirst.subList(0, 4));
    api.delete("feed/user/1/" + fourth + "/");
    assertThat(ids(api.get("feed/user/1/?id_lt=" + fourth)))
        .as("the cursor of a removed activity keeps its place among equal times")
        .containsExactlyElementsOf(newestFirst.subList(4, COUNT));
  }

  @Test
  void followerCopiesAndCopiesMadeOnFollowKeepCreationOrder() {
    api.follow("timeline:1", "user:1");
    List<String> created = addInCreationOrder("user/1", "pin");
    updateEach("pin", 2);
    api.post("feed/timeline/2/following/", Map.of("target", "user:1", "activity_copy_limit", 4));

    assertThat(ids(api.get("feed/timeline/1/"))).containsExactlyElementsOf(reversed(created));
    assertThat(ids(api.get("feed/timeline/2/")))
        .as("the four newest created are the ones copied")
        .containsExactlyElementsOf(reversed(created).subList(0, 4));
  }

  @Test
  void aggregatedGroupsListEqualTimesNewestCreatedFirst() {
    List<String> created = addInCreationOrder("grouped/1", "pin");
    updateEach("pin", 2);

    JsonNode groups = api.get("feed/grouped/1/").body().path("results");

    assertThat(groups).hasSize(1);
    assertThat(groupActivityIds(groups.get(0))).containsExactlyElementsOf(reversed(created));
  }

  @Test
  void notificationGroupsListEqualTimesNewestCreatedFirst() {
    List<String> created = addInCreationOrder("alerts/1", "like");
    updateEach("like", 2);

    JsonNode groups = api.get("feed/alerts/1/").body().path("results");

    assertThat(groups).hasSize(1);
    assertThat(groupActivityIds(groups.get(0))).containsExactlyElementsOf(reversed(created));
    assertThat(groups.get(0).path("is_seen").asBoolean()).isFalse();
  }

  @Test
  void groupsWhoseActivitiesShareATimeListTheLastUpdatedFirst() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (String verb : List.of("a", "b", "c")) {
      batch.add(activity("User:1", verb, "Pin:" + verb, "foreign_id", verb, "time", TIME));
    }
    api.post("feed/grouped/1/", Map.of("activities", batch));
    api.post("feed/grouped/1/", activity("User:1", "b", "Pin:b2", "time", TIME));

    List<String> groups = new ArrayList<>();
    api.get("feed/grouped/1/")
        .body()
        .path("results")
        .forEach(g -> groups.add(g.path("group").asText()));

    assertThat(groups).containsExactly("b", "c", "a");
  }

  @Test
  void followListsInOneBatchAreNewestFirst() {
    List<Map<String, String>> pairs = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      pairs.add(Map.of("source", "timeline:1", "target", "user:" + i));
      pairs.add(Map.of("source", "timeline:" + (i + 2), "target", "user:0"));
      targets.add("user:" + i);
    }
    assertThat(api.post("follow_many/", pairs).status()).isEqualTo(201);
    assertThat(api.follow("timeline:1", "user:0").status()).as("following again").isEqualTo(201);

    List<String> following = new ArrayList<>();
    api.get("feed/timeline/1/following/?limit=100")
        .body()
        .path("results")
        .forEach(f -> following.add(f.path("target_id").asText()));
    List<String> followers = new ArrayList<>();
    api.get("feed/user/0/followers/?limit=100")
        .body()
        .path("results")
        .forEach(f -> followers.add(f.path("feed_id").asText()));

    assertThat(following).containsExactlyElementsOf(reversed(targets));
    List<String> sources = new ArrayList<>(List.of("timeline:1"));
    for (int i = 0; i < COUNT; i++) {
      sources.add("timeline:" + (i + 2));
    }
    assertThat(followers).containsExactlyElementsOf(reversed(sources));
  }
}
