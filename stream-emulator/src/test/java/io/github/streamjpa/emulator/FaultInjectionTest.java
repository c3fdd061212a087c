package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.emulator.RawApi.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StreamEmulatorExtension.class)
class FaultInjectionTest extends RawApiTestBase {
  @Test
  void failNextAnswersTheGivenStatusWithoutChangingState() {
    control.failNext(2, 503);

    Response first = api.post("feed/user/1/", activity("a", "b", "c"));
    Response second = api.get("feed/user/1/");
    Response third = api.post("feed/user/1/", activity("a", "b", "d"));

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.body().path("exception").asText()).isNotBlank();
    assertThat(first.body().has("duration")).isTrue();
    assertThat(second.status()).isEqualTo(503);
    assertThat(third.status()).isEqualTo(201);
    assertThat(control.feedActivities("user", "1")).hasSize(1);
  }

  @Test
  void anInjected401IsLoggedWithTheBodyItRefused() {
    control.failNext(1, 401);

    Response refused = api.post("feed/user/1/", activity("a", "b", "carried"));

    assertThat(refused.status()).isEqualTo(401);
    RecordedRequest logged = control.requests().get(control.requests().size() - 1);
    assertThat(logged.status()).isEqualTo(401);
    assertThat(logged.body()).contains("\"carried\"");
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void failFractionIsReproducibleForASeed() {
    List<Integer> run1 = statuses(0.3, 7);
    List<Integer> run2 = statuses(0.3, 7);

    assertThat(run1).isEqualTo(run2);
    long failed = run1.stream().filter(s -> s == 500).count();
    assertThat(failed).isBetween(5L, 60L);
    assertThat(run1).containsOnly(200, 500);
  }

  private List<Integer> statuses(double fraction, long seed) {
    control.failFraction(fraction, 500, seed);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      out.add(api.get("feed/user/1/").status());
    }
    control.clearFaults();
    return out;
  }

  @Test
  void rateLimitNextAnswers429WithRetryAfter() {
    control.rateLimitNext(1, Duration.ofMillis(1500));

    Response limited = api.get("feed/user/1/");
    Response after = api.get("feed/user/1/");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().path("code").asInt()).isEqualTo(9);
    assertThat(limited.body().path("exception").asText()).isEqualTo("RateLimitReached");
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(limited.headers().firstValue("X-Ratelimit-Remaining")).hasValue("0");
    assertThat(after.status()).isEqualTo(200);
  }

  @Test
  void latencyDelaysRequests() {
    control.latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    api.get("feed/user/1/");
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void droppedConnectionsGetNoResponseAndAreLogged() {
    control.dropConnections(true);

    assertThatThrownBy(() -> api.post("feed/user/1/", activity("a", "b", "c")))
        .isInstanceOf(UncheckedIOException.class);
    control.dropConnections(false);

    assertThat(control.feedActivities("user", "1")).isEmpty();
    assertThat(control.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isZero());
    assertThat(api.get("feed/user/1/").status()).isEqualTo(200);
  }

  @Test
  void requestLogRecordsMethodPathQueryHeadersBodyAndStatus() {
    api.post("feed/user/1/", activity("a", "b", "c"));
    api.get("feed/user/1/?limit=5");

    List<RecordedRequest> requests = control.requests();
    assertThat(requests).hasSize(2);
    RecordedRequest add = requests.get(0);
    assertThat(add.method()).isEqualTo("POST");
    assertThat(add.path()).isEqualTo("/api/v1.0/feed/user/1/");
    assertThat(add.queryParameter("api_key")).isEqualTo("key");
    assertThat(add.header("Stream-Auth-Type")).isEqualTo("jwt");
    assertThat(add.body()).contains("\"actor\":\"a\"");
    assertThat(add.status()).isEqualTo(201);
    assertThat(requests.get(1).queryParameter("limit")).isEqualTo("5");

    control.clearRequests();
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void resetForgetsStateLogAndFaults() {
    api.post("feed/user/1/", activity("a", "b", "c"));
    control.failNext(5, 500);

    control.reset();

    assertThat(control.requests()).isEmpty();
    assertThat(api.get("feed/user/1/").status()).isEqualTo(200);
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void httpControlSurfaceResetsLogsAndInjectsFaults() {
    api.post("feed/user/1/", activity("a", "b", "c"));

    Response requests = api.control("GET", "/_emulator/requests", null);
    Response feed = api.control("GET", "/_emulator/feeds/user/1", null);
    Response faults =
        api.control("POST", "/_emulator/faults", "{\"fail_next\":{\"count\":1,\"status\":502}}");
    Response failed = api.get("feed/user/1/");
    Response badFault = api.control("POST", "/_emulator/faults", "{\"explode\":true}");
    Response reset = api.control("POST", "/_emulator/reset", null);

    assertThat(requests.body().at("/requests/0/path").asText()).isEqualTo("/api/v1.0/feed/user/1/");
    assertThat(feed.body().at("/activities/0/actor").asText()).isEqualTo("a");
    assertThat(faults.body().at("/faults/fail_next/count").asInt()).isEqualTo(1);
    assertThat(failed.status()).isEqualTo(502);
    assertThat(badFault.status()).isEqualTo(400);
    assertThat(reset.status()).isEqualTo(200);
    assertThat(control.feedActivities("user", "1")).isEmpty();
    assertThat(control.requests()).as("control calls are not logged").isEmpty();
  }

  @Test
  void refusesInvalidFaultSettings() {
    assertThatThrownBy(() -> control.failNext(1, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200");
    assertThatThrownBy(() -> control.failFraction(1.5, 500, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }
}
