package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.RawApi.Response;
import io.github.streamjpa.emulator.RawHttp.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests an attacker or a careless client would send: each is refused with the status and the
 * error shape Stream uses, and leaves the emulator's state exactly as it was.
 */
class AttackTest extends RawApiTestBase {
  private static final String SECRET = "attack-test-app-secret";

  @RegisterExtension
  static StreamEmulatorExtension stream =
      StreamEmulatorExtension.perClass(
          EmulatorConfig.builder().apiSecret(SECRET).maxBodyBytes(64 * 1024).build());

  private StreamEmulator emulator;
  private State before;

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

  private State state() {
    return new State(
        control.feedActivities("user", "1"),
        control.feedActivities("timeline", "1"),
        control.following("timeline", "1"));
  }

  private void assertRefused(Response response, int status, int code, String exception) {
    assertStreamError(response.status(), response.body(), status, code, exception);
  }

  private void assertRefused(Reply reply, int status, int code, String exception) {
    assertStreamError(reply.status(), reply.body(), status, code, exception);
  }

  private void assertStreamError(int actual, JsonNode body, int status, int code, String name) {
    assertThat(actual).as("%s", body).isEqualTo(status);
    assertThat(body.path("code").asInt()).as("code").isEqualTo(code);
    assertThat(body.path("exception").asText()).isEqualTo(name);
    assertThat(body.path("status_code").asInt()).isEqualTo(status);
    assertThat(body.path("detail").asText()).isNotBlank().doesNotContain(SECRET);
    assertThat(body.path("duration").asText()).endsWith("ms");
    assertUnchanged();
  }

  private void assertUnchanged() {
    assertThat(state()).as("state unchanged").isEqualTo(before);
  }

  /** A request line and headers with the api_key and the given token. */
  private String request(String method, String path, String token, int contentLength) {
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

  private Reply send(String method, String path, String token, byte[] body) {
    return RawHttp.exchange(emulator, request(method, path, token, body.length), body);
  }

  private static byte[] json(Object value) throws Exception {
    return RawApi.JSON.writeValueAsBytes(value);
  }

  // --- methods

  @Test
  void headIsAReadEvenWithAReadOnlyTokenAndAnActivityAsBody() throws Exception {
    String readOnly = jwt(SECRET, "*", "read", "user1");
    byte[] newActivity = json(activity("User:1", "pin", "Pin:2"));
    byte[] overwrite =
        json(
            Map.of(
                "activities",
                List.of(
                    activity(
                        "User:666", "pin", "Pin:1", "foreign_id", "Pin:1", "time", "2024-01-01"))));

    Reply add = send("HEAD", "feed/user/1/", readOnly, newActivity);
    Reply update = send("HEAD", "activities/", jwt(SECRET, "activities", "read", "*"), overwrite);

    assertThat(add.status()).isEqualTo(200);
    assertThat(add.headers()).containsKey("content-length");
    assertThat(add.body().isNull()).as("no body").isTrue();
    assertThat(update.status()).as("read without ids").isEqualTo(400);
    assertUnchanged();
  }

  @Test
  void headWithAWriteTokenStillNeverWrites() throws Exception {
    String all = jwt(SECRET, "*", "*", "*");

    Reply add = send("HEAD", "feed/user/1/", all, json(activity("User:1", "pin", "Pin:2")));
    Reply follow =
        send("HEAD", "feed/timeline/1/following/", all, json(Map.of("target", "user:2")));
    Reply followMany =
        send("HEAD", "follow_many/", all, json(List.of(Map.of("source", "a:1", "target", "b:1"))));

    assertThat(add.status()).isEqualTo(200);
    assertThat(follow.status()).isEqualTo(200);
    assertThat(followMany.status()).isEqualTo(405);
    assertUnchanged();
  }

  @Test
  void aReadTokenCannotWriteByAnyMethod() {
    RawApi readOnly = api.withToken(jwt(SECRET, "*", "read", "*"));

    assertRefused(
        readOnly.post("feed/user/1/", activity("a", "b", "c")), 403, 17, "NotAllowedException");
    assertRefused(
        readOnly.delete("feed/user/1/Pin:1/?foreign_id=1"), 403, 17, "NotAllowedException");
    assertRefused(
        readOnly.delete("feed/timeline/1/following/user:1/"), 403, 17, "NotAllowedException");
    assertRefused(
        readOnly.post("activities/", Map.of("activities", List.of())),
        403,
        17,
        "NotAllowedException");
    assertRefused(
        readOnly.send("PUT", "feed/user/1/", activity("a", "b", "c")),
        405,
        17,
        "NotAllowedException");
  }

  // --- credentials (these were refused before; kept here so that they stay refused)

  static Stream<Arguments> forgedCredentials() {
    String claims = "{\"resource\":\"*\",\"action\":\"*\",\"feed_id\":\"*\"}";
    String unsigned =
        JWT.create()
            .withClaim("resource", "*")
            .withClaim("action", "*")
            .withClaim("feed_id", "*")
            .sign(Algorithm.none());
    String expired = expiredToken(Duration.ofMinutes(1));
    return Stream.of(
        Arguments.of("alg none", (UnaryOperator<RawApi>) a -> a.withToken(unsigned), 401, 3),
        Arguments.of(
            "another secret",
            (UnaryOperator<RawApi>) a -> a.withToken(jwt("other", "*", "*", "*")),
            401,
            3),
        Arguments.of(
            "another feed's token",
            (UnaryOperator<RawApi>) a -> a.withToken(jwt(SECRET, "feed", "*", "user2")),
            403,
            17),
        Arguments.of(
            "a read-only token",
            (UnaryOperator<RawApi>) a -> a.withToken(jwt(SECRET, "feed", "read", "user1")),
            403,
            17),
        Arguments.of(
            "a token expired a minute ago",
            (UnaryOperator<RawApi>) a -> a.withToken(expired),
            401,
            3),
        Arguments.of(
            "claims swapped into a signed token",
            (UnaryOperator<RawApi>)
                a -> {
                  String[] parts = jwt(SECRET, "feed", "read", "user1").split("\\.");
                  String forged =
                      java.util.Base64.getUrlEncoder()
                          .withoutPadding()
                          .encodeToString(claims.getBytes(StandardCharsets.UTF_8));
                  return a.withToken(parts[0] + "." + forged + "." + parts[2]);
                },
            401,
            3),
        Arguments.of("no api_key", (UnaryOperator<RawApi>) a -> a.withApiKey(null), 401, 2),
        Arguments.of("a wrong api_key", (UnaryOperator<RawApi>) a -> a.withApiKey("nope"), 401, 2),
        Arguments.of("no Authorization", (UnaryOperator<RawApi>) a -> a.withToken(null), 401, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgedCredentials")
  void forgedOrMissingCredentialsAreRefused(
      String name, UnaryOperator<RawApi> credentials, int status, int code) {
    Response response = credentials.apply(api).post("feed/user/1/", activity("a", "b", "c"));

    assertRefused(
        response,
        status,
        code,
        status == 403
            ? "NotAllowedException"
            : code == 2 ? "ApiKeyException" : "SignatureException");
  }

  @Test
  void tokenClockSkewIsSecondsNotMinutes() {
    Response justExpired =
        api.withToken(expiredToken(Duration.ofSeconds(1)))
            .post("feed/user/1/", activity("a", "b", "c"));
    assertThat(justExpired.status()).as("within the 5 s leeway").isEqualTo(201);
    before = state();

    assertRefused(
        api.withToken(expiredToken(Duration.ofSeconds(30)))
            .post("feed/user/1/", activity("a", "b", "d")),
        401,
        3,
        "SignatureException");
  }

  @Test
  void tokenLeewayIsConfigurable() {
    try (StreamEmulator strict =
        StreamEmulator.start(
            EmulatorConfig.builder().apiSecret(SECRET).tokenLeeway(Duration.ZERO).build())) {
      Response response =
          new RawApi(strict)
              .withToken(expiredToken(Duration.ofSeconds(2)))
              .post("feed/user/1/", activity("a", "b", "c"));

      assertThat(response.status()).isEqualTo(401);
      assertThat(strict.control().feedActivities("user", "1")).isEmpty();
    }
  }

  private static String expiredToken(Duration ago) {
    return JWT.create()
        .withClaim("resource", "*")
        .withClaim("action", "*")
        .withClaim("feed_id", "*")
        .withExpiresAt(Instant.now().minus(ago))
        .sign(Algorithm.HMAC256(SECRET));
  }

  // --- batches

  @Test
  void aBatchWithOneBadItemLeavesNoTrace() {
    List<Object> activities =
        List.of(
            activity("User:1", "pin", "Pin:7"),
            activity("User:1", "pin", "Pin:8", "time", "0000-01-01"),
            Map.of("actor", "User:1", "verb", 42, "object", "Pin:9"));
    List<Map<String, String>> follows =
        List.of(
            Map.of("source", "timeline:2", "target", "user:1"),
            Map.of("source", "timeline:3", "target", "user"));

    Response add = api.post("feed/user/1/", Map.of("activities", activities));
    Response followMany = api.post("follow_many/", follows);

    assertRefused(add, 400, 4, "InputException");
    assertThat(add.body().path("exception_fields").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("activities[1].time", "activities[2].verb");
    assertRefused(followMany, 400, 4, "InputException");
    assertThat(control.following("timeline", "2")).isEmpty();
  }

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

  // --- HTTP framing: every answer in Stream's shape

  @Test
  void malformedRequestsGetStreamsErrorShape() {
    assertRefused(RawHttp.exchange(emulator, "GARBAGE\r\n\r\n"), 400, 4, "InputException");
    assertRefused(
        RawHttp.exchange(emulator, "GET /api/v1.0/feed/user/1/ HTTP/2.0\r\nHost: x\r\n\r\n"),
        400,
        4,
        "InputException");
    assertRefused(
        RawHttp.exchange(emulator, "GET /api/v1.0/feed/user/%zz/ HTTP/1.1\r\nHost: x\r\n\r\n"),
        400,
        4,
        "InputException");
    assertRefused(
        RawHttp.exchange(
            emulator, "POST /api/v1.0/feed/user/1/ HTTP/1.1\r\nContent-Length: ten\r\n\r\n"),
        400,
        4,
        "InputException");
    assertRefused(
        RawHttp.exchange(
            emulator,
            "POST /api/v1.0/feed/user/1/ HTTP/1.1\r\nContent-Length: 2\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        400,
        4,
        "InputException");
    assertRefused(
        RawHttp.exchange(
            emulator,
            "GET /api/v1.0/feed/user/1/ HTTP/1.1\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n"),
        431,
        4,
        "InputException");
  }

  @Test
  void anOversizedBodyGets413AndIsNotKept() throws Exception {
    byte[] big = json(activity("a", "b", "c", "blob", "x".repeat(70_000)));

    Reply reply = send("POST", "feed/user/1/", jwt(SECRET, "*", "*", "*"), big);
    Reply announced =
        RawHttp.exchange(
            emulator,
            "POST /api/v1.0/feed/user/1/?api_key=key HTTP/1.1\r\nContent-Length: 99999999\r\n"
                + "Expect: 100-continue\r\n\r\n");

    assertRefused(reply, 413, 18, "RequestEntityTooLargeException");
    assertRefused(announced, 413, 18, "RequestEntityTooLargeException");
    assertThat(control.requests())
        .filteredOn(r -> r.status() == 413)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.body()).isEmpty())
        .allSatisfy(r -> assertThat(r.bodyTruncated()).isTrue());
  }

  @Test
  void aChunkedBodyIsReadWhole() {
    String chunkedAdd =
        request("POST", "feed/user/1/", jwt(SECRET, "*", "*", "*"), 0)
            .replace("Content-Length: 0", "Transfer-Encoding: chunked");
    String json = "{\"actor\": \"a\", \"verb\": \"v\", \"object\": \"chunked\"}";
    String body =
        Integer.toHexString(10)
            + "\r\n"
            + json.substring(0, 10)
            + "\r\n"
            + Integer.toHexString(json.length() - 10)
            + "\r\n"
            + json.substring(10)
            + "\r\n0\r\n\r\n";

    Reply reply = RawHttp.exchange(emulator, chunkedAdd + body);

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
    assertThat(reply.body().path("object").asText()).isEqualTo("chunked");
  }
}
