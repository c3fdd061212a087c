package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static io.github.streamjpa.emulator.RawApi.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.github.streamjpa.emulator.RawApi.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest extends RawApiTestBase {
  @RegisterExtension
  static StreamEmulatorExtension stream =
      StreamEmulatorExtension.perClass(
          EmulatorConfig.builder().apiKey("app-key").apiSecret("app-secret").build());

  private void assertRefused(Response response, int status, int code) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.body().path("code").asInt()).isEqualTo(code);
    assertThat(response.body().path("exception").asText()).isNotBlank();
    assertThat(response.body().path("detail").asText()).doesNotContain("app-secret");
    assertThat(control.feedActivities("user", "1")).as("state unchanged").isEmpty();
  }

  private Response addWith(RawApi client) {
    return client.post("feed/user/1/", activity("User:1", "pin", "Pin:1"));
  }

  @Test
  void acceptsAFeedScopedToken() {
    Response response = addWith(api.withToken(jwt("app-secret", "feed", "write", "user1")));
    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void acceptsClaimsGivenAsLists() {
    String token =
        JWT.create()
            .withClaim("resource", List.of("follower", "feed"))
            .withClaim("action", "write")
            .withClaim("feed_id", List.of("user2", "user1"))
            .sign(Algorithm.HMAC256("app-secret"));
    String otherFeeds =
        JWT.create()
            .withClaim("resource", "feed")
            .withClaim("action", "write")
            .withClaim("feed_id", List.of("user2", "user3"))
            .sign(Algorithm.HMAC256("app-secret"));

    assertRefused(addWith(api.withToken(otherFeeds)), 403, 17);
    assertThat(addWith(api.withToken(token)).status()).isEqualTo(201);
  }

  @Test
  void refusesATokenSignedWithAnotherSecret() {
    assertRefused(addWith(api.withToken(jwt("wrong-secret", "*", "*", "*"))), 401, 3);
  }

  @Test
  void refusesATamperedPayload() {
    String token = jwt("app-secret", "feed", "read", "user1");
    String[] parts = token.split("\\.");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"resource\":\"*\",\"action\":\"*\",\"feed_id\":\"*\"}"
                    .getBytes(StandardCharsets.UTF_8));
    assertRefused(addWith(api.withToken(parts[0] + "." + forged + "." + parts[2])), 401, 3);
  }

  @Test
  void refusesATokenForAnotherFeedOrResource() {
    assertRefused(addWith(api.withToken(jwt("app-secret", "feed", "*", "user2"))), 403, 17);
    assertRefused(addWith(api.withToken(jwt("app-secret", "follower", "*", "user1"))), 403, 17);
    Response read = api.withToken(jwt("app-secret", "feed", "read", "user1")).get("feed/user/2/");
    assertRefused(read, 403, 17);
  }

  @Test
  void refusesWritesWithAReadOnlyToken() {
    RawApi readOnly = api.withToken(jwt("app-secret", "*", "read", "user1"));

    assertThat(readOnly.get("feed/user/1/").status()).isEqualTo(200);
    assertRefused(addWith(readOnly), 403, 17);
    assertRefused(readOnly.delete("feed/user/1/someid/"), 403, 17);
  }

  @Test
  void refusesRemovalWithAReadOnlyTokenKeepingTheActivity() {
    String id =
        api.post("feed/user/1/", activity("User:1", "pin", "Pin:1", "foreign_id", "Pin:1"))
            .text("id");
    RawApi readOnly = api.withToken(jwt("app-secret", "*", "read", "user1"));

    Response byId = readOnly.delete("feed/user/1/" + id + "/");
    Response byForeignId = readOnly.delete("feed/user/1/Pin:1/?foreign_id=1");

    assertThat(byId.status()).as(byId.body().toString()).isEqualTo(403);
    assertThat(byId.body().path("code").asInt()).isEqualTo(17);
    assertThat(byForeignId.status()).isEqualTo(403);
    assertThat(control.feedActivities("user", "1"))
        .as("state unchanged")
        .extracting(a -> a.get("id"))
        .containsExactly(id);
  }

  @Test
  void refusesAFeedTokenOnAppWideOperations() {
    api.post(
        "feed/user/1/",
        activity("User:1", "pin", "Pin:1", "foreign_id", "Pin:1", "time", "2024-01-01T00:00:00"));
    Response update =
        api.withToken(jwt("app-secret", "activities", "*", "user1"))
            .post(
                "activity/",
                Map.of(
                    "foreign_id", "Pin:1", "time", "2024-01-01T00:00:00", "set", Map.of("x", 1)));

    assertThat(update.status()).isEqualTo(403);
    assertThat(control.feedActivities("user", "1").get(0)).doesNotContainKey("x");
  }

  @Test
  void refusesAMissingAuthorizationHeader() {
    assertRefused(addWith(api.withToken(null)), 401, 3);
  }

  @Test
  void refusesAWrongOrMissingApiKey() {
    assertRefused(addWith(api.withApiKey("other-key")), 401, 2);
    assertRefused(addWith(api.withApiKey(null)), 401, 2);
  }

  @Test
  void refusesUserTokensExpiredTokensAndUnsignedTokens() {
    String userToken = JWT.create().withClaim("user_id", "1").sign(Algorithm.HMAC256("app-secret"));
    String expired =
        JWT.create()
            .withClaim("resource", "*")
            .withClaim("action", "*")
            .withClaim("feed_id", "*")
            .withExpiresAt(Instant.now().minusSeconds(3600))
            .sign(Algorithm.HMAC256("app-secret"));
    String unsigned =
        JWT.create()
            .withClaim("resource", "*")
            .withClaim("action", "*")
            .withClaim("feed_id", "*")
            .sign(Algorithm.none());

    assertRefused(addWith(api.withToken(userToken)), 403, 17);
    assertRefused(addWith(api.withToken(expired)), 401, 3);
    assertRefused(addWith(api.withToken(unsigned)), 401, 3);
  }

  private static String simpleToken(String secret, String feed) throws Exception {
    byte[] key = MessageDigest.getInstance("SHA-1").digest(secret.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key, "HmacSHA1"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(feed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsTheLegacySimpleFeedTokenWithOrWithoutAuthType() throws Exception {
    String token = "user1 " + simpleToken("app-secret", "user1");
    RawApi java2 = simpleAuth(token);
    RawApi noType = api.withToken(token).withoutAuthType();

    assertThat(token.split(" ")[1]).hasSize(27);
    assertThat(addWith(java2).status()).isEqualTo(201);
    assertThat(noType.get("feed/user/1/").status()).isEqualTo(200);
  }

  @Test
  void refusesAWrongOrForeignSimpleToken() throws Exception {
    assertRefused(addWith(simpleAuth("user1 " + simpleToken("wrong", "user1"))), 401, 3);
    assertRefused(addWith(simpleAuth("user2 " + simpleToken("app-secret", "user2"))), 403, 17);
  }

  /**
   * The raw client sending {@code token} as a legacy feed token ({@code stream-auth-type: simple}).
   */
  private RawApi simpleAuth(String token) {
    return api.withToken(token).withHeaders(Map.of("stream-auth-type", "simple"));
  }

  private static String signature(String secret, String date) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(("date: " + date).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsHttpSignaturesOnBatchPathsOnly() throws Exception {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME
            .withLocale(Locale.ENGLISH)
            .format(Instant.now().atZone(ZoneOffset.UTC));
    String withHeaders =
        "Signature keyId=\"app-key\",algorithm=\"hmac-sha256\",headers=\"date\",signature=\""
            + signature("app-secret", date)
            + "\"";
    String withoutHeaders =
        "Signature keyId=\"app-key\",algorithm=\"hmac-sha256\",signature=\""
            + signature("app-secret", date)
            + "\"";
    String wrong =
        "Signature keyId=\"app-key\",algorithm=\"hmac-sha256\",signature=\""
            + signature("wrong", date)
            + "\"";
    Map<String, String> headers = Map.of("Date", date, "X-Api-Key", "app-key");
    List<Map<String, String>> follows = List.of(Map.of("source", "timeline:1", "target", "user:1"));

    Response java2 =
        api.withApiKey(null)
            .withToken(withHeaders)
            .withHeaders(headers)
            .post("follow_many/", follows);
    Response python =
        api.withToken(withoutHeaders)
            .withHeaders(headers)
            .post(
                "feed/add_to_many/",
                Map.of("activity", activity("a", "b", "c"), "feeds", List.of("user:9")));
    Response bad =
        api.withApiKey(null).withToken(wrong).withHeaders(headers).post("unfollow_many/", follows);
    Response notBatch = api.withToken(withHeaders).withHeaders(headers).get("feed/user/1/");

    assertThat(java2.status()).as(java2.body().toString()).isEqualTo(201);
    assertThat(python.status()).as(python.body().toString()).isEqualTo(201);
    assertThat(bad.status()).isEqualTo(401);
    assertThat(control.following("timeline", "1"))
        .as("bad signature changed nothing")
        .containsExactly("user:1");
    assertThat(notBatch.status()).isEqualTo(401);
  }
}
