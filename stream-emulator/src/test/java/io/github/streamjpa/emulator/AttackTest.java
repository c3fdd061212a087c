package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.github.streamjpa.emulator.RawApi.Response;
import io.github.streamjpa.emulator.RawHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests an attacker would send (writes through HEAD or a read token, forged or stale
 * credentials, broken HTTP framing): each is refused with the status and the error shape Stream
 * uses, and leaves the emulator's state exactly as it was.
 */
class AttackTest extends AttackTestBase {
  @RegisterExtension static StreamEmulatorExtension stream = emulator();

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
