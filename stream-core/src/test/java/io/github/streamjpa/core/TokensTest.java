package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class TokensTest {
  final StreamClient client = StreamClient.connect(StreamServer.KEY, StreamServer.SECRET);

  static DecodedJWT verify(String token) {
    return JWT.require(Algorithm.HMAC256(StreamServer.SECRET)).build().verify(token);
  }

  @Test
  void feedTokenGrantsEverythingOnThatFeed() {
    DecodedJWT jwt = verify(client.feed("user", "1").token());

    assertThat(jwt.getHeaderClaim("typ").asString()).isEqualTo("JWT");
    assertThat(jwt.getClaim("resource").asString()).isEqualTo("*");
    assertThat(jwt.getClaim("action").asString()).isEqualTo("*");
    assertThat(jwt.getClaim("feed_id").asString()).isEqualTo("user1");
    assertThat(jwt.getExpiresAt()).isNull();
    assertThat(jwt.getIssuedAt()).isNull();
  }

  @Test
  void readOnlyTokenOnlyReads() {
    DecodedJWT jwt = verify(client.feed("user", "1").readOnlyToken());

    assertThat(jwt.getClaim("resource").asString()).isEqualTo("*");
    assertThat(jwt.getClaim("action").asString()).isEqualTo("read");
    assertThat(jwt.getClaim("feed_id").asString()).isEqualTo("user1");
  }

  @Test
  void feedTokensAreSignedOncePerScope() {
    Feed feed = client.feed("user", "1");

    assertThat(feed.token()).isSameAs(feed.token());
    assertThat(client.feed("user", "1").readOnlyToken()).isSameAs(feed.readOnlyToken());
    assertThat(feed.token()).isNotEqualTo(client.feed("user", "2").token());
  }

  @Test
  void browserTokensCanExpire() {
    Instant now = Instant.parse("2026-11-27T21:00:00Z");
    StreamClient clocked =
        StreamClient.builder(StreamServer.KEY, StreamServer.SECRET)
            .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
            .build();
    Feed feed = clocked.feed("user", "1");

    DecodedJWT full = verifyAt(feed.token(java.time.Duration.ofMinutes(15)), now);
    DecodedJWT readOnly = verifyAt(feed.readOnlyToken(java.time.Duration.ofHours(1)), now);

    assertThat(full.getClaim("resource").asString()).isEqualTo("*");
    assertThat(full.getClaim("action").asString()).isEqualTo("*");
    assertThat(full.getClaim("feed_id").asString()).isEqualTo("user1");
    assertThat(full.getExpiresAtAsInstant()).isEqualTo(now.plusSeconds(15 * 60));
    assertThat(readOnly.getClaim("action").asString()).isEqualTo("read");
    assertThat(readOnly.getClaim("feed_id").asString()).isEqualTo("user1");
    assertThat(readOnly.getExpiresAtAsInstant()).isEqualTo(now.plusSeconds(3600));
    assertThat(feed.token()).isNotEqualTo(feed.token(java.time.Duration.ofMinutes(15)));
  }

  static DecodedJWT verifyAt(String token, Instant now) {
    return ((com.auth0.jwt.JWTVerifier.BaseVerification)
            JWT.require(Algorithm.HMAC256(StreamServer.SECRET)))
        .build(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
        .verify(token);
  }

  @Test
  void userTokenCarriesTheUserIdOnly() {
    DecodedJWT jwt = verify(client.userToken("alice"));

    assertThat(jwt.getClaims()).containsOnlyKeys("user_id");
    assertThat(jwt.getClaim("user_id").asString()).isEqualTo("alice");
  }

  @Test
  void userTokenCarriesExtraClaimsAndExpiry() {
    Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("role", "admin");
    extra.put("level", 3);
    extra.put("beta", true);
    extra.put("teams", List.of("red", "blue"));

    DecodedJWT jwt = verify(client.userToken("alice", extra, expiry));

    assertThat(jwt.getClaim("user_id").asString()).isEqualTo("alice");
    assertThat(jwt.getClaim("role").asString()).isEqualTo("admin");
    assertThat(jwt.getClaim("level").asInt()).isEqualTo(3);
    assertThat(jwt.getClaim("beta").asBoolean()).isTrue();
    assertThat(jwt.getClaim("teams").asList(String.class)).containsExactly("red", "blue");
    assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(expiry);
  }

  @Test
  void userTokenWithExtraClaimsDoesNotExpireByDefault() {
    DecodedJWT jwt = verify(client.userToken("alice", Map.of("role", "viewer")));

    assertThat(jwt.getExpiresAt()).isNull();
    assertThat(jwt.getClaim("role").asString()).isEqualTo("viewer");
  }

  static List<Map<String, Object>> events() {
    Map<String, Object> impression = new LinkedHashMap<>();
    impression.put("content_list", List.of("tweet:1", "tweet:2", "tweet:3"));
    impression.put("user_data", "tommaso");
    impression.put("location", "email");
    impression.put("feed_id", "user:global");
    Map<String, Object> engagement = new LinkedHashMap<>();
    engagement.put("content", "tweet:2");
    engagement.put("label", "click");
    engagement.put("position", 1);
    engagement.put("user_data", "tommaso");
    engagement.put("location", "email");
    engagement.put("feed_id", "user:global");
    return List.of(impression, engagement);
  }

  @Test
  void redirectUrlHasPythonsShape() throws Exception {
    String url = client.redirectUrl("http://google.com/?q=a b&x=1", "tommaso", events());

    HttpUrl parsed = HttpUrl.get(url);
    assertThat(url)
        .startsWith(
            "https://analytics.stream-io-api.com/analytics/redirect/?auth_type=jwt&authorization=");
    assertThat(parsed.queryParameterNames())
        .containsExactly("auth_type", "authorization", "url", "api_key", "events");
    assertThat(parsed.queryParameter("auth_type")).isEqualTo("jwt");
    assertThat(parsed.queryParameter("url")).isEqualTo("http://google.com/?q=a b&x=1");
    assertThat(parsed.queryParameter("api_key")).isEqualTo(StreamServer.KEY);
    DecodedJWT jwt = verify(parsed.queryParameter("authorization"));
    assertThat(jwt.getClaim("resource").asString()).isEqualTo("redirect_and_track");
    assertThat(jwt.getClaim("action").asString()).isEqualTo("*");
    assertThat(jwt.getClaim("feed_id").asString()).isEqualTo("*");
    assertThat(jwt.getClaim("user_id").asString()).isEqualTo("tommaso");
    JsonNode events = StreamServer.JSON.readTree(parsed.queryParameter("events"));
    assertThat(events).isEqualTo(StreamServer.JSON.valueToTree(events()));
    assertThat(url).doesNotContain(StreamServer.SECRET);
  }

  @Test
  void redirectUrlUsesTheAnalyticsHostWhateverTheLocationAndFollowsBaseUrl() {
    String regional =
        StreamClient.builder(StreamServer.KEY, StreamServer.SECRET)
            .location("us-east")
            .build()
            .redirectUrl("https://example.com/", "u", List.of());
    String local =
        StreamClient.builder(StreamServer.KEY, StreamServer.SECRET)
            .baseUrl("http://127.0.0.1:8000")
            .build()
            .redirectUrl("https://example.com/", "u", List.of());

    assertThat(regional).startsWith("https://analytics.stream-io-api.com/analytics/redirect/?");
    assertThat(local).startsWith("http://127.0.0.1:8000/analytics/redirect/?");
  }
}
