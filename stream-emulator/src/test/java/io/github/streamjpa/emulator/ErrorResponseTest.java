package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.emulator.RawApi.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorResponseTest extends RawApiTestBase {
  @RegisterExtension
  static StreamEmulatorExtension stream =
      StreamEmulatorExtension.perClass(
          EmulatorConfig.builder()
              .maxBodyBytes(4096)
              .strictFeedGroups(true)
              .feedGroup("user", FeedGroupType.FLAT)
              .feedGroup("timeline", FeedGroupType.FLAT)
              .build());

  private static void assertStreamError(Response response, int status, int code, String exception) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.body().path("code").asInt()).isEqualTo(code);
    assertThat(response.body().path("exception").asText()).isEqualTo(exception);
    assertThat(response.body().path("status_code").asInt()).isEqualTo(status);
    assertThat(response.body().path("detail").asText()).isNotBlank();
    assertThat(response.body().path("duration").asText()).endsWith("ms");
  }

  @Test
  void missingRequiredFieldsGive400InputExceptionWithFieldErrors() {
    Response response = api.post("feed/user/1/", Map.of("verb", "pin"));

    assertStreamError(response, 400, 4, "InputException");
    assertThat(response.body().path("exception_fields").has("actor")).isTrue();
    assertThat(response.body().path("exception_fields").has("object")).isTrue();
    assertThat(response.body().path("exception_fields").has("verb")).isFalse();
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void badTimeGives400() {
    Response response = api.post("feed/user/1/", activity("a", "b", "c", "time", "aap"));

    assertStreamError(response, 400, 4, "InputException");
    assertThat(response.body().at("/exception_fields/time/0").asText()).contains("aap");
  }

  @Test
  void badJsonGives400() {
    Response response = api.sendRaw("POST", "feed/user/1/", "{\"actor\": ");
    assertStreamError(response, 400, 4, "InputException");
    assertThat(response.body().path("detail").asText()).contains("not valid JSON");
  }

  @Test
  void aBatchWithOneBadActivityAddsNothing() throws IOException {
    String body;
    try (InputStream in = getClass().getResourceAsStream("/requests/bad-batch.json")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Response response = api.sendRaw("POST", "feed/user/1/", body);

    assertStreamError(response, 400, 4, "InputException");
    assertThat(response.body().path("exception_fields").fieldNames())
        .toIterable()
        .contains("activities[1].time", "activities[2].actor", "activities[2].object");
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void unknownResourceGives404() {
    assertStreamError(api.get("reactions/nope/"), 404, 16, "DoesNotExistException");
    assertStreamError(
        api.get("feed/user/1/following/user:2/extra/"), 404, 16, "DoesNotExistException");
  }

  @Test
  void wrongMethodGives405() {
    assertStreamError(api.delete("feed/user/1/"), 405, 17, "NotAllowedException");
  }

  @Test
  void tooLargeBodyGives413AndAddsNothing() {
    Response response = api.post("feed/user/1/", activity("a", "b", "c", "blob", "x".repeat(5000)));

    assertStreamError(response, 413, 18, "RequestEntityTooLargeException");
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void undeclaredSlugGives400FeedConfigExceptionWhenStrict() {
    Response read = api.get("feed/flat/1/");
    Response to =
        api.post("feed/user/1/", activity("a", "b", "c", "to", java.util.List.of("nope:1")));

    assertStreamError(read, 400, 6, "FeedConfigException");
    assertThat(read.body().path("detail").asText()).contains("'flat'");
    assertStreamError(to, 400, 4, "InputException");
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void invalidFeedIdsAndParametersGive400() {
    assertStreamError(api.get("feed/user/a%20b/"), 400, 4, "InputException");
    assertStreamError(api.get("feed/user/1/?limit=abc"), 400, 4, "InputException");
    assertStreamError(api.get("feed/user/1/?id_lt=not-an-id"), 400, 4, "InputException");
    assertStreamError(api.follow("user:1", "user1"), 400, 4, "InputException");
  }
}
