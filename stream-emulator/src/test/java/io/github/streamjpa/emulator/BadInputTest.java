package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.RawApi.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed request of the fixture gets a 4xx in Stream's shape and changes nothing. */
@ExtendWith(StreamEmulatorExtension.class)
class BadInputTest {
  private static RawApi api;
  private static EmulatorControl control;
  private static List<Map<String, Object>> before;

  @BeforeAll
  static void seed(StreamEmulator emulator) {
    api = new RawApi(emulator);
    control = emulator.control();
    api.post(
        "feed/user/1/",
        activity("User:1", "pin", "Pin:1", "foreign_id", "f", "time", "2024-01-01"));
    api.follow("timeline:1", "user:1");
    before = control.feedActivities("user", "1");
  }

  static Stream<JsonNode> badRequests() throws IOException {
    try (InputStream in = BadInputTest.class.getResourceAsStream("/requests/bad-requests.json")) {
      List<JsonNode> cases = new ArrayList<>();
      RawApi.JSON.readTree(in).forEach(cases::add);
      return cases.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void isRefusedWithA4xxInStreamsShapeAndChangesNothing(JsonNode request) {
    JsonNode body = request.get("body");
    Response response =
        api.sendRaw(
            request.get("method").asText(),
            request.get("path").asText(),
            body.isNull() ? null : body.asText());

    assertThat(response.status()).as(request + " → " + response.body()).isBetween(400, 499);
    assertThat(response.body().path("exception").asText()).isNotBlank();
    assertThat(response.body().path("code").asInt()).isPositive();
    assertThat(response.body().path("detail").asText()).isNotBlank();
    assertThat(control.feedActivities("user", "1")).isEqualTo(before);
    assertThat(control.feedActivities("timeline", "1")).hasSize(1);
    assertThat(control.following("timeline", "1")).containsExactly("user:1");
  }
}
