package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.RawApi.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupedFeedTest extends RawApiTestBase {
  @RegisterExtension
  static StreamEmulatorExtension stream =
      StreamEmulatorExtension.perClass(
          EmulatorConfig.builder()
              .maxGroupActivities(3)
              .feedGroup(
                  "bysource", FeedGroupType.AGGREGATED, "{{ feed.group }}:{{ feed.user_id }}")
              .feedGroup("byboard", FeedGroupType.NOTIFICATION, "{{ verb }}-{{ board.id }}")
              .build());

  private static List<String> groups(Response response) {
    List<String> out = new ArrayList<>();
    response.body().path("results").forEach(g -> out.add(g.path("group").asText()));
    return out;
  }

  @Test
  void groupsByTheFeedACopyCameFrom() {
    api.follow("bysource:1", "user:a");
    api.follow("bysource:1", "user:b");
    api.post("feed/user/a/", activity("User:a", "pin", "Pin:1"));
    api.post("feed/user/b/", activity("User:b", "pin", "Pin:2"));
    api.post("feed/user/a/", activity("User:a", "like", "Pin:2"));
    api.post("feed/bysource/1/", activity("User:1", "note", "Note:1"));

    assertThat(groups(api.get("feed/bysource/1/")))
        .containsExactly("bysource:1", "user:a", "user:b");
  }

  @Test
  void groupsByCustomFieldsAndCapsTheActivitiesShown() {
    for (int i = 0; i < 5; i++) {
      api.post(
          "feed/byboard/1/",
          activity("User:" + i, "save", "Pin:" + i, "board", Map.of("id", "B1")));
    }
    api.post("feed/byboard/1/", activity("User:9", "save", "Pin:9", "board", Map.of("id", "B2")));

    JsonNode results = api.get("feed/byboard/1/").body().path("results");

    assertThat(results.get(0).path("group").asText()).isEqualTo("save-B2");
    JsonNode b1 = results.get(1);
    assertThat(b1.path("group").asText()).isEqualTo("save-B1");
    assertThat(b1.path("activity_count").asInt()).isEqualTo(5);
    assertThat(b1.path("actor_count").asInt()).isEqualTo(5);
    assertThat(b1.path("activities")).hasSize(3);
    assertThat(b1.at("/activities/0/object").asText()).isEqualTo("Pin:4");
    assertThat(b1.path("id").asText()).endsWith(".save-B1");
  }

  @Test
  void removingTheLastActivityRemovesTheGroupAndItsCursorStillPages() {
    List<String> ids = new ArrayList<>();
    for (String verb : List.of("a", "b", "c", "d")) {
      ids.add(
          api.post(
                  "feed/aggregated/1/",
                  activity("User:1", verb, "X", "time", "2024-05-01T10:00:00"))
              .text("id"));
    }
    Response firstPage = api.get("feed/aggregated/1/?limit=2");
    assertThat(groups(firstPage)).containsExactly("d_2024-05-01", "c_2024-05-01");
    String cursor = firstPage.text("next");

    api.delete("feed/aggregated/1/" + ids.get(2) + "/");
    Response secondPage = api.get(cursor.substring("/api/v1.0/".length()));

    assertThat(groups(secondPage)).containsExactly("b_2024-05-01", "a_2024-05-01");
    assertThat(groups(api.get("feed/aggregated/1/"))).hasSize(3);
  }

  @Test
  void marksOnlyTheListedNotificationGroups() {
    api.post("feed/notification/1/", activity("User:1", "like", "Pin:1"));
    api.post("feed/notification/1/", activity("User:2", "follow", "User:1"));
    JsonNode groups = api.get("feed/notification/1/").body().path("results");
    String follow = groups.get(0).path("id").asText();

    Response marking = api.get("feed/notification/1/?mark_read=" + follow + "&mark_seen=True");
    JsonNode after = api.get("feed/notification/1/").body();

    assertThat(marking.body().path("unread").asInt())
        .as("answers the state before marking")
        .isEqualTo(2);
    assertThat(after.path("unread").asInt()).isEqualTo(1);
    assertThat(after.path("unseen").asInt()).isZero();
    assertThat(after.at("/results/0/is_read").asBoolean()).isTrue();
    assertThat(after.at("/results/1/is_read").asBoolean()).isFalse();
  }

  @Test
  void marksAGroupWhoseKeyHoldsACommaAndPagesByItsId() {
    api.post("feed/byboard/1/", activity("User:1", "save", "Pin:1", "board", Map.of("id", "B,1")));
    api.post("feed/byboard/1/", activity("User:1", "save", "Pin:2", "board", Map.of("id", "B2")));
    JsonNode groups = api.get("feed/byboard/1/").body().path("results");
    String commaGroup = groups.get(1).path("id").asText();
    String encoded =
        java.net.URLEncoder.encode(commaGroup, java.nio.charset.StandardCharsets.UTF_8);

    api.get("feed/byboard/1/?mark_read=" + encoded);
    JsonNode after = api.get("feed/byboard/1/").body();
    Response older = api.get("feed/byboard/1/?id_lt=" + groups.get(0).path("id").asText());

    assertThat(commaGroup).endsWith(".save-B,1");
    assertThat(after.at("/results/1/is_read").asBoolean()).isTrue();
    assertThat(after.path("unread").asInt()).isEqualTo(1);
    assertThat(groups(older)).containsExactly("save-B,1");
  }
}
