package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Values exactly at the service's limits are sent; ValidationTest shows one past them refused. */
class LimitsTest {
  @StartStop final MockWebServer mock = new MockWebServer();
  final StreamServer s = new StreamServer(mock);

  static NewActivity.Builder activity() {
    return NewActivity.builder().actor("User:1").verb("pin").object("Place:1");
  }

  @Test
  void sendsAnActivityOfExactlyTenKilobytes() {
    s.reply("activity-response.json");
    // {"actor":"User:1","verb":"pin","object":"Place:1","blob":"..."} is 60 bytes around the blob.
    NewActivity largest = activity().extra("blob", "x".repeat(ActivitySize.MAX_BYTES - 60)).build();

    s.client().feed("user", "1").addActivity(largest);

    assertThat(s.take().request.getBodySize()).isEqualTo(ActivitySize.MAX_BYTES);
  }

  @Test
  void sendsTheLargestPageAndLookup() {
    s.reply("flat-feed-response.json").reply("activities-response.json");
    StreamClient client = s.client();

    client.feed("user", "1").getActivities(ReadOptions.limit(1000));
    client.getActivities(Collections.nCopies(100, "a1"));

    assertThat(s.take().query("limit")).isEqualTo("1000");
    assertThat(s.take().query("ids").split(",")).hasSize(100);
  }

  @Test
  void sendsCustomValuesNestedOneHundredDeep() {
    s.reply("activity-response.json");
    Object value = "leaf";
    for (int i = 0; i < Checks.MAX_NESTING; i++) {
      value = List.of(value);
    }

    s.client().feed("user", "1").addActivity(activity().extra("deep", value).build());

    assertThat(s.take().body().path("deep").toString()).startsWith("[[[[").contains("\"leaf\"");
  }

  @Test
  void sharedValuesThatDoNotContainThemselvesAreFine() {
    List<String> shared = List.of("a", "b");

    NewActivity built = activity().extra("pair", List.of(shared, shared)).build();

    assertThat(built.extra()).containsKey("pair");
  }

  @Test
  void writesTheFirstAndLastTimesOfTheFormat() {
    assertThat(StreamTimes.format(Instant.parse("0001-01-01T00:00:00Z")))
        .isEqualTo("0001-01-01T00:00:00.000000");
    assertThat(StreamTimes.format(Instant.parse("9999-12-31T23:59:59.999999999Z")))
        .isEqualTo("9999-12-31T23:59:59.999999");
    assertThat(activity().time(Instant.parse("0001-01-01T00:00:00Z")).build().time())
        .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
  }

  @Test
  void partialUpdatesMayChangeCustomFieldsAndTheTarget() {
    PartialUpdate update =
        PartialUpdate.byId(
            "a1",
            Map.of("target", "Board:2", "product.price", 19.99, "timeline", "x", "verb", "like"),
            List.of("target", "product.color"));

    assertThat(update.set()).containsKeys("target", "product.price", "timeline", "verb");
    assertThat(update.unset()).containsExactly("target", "product.color");
  }
}
