package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.emulator.RawApi.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The statuses the service gives its write endpoints, and the foreign ids it accepts. */
@ExtendWith(StreamEmulatorExtension.class)
class WriteAnswersTest extends RawApiTestBase {
  private static final String TIME = "2024-05-01T10:00:00.000000";

  private static List<Map<String, Object>> pairs(String source, String target) {
    return List.of(Map.of("source", source, "target", target));
  }

  @Test
  void batchEndpointsAnswer201() {
    Map<String, Integer> statuses = new LinkedHashMap<>();
    statuses.put("follow_many", api.post("follow_many/", pairs("timeline:1", "user:1")).status());
    statuses.put(
        "unfollow_many", api.post("unfollow_many/", pairs("timeline:1", "user:1")).status());
    statuses.put(
        "add_to_many",
        api.post(
                "feed/add_to_many/",
                Map.of(
                    "activity",
                    activity("User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "time", TIME),
                    "feeds",
                    List.of("user:2", "user:3")))
            .status());
    statuses.put(
        "add activities",
        api.post("feed/user/1/", Map.of("activities", List.of(activity("User:1", "pin", "Pin:2"))))
            .status());
    statuses.put(
        "update activities",
        api.post(
                "activities/",
                Map.of(
                    "activities",
                    List.of(
                        activity("User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "time", TIME))))
            .status());
    statuses.put(
        "partial update changes",
        api.post(
                "activity/",
                Map.of(
                    "changes",
                    List.of(Map.of("foreign_id", "Pin:1", "time", TIME, "set", Map.of("n", 1)))))
            .status());

    assertThat(statuses)
        .containsEntry("follow_many", 201)
        .containsEntry("unfollow_many", 201)
        .containsEntry("add_to_many", 201)
        .containsEntry("add activities", 201)
        .containsEntry("update activities", 201)
        .containsEntry("partial update changes", 201);
    assertThat(control.following("timeline", "1")).as("unfollow_many applied").isEmpty();
  }

  @Test
  void singleWritesAnswer201AndRemovalsAnswer200() {
    Response add =
        api.post(
            "feed/user/1/",
            activity("User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "time", TIME));
    Response follow = api.follow("timeline:1", "user:1");
    Response partial = api.post("activity/", Map.of("id", add.text("id"), "set", Map.of("n", 2)));
    Response targets =
        api.post(
            "feed_targets/user/1/activity_to_targets/",
            Map.of("foreign_id", "Pin:1", "time", TIME, "new_targets", List.of("user:9")));
    Response unfollow = api.delete("feed/timeline/1/following/user:1/");
    Response remove = api.delete("feed/user/1/Pin:1/?foreign_id=1");

    assertThat(add.status()).isEqualTo(201);
    assertThat(follow.status()).isEqualTo(201);
    assertThat(partial.status()).isEqualTo(201);
    assertThat(targets.status()).as(targets.body().toString()).isEqualTo(201);
    assertThat(unfollow.status()).isEqualTo(200);
    assertThat(remove.status()).isEqualTo(200);
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void aNumericForeignIdIsStoredAsTextAndReachesTheTargetsEndpoint() {
    Response added =
        api.post(
            "feed/user/1/", activity("User:1", "pin", "Pin:1", "foreign_id", 1234, "time", TIME));

    Response targets =
        api.post(
            "feed_targets/user/1/activity_to_targets/",
            Map.of("foreign_id", 1234, "time", TIME, "added_targets", List.of("user:2")));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.body().path("foreign_id").isTextual()).isTrue();
    assertThat(added.text("foreign_id")).isEqualTo("1234");
    assertThat(targets.status()).as(targets.body().toString()).isEqualTo(201);
    assertThat(targets.body().at("/activity/to/0").asText()).isEqualTo("user:2");
    assertThat(targets.body().at("/activity/foreign_id").asText()).isEqualTo("1234");
    assertThat(control.feedActivities("user", "2"))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("id", added.text("id")));
  }

  @Test
  void aNumericForeignIdWorksForPartialAndFullUpdatesAndLookups() {
    api.post("feed/user/1/", activity("User:1", "pin", "Pin:1", "foreign_id", 77, "time", TIME));

    Response single =
        api.post("activity/", Map.of("foreign_id", 77, "time", TIME, "set", Map.of("n", 1)));
    Response batch =
        api.post(
            "activity/",
            Map.of(
                "changes", List.of(Map.of("foreignID", 77, "time", TIME, "set", Map.of("m", 2)))));
    Response full =
        api.post(
            "activities/",
            Map.of(
                "activities",
                List.of(
                    activity("User:1", "pin", "Pin:1", "foreign_id", 77, "time", TIME, "k", 3))));
    Response lookup = api.get("activities/?foreign_ids=77&timestamps=" + TIME);

    assertThat(single.status()).as(single.body().toString()).isEqualTo(201);
    assertThat(single.body().path("n").asInt()).isEqualTo(1);
    assertThat(batch.status()).as(batch.body().toString()).isEqualTo(201);
    assertThat(batch.body().at("/activities/0/m").asInt()).isEqualTo(2);
    assertThat(full.status()).isEqualTo(201);
    assertThat(lookup.body().path("results"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.path("foreign_id").asText()).isEqualTo("77");
              assertThat(a.path("k").asInt()).isEqualTo(3);
            });
  }

  @Test
  void aForeignIdThatIsAnObjectIsStillRefused() {
    api.post("feed/user/1/", activity("User:1", "pin", "Pin:1", "foreign_id", "1", "time", TIME));

    Response targets =
        api.post(
            "feed_targets/user/1/activity_to_targets/",
            Map.of("foreign_id", Map.of("id", 1), "time", TIME, "new_targets", List.of()));

    assertThat(targets.status()).isEqualTo(400);
    assertThat(targets.text("detail")).contains("foreign_id must be a string");
  }
}
