package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.RawApi.Response;
import io.github.streamjpa.emulator.RawHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP control surface refuses what a web page in a developer's browser could send (another
 * Host, another Origin, non-JSON bodies), validates fault settings whole, and the request log never
 * keeps credentials.
 */
@ExtendWith(StreamEmulatorExtension.class)
class ControlSurfaceTest extends RawApiTestBase {
  private StreamEmulator emulator;

  @BeforeEach
  void seed(StreamEmulator emulator) {
    this.emulator = emulator;
    api.post("feed/user/1/", activity("User:1", "pin", "Pin:1"));
  }

  private Reply control(String method, String path, Map<String, String> headers, String body) {
    StringBuilder request =
        new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    request.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
    return RawHttp.exchange(emulator, request.toString(), bytes);
  }

  private String host() {
    return "127.0.0.1:" + emulator.port();
  }

  private static void assertStreamError(Reply reply, int status, int code, String exception) {
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
    assertThat(reply.body().path("code").asInt()).isEqualTo(code);
    assertThat(reply.body().path("exception").asText()).isEqualTo(exception);
    assertThat(reply.body().path("status_code").asInt()).isEqualTo(status);
    assertThat(reply.body().path("detail").asText()).isNotBlank();
  }

  private void assertNotReset() {
    assertThat(control.feedActivities("user", "1")).as("state unchanged").hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"evil.example", "evil.example:80", "127.0.0.1.evil.example", "10.0.0.1", ""})
  void aHostThatIsNotLoopbackIsRefused(String host) {
    Map<String, String> json = Map.of("Host", host, "Content-Type", "application/json");

    Reply reset = control("POST", "/_emulator/reset", json, "{}");
    Reply log = control("GET", "/_emulator/requests", Map.of("Host", host), null);

    assertStreamError(reset, 403, 17, "NotAllowedException");
    assertStreamError(log, 403, 17, "NotAllowedException");
    assertThat(log.body().has("requests")).isFalse();
    assertNotReset();
  }

  @Test
  void loopbackHostsAreAccepted() {
    for (String host : List.of(host(), "localhost", "LOCALHOST:1", "[::1]:8000", "127.1.2.3")) {
      assertThat(control("GET", "/_emulator/health", Map.of("Host", host), null).status())
          .as(host)
          .isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example", "null", "http://127.0.0.1.evil.example"})
  void aCrossSiteOriginIsRefused(String origin) {
    Reply reset =
        control(
            "POST",
            "/_emulator/reset",
            Map.of("Host", host(), "Origin", origin, "Content-Type", "application/json"),
            "{}");

    assertStreamError(reset, 403, 17, "NotAllowedException");
    assertNotReset();
  }

  @Test
  void aCrossSiteFetchIsRefusedAndALocalOriginAccepted() {
    Reply crossSite =
        control(
            "POST",
            "/_emulator/faults",
            Map.of(
                "Host", host(), "Sec-Fetch-Site", "cross-site", "Content-Type", "application/json"),
            "{\"drop_connections\": true}");
    Reply local =
        control(
            "GET",
            "/_emulator/health",
            Map.of("Host", host(), "Origin", "http://localhost:3000"),
            null);

    assertStreamError(crossSite, 403, 17, "NotAllowedException");
    assertThat(api.get("feed/user/1/").status()).as("no fault injected").isEqualTo(200);
    assertThat(local.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""})
  void controlPostsMustBeJson(String contentType) {
    Map<String, String> headers =
        contentType.isEmpty()
            ? Map.of("Host", host())
            : Map.of("Host", host(), "Content-Type", contentType);

    Reply reset = control("POST", "/_emulator/reset", headers, "{}");

    assertStreamError(reset, 400, 4, "InputException");
    assertNotReset();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"rate_limit_next\": {\"count\": 1, \"retry_after_seconds\": 9223372036854775807}}",
        "{\"rate_limit_next\": {\"count\": 1, \"retry_after_seconds\": 1e999}}",
        "{\"fail_next\": {\"count\": \"abc\"}}",
        "{\"fail_next\": {\"count\": 1.5}}",
        "{\"fail_next\": {\"count\": -1}}",
        "{\"fail_next\": {\"count\": 1, \"status\": 200}}",
        "{\"fail_next\": {\"count\": 1, \"stats\": 500}}",
        "{\"fail_next\": 3}",
        "{\"fail_fraction\": {\"fraction\": 1.5}}",
        "{\"fail_fraction\": {\"status\": 500}}",
        "{\"fail_fraction\": {\"fraction\": 0.5, \"seed\": \"x\"}}",
        "{\"latency_ms\": -1}",
        "{\"latency_ms\": \"100\"}",
        "{\"latency_ms\": 86400000}",
        "{\"drop_connections\": \"yes\"}",
        "{\"fail_next\": {\"count\": 2, \"status\": 500}, \"latency_ms\": -5}",
        "{\"drop_connections\": true, \"explode\": 1}",
        "[]",
        "{\"fail_next\": "
      })
  void badFaultSettingsAre400AndChangeNothing(String spec) {
    JsonNode before = api.control("GET", "/_emulator/faults", null).body().path("faults");

    Response response = api.control("POST", "/_emulator/faults", spec);

    assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
    assertThat(response.body().path("code").asInt()).isEqualTo(4);
    assertThat(response.body().path("exception").asText()).isEqualTo("InputException");
    assertThat(api.control("GET", "/_emulator/faults", null).body().path("faults"))
        .as("no fault half-applied")
        .isEqualTo(before);
    assertThat(api.get("feed/user/1/").status()).isEqualTo(200);
  }

  @Test
  void validFaultSettingsApplyTogether() {
    Response response =
        api.control(
            "POST",
            "/_emulator/faults",
            "{\"fail_next\": {\"count\": 1, \"status\": 502},"
                + " \"rate_limit_next\": {\"count\": 1, \"retry_after_seconds\": 3600}}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().at("/faults/rate_limit_next/retry_after_seconds").asLong())
        .isEqualTo(3600);
    assertThat(api.get("feed/user/1/").status()).isEqualTo(429);
    assertThat(api.get("feed/user/1/").status()).isEqualTo(502);
  }

  @Test
  void aBadPercentEscapeOnTheControlPathGetsStreamsShape() {
    assertStreamError(
        control("GET", "/_emulator/feeds/%zz/1", Map.of("Host", host()), null),
        400,
        4,
        "InputException");
  }

  @Test
  void theRequestLogRedactsCredentials() throws Exception {
    String token = jwt(emulator.apiSecret(), "*", "*", "*");
    String signature = token.substring(token.lastIndexOf('.') + 1);
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME
            .withLocale(Locale.ENGLISH)
            .format(Instant.now().atZone(ZoneOffset.UTC));
    String httpSignature =
        "Signature keyId=\"key\",algorithm=\"hmac-sha256\",headers=\"date\","
            + "signature=\"c2lnbmF0dXJlLXZhbHVl\"";

    api.get("feed/user/1/");
    api.withToken("user1 feedtokenvalue")
        .withHeaders(Map.of("stream-auth-type", "simple"))
        .get("feed/user/1/");
    api.withToken(httpSignature).withHeaders(Map.of("Date", date)).post("follow_many/", List.of());
    String httpLog = api.control("GET", "/_emulator/requests", null).body().toString();

    List<String> logged = control.requests().stream().map(r -> r.header("Authorization")).toList();
    assertThat(logged.get(1))
        .startsWith(token.substring(0, token.lastIndexOf('.') + 1))
        .endsWith("[redacted]");
    assertThat(logged.get(2)).isEqualTo("user1 [redacted]");
    assertThat(logged.get(3)).contains("keyId=\"key\"").contains("signature=\"[redacted]\"");
    assertThat(String.join(" ", logged))
        .doesNotContain(signature, "feedtokenvalue", "c2lnbmF0dXJlLXZhbHVl");
    assertThat(httpLog)
        .doesNotContain(signature, "feedtokenvalue", "c2lnbmF0dXJlLXZhbHVl")
        .contains("[redacted]");
  }

  @Test
  void theLogKeepsNoBodyOfRefusedRequestsAndCutsLongOnes() {
    String blob = "x".repeat(100_000);

    api.withToken(null).post("feed/user/1/", activity("a", "b", "c", "blob", blob));
    api.post("feed/user/1/", activity("a", "b", "c", "blob", blob));

    RecordedRequest refused = control.requests().get(1);
    RecordedRequest long_ = control.requests().get(2);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).isEmpty();
    assertThat(refused.bodyTruncated()).isTrue();
    assertThat(long_.status()).isEqualTo(201);
    assertThat(long_.body()).hasSize(64 * 1024).startsWith("{\"actor\":\"a\"");
    assertThat(long_.bodyTruncated()).isTrue();
    assertThat(control.requests().get(0).bodyTruncated()).isFalse();
  }

  @Test
  void theLogIsBoundedInBytes() {
    try (StreamEmulator small =
        StreamEmulator.start(EmulatorConfig.builder().requestLogMaxBytes(256 * 1024).build())) {
      RawApi client = new RawApi(small);
      String blob = "x".repeat(20_000);
      for (int i = 0; i < 100; i++) {
        assertThat(client.post("feed/user/1/", activity("a", "b", "o" + i, "blob", blob)).status())
            .isEqualTo(201);
      }

      List<RecordedRequest> log = small.control().requests();
      long bodyBytes = log.stream().mapToLong(r -> r.body().length()).sum();
      assertThat(log).hasSizeLessThan(100);
      assertThat(bodyBytes).isLessThanOrEqualTo(256 * 1024);
      assertThat(log.get(log.size() - 1).body()).contains("\"o99\"");
    }
  }
}
