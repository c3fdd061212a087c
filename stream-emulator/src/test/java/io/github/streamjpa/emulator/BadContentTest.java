package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.emulator.RawApi.Response;
import io.github.streamjpa.emulator.RawHttp.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content a careless client would send (bad escapes and encodings, non-string verbs, overflowing
 * numbers, deep nesting, long ids, times outside Stream's range): each is refused with a 400 in
 * Stream's shape and leaves the emulator's state exactly as it was.
 */
class BadContentTest extends AttackTestBase {
  @RegisterExtension static StreamEmulatorExtension stream = emulator();

  // --- encodings

  @ParameterizedTest
  @ValueSource(
      strings = {
        "feed/user/%zz/",
        "feed/user/1/?limit=%zz",
        "feed/user/1/?limit=%",
        "feed/user/%C3%28/",
        "activities/?ids=%C3%28",
        "activities/?ids=%FF"
      })
  void badPercentEscapesAndNonUtf8AreRefusedInStreamsShape(String path) {
    // java.net.URI refuses to send these, so they go over a plain socket.
    assertRefused(
        send("GET", path, jwt(SECRET, "*", "*", "*"), new byte[0]), 400, 4, "InputException");
  }

  @Test
  void aBodyThatIsNotUtf8IsRefused() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"actor\": \"".getBytes(StandardCharsets.UTF_8));
    body.write(0xC3);
    body.write(0x28);
    body.writeBytes(
        "\", \"verb\": \"pin\", \"object\": \"Pin:2\"}".getBytes(StandardCharsets.UTF_8));

    Reply reply = send("POST", "feed/user/1/", jwt(SECRET, "*", "*", "*"), body.toByteArray());

    assertRefused(reply, 400, 4, "InputException");
    assertThat(reply.body().path("detail").asText()).contains("UTF-8");
  }

  // --- content

  @Test
  void verbsAreStringsOfAtMost255Bytes() {
    for (Object verb : new Object[] {42, true, List.of("pin"), Map.of("v", 1), "é".repeat(128)}) {
      Response response =
          api.post("feed/user/1/", Map.of("actor", "a", "verb", verb, "object", "c"));

      assertRefused(response, 400, 4, "InputException");
      assertThat(response.body().path("exception_fields").has("verb")).as("%s", verb).isTrue();
    }
    assertRefused(
        api.post(
            "activity/",
            Map.of("foreign_id", "Pin:1", "time", "2024-01-01", "set", Map.of("verb", 42))),
        400,
        4,
        "InputException");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e999999",
        "-1e999999",
        "123456789012345678901234567890",
        "100000000000000000000000000000000000000000"
      })
  void numbersThatDoNotFitAreRefused(String number) {
    String body = "{\"actor\": \"a\", \"verb\": \"v\", \"object\": \"o\", \"n\": " + number + "}";

    assertRefused(api.sendRaw("POST", "feed/user/1/", body), 400, 4, "InputException");
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 998, 5000})
  void nestingDeeperThanTheLimitIsRefused(int depth) {
    String body =
        "{\"actor\": \"a\", \"verb\": \"v\", \"object\": \"o\", \"deep\": "
            + "[".repeat(depth - 1)
            + "]".repeat(depth - 1)
            + "}";

    Response response = api.sendRaw("POST", "feed/user/1/", body);

    assertRefused(response, 400, 4, "InputException");
    assertThat(response.body().path("detail").asText()).contains("100");
  }

  @Test
  void theDeepestAcceptedActivityCanBeReadEverywhere() {
    String deep = "[".repeat(98) + "]".repeat(98);
    String body = "{\"actor\": \"a\", \"verb\": \"v\", \"object\": \"o\", \"deep\": " + deep + "}";
    api.follow("timeline_aggregated:1", "user:1");

    assertThat(api.sendRaw("POST", "feed/user/1/", body).status()).isEqualTo(201);

    assertThat(api.get("feed/user/1/").status()).isEqualTo(200);
    assertThat(api.get("feed/timeline/1/").status()).isEqualTo(200);
    assertThat(api.get("feed/timeline_aggregated/1/").status()).isEqualTo(200);
    assertThat(api.control("GET", "/_emulator/feeds/timeline/1", null).status()).isEqualTo(200);
    assertThat(api.control("GET", "/_emulator/requests", null).status()).isEqualTo(200);
  }

  @Test
  void aPartialUpdateCannotNestPastTheLimit() {
    String path = String.join(".", java.util.Collections.nCopies(60, "x"));
    Object deep = List.of();
    for (int i = 0; i < 50; i++) {
      deep = List.of(deep);
    }

    Response response =
        api.post(
            "activity/",
            Map.of("foreign_id", "Pin:1", "time", "2024-01-01", "set", Map.of(path, deep)));

    assertRefused(response, 400, 4, "InputException");
  }

  @Test
  void idsLongerThanStreamsLimitsAreRefused() {
    String longName = "u".repeat(256);

    assertRefused(api.get("feed/user/" + longName + "/"), 400, 4, "InputException");
    assertRefused(api.get("feed/" + longName + "/1/"), 400, 4, "InputException");
    assertRefused(
        api.post("feed/user/1/", activity("a", "b", "c", "foreign_id", "f".repeat(256))),
        400,
        4,
        "InputException");
    assertRefused(api.follow("timeline:1", "user:" + longName), 400, 4, "InputException");
    assertThat(api.get("feed/user/" + "u".repeat(255) + "/").status()).isEqualTo(200);
  }

  // --- times

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000-01-01T00:00:00",
        "0001-01-01T00:30:00+01:00",
        "9999-12-31T23:00:00-05:00",
        "10000-01-01T00:00:00",
        "-0001-01-01T00:00:00"
      })
  void timesOutsideStreamsRangeAreRefused(String time) {
    Response response = api.post("feed/user/1/", activity("a", "b", "c", "time", time));

    assertRefused(response, 400, 4, "InputException");
    assertThat(response.body().at("/exception_fields/time/0").asText()).contains(time);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0001-01-01T00:00:00.000000", "9999-12-31T23:59:59.999999"})
  void timesAtTheEdgesOfTheRangeRoundTripExactly(String time) {
    Response added =
        api.post("feed/user/2/", activity("a", "b", "c", "foreign_id", "edge", "time", time));
    Response found = api.get("activities/?foreign_ids=edge&timestamps=" + time);

    assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
    assertThat(added.text("time")).isEqualTo(time);
    assertThat(found.body().at("/results/0/id").asText()).isEqualTo(added.text("id"));
    assertThat(found.body().at("/results/0/time").asText()).isEqualTo(time);
  }
}
