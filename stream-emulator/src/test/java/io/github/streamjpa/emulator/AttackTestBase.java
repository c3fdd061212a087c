package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.RawApi.Response;
import io.github.streamjpa.emulator.RawHttp.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared by the attack suites: seeds a feed, a follow and an activity before each test, and checks
 * that a refusal has Stream's error shape and left that state exactly as it was.
 */
abstract class AttackTestBase extends RawApiTestBase {
  static final String SECRET = "attack-test-app-secret";

  /** The configuration both suites run with: a known secret and a 64 KiB body limit. */
  static StreamEmulatorExtension emulator() {
    return StreamEmulatorExtension.perClass(
        EmulatorConfig.builder().apiSecret(SECRET).maxBodyBytes(64 * 1024).build());
  }

  StreamEmulator emulator;
  State before;

  /** What the tests look at: two feeds, one follow, and the seeded activity's content. */
  private record State(
      List<Map<String, Object>> user, List<Map<String, Object>> timeline, List<String> following) {}

  @BeforeEach
  void seed(StreamEmulator emulator) {
    this.emulator = emulator;
    assertThat(
            api.post(
                    "feed/user/1/",
                    activity("User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "time", "2024-01-01"))
                .status())
        .isEqualTo(201);
    assertThat(api.follow("timeline:1", "user:1").status()).isEqualTo(201);
    before = state();
  }

  State state() {
    return new State(
        control.feedActivities("user", "1"),
        control.feedActivities("timeline", "1"),
        control.following("timeline", "1"));
  }

  void assertRefused(Response response, int status, int code, String exception) {
    assertStreamError(response.status(), response.body(), status, code, exception);
  }

  void assertRefused(Reply reply, int status, int code, String exception) {
    assertStreamError(reply.status(), reply.body(), status, code, exception);
  }

  void assertStreamError(int actual, JsonNode body, int status, int code, String name) {
    assertThat(actual).as("%s", body).isEqualTo(status);
    assertThat(body.path("code").asInt()).as("code").isEqualTo(code);
    assertThat(body.path("exception").asText()).isEqualTo(name);
    assertThat(body.path("status_code").asInt()).isEqualTo(status);
    assertThat(body.path("detail").asText()).isNotBlank().doesNotContain(SECRET);
    assertThat(body.path("duration").asText()).endsWith("ms");
    assertUnchanged();
  }

  void assertUnchanged() {
    assertThat(state()).as("state unchanged").isEqualTo(before);
  }

  /** A request line and headers with the api_key and the given token. */
  String request(String method, String path, String token, int contentLength) {
    String separator = path.contains("?") ? "&" : "?";
    return method
        + " /api/v1.0/"
        + path
        + separator
        + "api_key=key HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
        + token
        + "\r\nStream-Auth-Type: jwt\r\nContent-Type: application/json\r\nContent-Length: "
        + contentLength
        + "\r\nConnection: close\r\n\r\n";
  }

  Reply send(String method, String path, String token, byte[] body) {
    return RawHttp.exchange(emulator, request(method, path, token, body.length), body);
  }

  static byte[] json(Object value) throws Exception {
    return RawApi.JSON.writeValueAsBytes(value);
  }
}
