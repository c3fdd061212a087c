package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityJsonTest {
  private final ActivityJson json = new ActivityJson(ActivityJson.wireMapper(new ObjectMapper()));

  private static final String PAGE =
      """
      {"duration": "3ms", "results": [
        {"id": "a1", "actor": "User:1", "verb": "pin", "object": "Pin:1", "target": "",
         "time": "2026-11-27T21:10:00.000001", "foreign_id": "Pin:1", "origin": null,
         "to": ["notification:1", ["timeline:2", "token"], "user:3 token", 7],
         "score": 12, "big": 12345678901234, "ratio": 2.5, "flag": true, "none": null,
         "nested": {"list": [1, 2.5, "x", null, true], "map": {"k": "v"}},
         "duration": "1ms"},
        {"id": 42, "actor": {"id": 1}, "verb": ["a"], "object": "Pin:2", "to": "user:9",
         "time": null, "message": "second", "message": "second, again"},
        "not an object"
      ], "next": "/api/v1.0/feed/user/1/?id_lt=a1&limit=2"}
      """;

  @Test
  void readsAPageAsItIsParsedExactlyAsFromItsTree() throws IOException {
    FeedPage<FeedActivity> fromTree = json.page.read(json.mapper().readTree(PAGE));

    FeedPage<FeedActivity> streamed = streamed(PAGE);

    assertThat(streamed).isEqualTo(fromTree);
    assertThat(streamed.results()).hasSize(3);
    FeedActivity first = streamed.results().get(0);
    assertThat(first.target()).isNull();
    assertThat(first.time()).isEqualTo(Instant.parse("2026-11-27T21:10:00.000001Z"));
    assertThat(first.to()).containsExactly("notification:1", "timeline:2", "user:3", "7");
    assertThat(first.extra()).doesNotContainKey("duration").containsEntry("big", 12345678901234L);
    assertThat(first.extra("nested"))
        .isEqualTo(
            json.mapper()
                .convertValue(
                    json.mapper().readTree(PAGE).path("results").path(0).path("nested"),
                    Object.class));
    FeedActivity second = streamed.results().get(1);
    assertThat(second.id()).isEqualTo("42");
    assertThat(second.actor()).isEqualTo("{\"id\":1}");
    assertThat(second.to()).isEmpty();
    assertThat(second.extra()).isEqualTo(Map.of("message", "second, again"));
    assertThat(streamed.next()).isEqualTo("/api/v1.0/feed/user/1/?id_lt=a1&limit=2");
  }

  @Test
  void readsAPageWithoutResultsOrNextAsFromItsTree() throws IOException {
    String page = "{\"results\": null, \"next\": null, \"other\": [1, {\"a\": 2}]}";
    FeedPage<FeedActivity> streamed = streamed(page);

    assertThat(streamed).isEqualTo(json.page.read(json.mapper().readTree(page)));
    assertThat(streamed.results()).isEmpty();
  }

  /** The page read field by field, as HttpEngine feeds a successful answer to the reader. */
  private FeedPage<FeedActivity> streamed(String page) throws IOException {
    HttpEngine.Fields<FeedPage<FeedActivity>> fields = json.page.fields();
    try (JsonParser p = json.mapper().createParser(page)) {
      p.nextToken();
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        p.nextToken();
        fields.field(name, p);
      }
    }
    return fields.result();
  }

  @Test
  void writesAnActivityToBytesExactlyAsItsTree() throws IOException {
    NewActivity a =
        NewActivity.builder()
            .actor("User:1")
            .verb("pin")
            .object("Pin:1")
            .target("Board:2")
            .time(Instant.parse("2026-11-27T21:10:00.000001Z"))
            .foreignId("Pin:1")
            .to(FeedId.of("notification", "3"))
            .extra("when", Instant.parse("2026-11-27T21:11:00Z"))
            .extra("tags", List.of("a", "b"))
            .extra("nothing", null)
            .extra("nested", Map.of("k", 1.5))
            .build();

    assertThat(json.writeBytes(a)).isEqualTo(json.mapper().writeValueAsBytes(json.write(a)));
  }
}
