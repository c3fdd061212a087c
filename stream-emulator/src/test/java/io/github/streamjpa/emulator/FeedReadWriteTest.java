package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.RawApi.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StreamEmulatorExtension.class)
class FeedReadWriteTest extends RawApiTestBase {
  @Test
  void addsActivityAndReturnsItWithIdSixDigitTimeAndDuration() {
    Response added =
        api.post(
            "feed/user/1/",
            activity(
                "User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "time", "2024-05-01T10:00:00Z"));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.text("id"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(added.text("time")).isEqualTo("2024-05-01T10:00:00.000000");
    assertThat(added.text("foreign_id")).isEqualTo("Pin:1");
    assertThat(added.body().get("origin").isNull()).isTrue();
    assertThat(added.text("duration")).endsWith("ms");
    assertThat(added.headers().firstValue("X-Ratelimit-Limit")).hasValue("2000");
    assertThat(added.headers().firstValue("X-Ratelimit-Remaining")).isPresent();
    assertThat(added.headers().firstValue("X-Ratelimit-Reset")).isPresent();
    assertThat(control.feedActivities("user", "1"))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("id", added.text("id")));
  }

  @Test
  void storesActorVerbObjectAsStringsAndKeepsCustomFields() {
    Map<String, Object> body = activity("User:1", "pin", "Pin:1");
    body.put("object", 3);
    body.put("board", Map.of("name", "Food", "tags", List.of("a", "b")));
    body.put("target", null);

    Response added = api.post("feed/user/1/", body);

    assertThat(added.text("object")).isEqualTo("3");
    assertThat(added.body().path("object").isTextual()).isTrue();
    assertThat(added.text("target")).isEmpty();
    assertThat(added.body().at("/board/tags/1").asText()).isEqualTo("b");
  }

  @Test
  void addManyReturnsActivitiesInRequestOrderAndReadsNewestFirst() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      batch.add(activity("User:1", "pin", "Pin:" + i, "time", "2024-05-01T10:00:0" + i));
    }
    Response added = api.post("feed/user/1/", Map.of("activities", batch));

    assertThat(added.body().path("activities").findValuesAsText("object"))
        .containsExactly("Pin:1", "Pin:2", "Pin:3");
    Response read = api.get("feed/user/1/");
    assertThat(read.body().path("results").findValuesAsText("object"))
        .containsExactly("Pin:3", "Pin:2", "Pin:1");
    assertThat(read.text("next")).isEmpty();
  }

  @Test
  void repeatedForeignIdAndTimeReplacesContentAndKeepsTheId() {
    Map<String, Object> first =
        activity(
            "User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "time", "2024-05-01T10:00:00", "n", 1);
    Map<String, Object> again =
        activity(
            "User:1",
            "pin",
            "Pin:1",
            "foreign_id",
            "Pin:1",
            "time",
            "2024-05-01T10:00:00.000",
            "n",
            2);

    String id1 = api.post("feed/user/1/", first).text("id");
    String id2 = api.post("feed/user/1/", again).text("id");

    assertThat(id2).isEqualTo(id1);
    Response read = api.get("feed/user/1/");
    assertThat(ids(read)).containsExactly(id1);
    assertThat(read.body().at("/results/0/n").asInt()).isEqualTo(2);
  }

  @Test
  void sameContentAndTimeWithoutForeignIdIsStoredOnce() {
    Map<String, Object> body = activity("User:1", "like", "Pin:9", "time", "2024-05-01T10:00:00");
    api.post("feed/user/1/", body);
    api.post("feed/user/1/", body);

    assertThat(control.feedActivities("user", "1")).hasSize(1);
  }

  @Test
  void untimedAddsKeepTheirOrder() {
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      added.add(api.post("feed/user/1/", activity("User:1", "pin", "Pin:" + i)).text("id"));
    }
    List<String> expected = new ArrayList<>(added);
    java.util.Collections.reverse(expected);
    assertThat(ids(api.get("feed/user/1/?limit=100"))).containsExactlyElementsOf(expected);
  }

  @Test
  void removesByIdAndByForeignId() {
    String keep = api.post("feed/user/1/", activity("User:1", "pin", "Pin:1")).text("id");
    String byId = api.post("feed/user/1/", activity("User:1", "pin", "Pin:2")).text("id");
    api.post("feed/user/1/", activity("User:1", "pin", "Pin:3", "foreign_id", "Pin:3"));

    Response removed = api.delete("feed/user/1/" + byId + "/");
    Response removedForeign = api.delete("feed/user/1/Pin:3/?foreign_id=1");
    Response unknown = api.delete("feed/user/1/Pin:404/?foreign_id=true");

    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.text("removed")).isEqualTo(byId);
    assertThat(removedForeign.text("removed")).isEqualTo("Pin:3");
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(ids(api.get("feed/user/1/"))).containsExactly(keep);
  }

  @Test
  void pagesByOffsetAndByIdLtWithoutGapsOrRepeats() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String time = String.format("2024-05-01T10:%02d:00", i);
      all.add(
          0,
          api.post("feed/user/1/", activity("User:1", "pin", "Pin:" + i, "time", time)).text("id"));
    }

    List<String> byOffset = new ArrayList<>();
    for (int offset = 0; offset < 30; offset += 5) {
      byOffset.addAll(ids(api.get("feed/user/1/?limit=5&offset=" + offset)));
    }
    List<String> byCursor = new ArrayList<>();
    String path = "feed/user/1/?limit=5";
    while (true) {
      Response page = api.get(path);
      byCursor.addAll(ids(page));
      String next = page.text("next");
      if (next.isEmpty()) {
        break;
      }
      assertThat(next).startsWith("/api/v1.0/feed/user/1/?id_lt=").endsWith("&limit=5");
      path = next.substring("/api/v1.0/".length());
    }

    assertThat(byOffset).containsExactlyElementsOf(all);
    assertThat(byCursor).containsExactlyElementsOf(all);
  }

  @Test
  void idFiltersFollowTimeOrderEvenWhenUuidTextDoesNot() {
    // Times chosen so the UUID text of a newer activity sorts below an older one.
    String[] times = {
      "2024-05-01T10:00:00",
      "2024-05-01T10:00:01",
      "2025-01-01T00:00:00",
      "2030-06-01T00:00:00",
      "2031-01-01T00:00:00"
    };
    List<String> newestFirst = new ArrayList<>();
    for (String time : times) {
      newestFirst.add(
          0, api.post("feed/user/1/", activity("User:1", "pin", time, "time", time)).text("id"));
    }
    String third = newestFirst.get(2);

    assertThat(ids(api.get("feed/user/1/?id_lt=" + third)))
        .containsExactlyElementsOf(newestFirst.subList(3, 5));
    assertThat(ids(api.get("feed/user/1/?id_lte=" + third)))
        .containsExactlyElementsOf(newestFirst.subList(2, 5));
    assertThat(ids(api.get("feed/user/1/?id_gt=" + third)))
        .containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(ids(api.get("feed/user/1/?id_gte=" + third)))
        .containsExactlyElementsOf(newestFirst.subList(0, 3));
  }

  @Test
  void cursorOfARemovedActivityStillPages() {
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String time = "2024-05-01T10:00:0" + i;
      newestFirst.add(
          0, api.post("feed/user/1/", activity("User:1", "pin", "P" + i, "time", time)).text("id"));
    }
    api.delete("feed/user/1/" + newestFirst.get(1) + "/");

    assertThat(ids(api.get("feed/user/1/?id_lt=" + newestFirst.get(1))))
        .containsExactlyElementsOf(newestFirst.subList(2, 4));
  }

  @Test
  void readOfAnUnwrittenFeedIsEmpty() {
    Response read = api.get("feed/user/nobody/");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().path("results")).isEmpty();
    assertThat(read.text("next")).isEmpty();
  }

  @Test
  void acceptsPathsWithoutTrailingSlashAndWithDoubledSlashes() {
    api.post("feed/user/1", activity("User:1", "pin", "Pin:1"));
    JsonNode results = api.get("feed//user/1").body().path("results");
    assertThat(results).hasSize(1);
  }

  @Test
  void enrichPathReadsTheSameFeedWithRawReferences() {
    api.post("feed/user/1/", activity("User:1", "pin", "SO:pins:1"));
    Response read = api.get("enrich/feed/user/1/");
    assertThat(read.body().at("/results/0/object").asText()).isEqualTo("SO:pins:1");
  }
}
