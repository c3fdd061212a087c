package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RetryTest {
  @StartStop final MockWebServer mock = new MockWebServer();
  final StreamServer s = new StreamServer(mock);

  static final String UNAVAILABLE =
      "{\"code\":-1,\"detail\":\"try later\",\"exception\":\"ServiceUnavailable\","
          + "\"status_code\":503,\"duration\":\"1ms\"}";
  static final String RATE_LIMITED =
      "{\"code\":9,\"detail\":\"slow down\",\"exception\":\"RateLimitReached\","
          + "\"status_code\":429,\"duration\":\"1ms\"}";
  static final String EMPTY_PAGE = "{\"results\":[],\"next\":\"\",\"duration\":\"1ms\"}";

  /** Default policy with the test's fixed random 0.5: first wait 200 ms * (1 - 0.2 * 0.5). */
  static final Duration FIRST_BACKOFF = Duration.ofMillis(180);

  static NewActivity withKey() {
    return NewActivity.builder()
        .actor("User:1")
        .verb("pin")
        .object("Place:1")
        .foreignId("Pin:1")
        .time(Instant.parse("2026-11-27T21:00:00Z"))
        .build();
  }

  static NewActivity withoutKey() {
    return NewActivity.builder().actor("User:1").verb("pin").object("Place:1").build();
  }

  @Test
  void retriesAReadAfter503ThenSucceeds() {
    s.replyJson(503, UNAVAILABLE).replyJson(200, EMPTY_PAGE);

    FeedPage<FeedActivity> page = s.client().feed("user", "1").getActivities();

    assertThat(page.results()).isEmpty();
    assertThat(mock.getRequestCount()).isEqualTo(2);
    assertThat(s.sleeps).containsExactly(FIRST_BACKOFF);
    s.take().is("GET", "/api/v1.0/feed/user/1/", "feed", "read", "user1");
    s.take().is("GET", "/api/v1.0/feed/user/1/", "feed", "read", "user1");
  }

  @Test
  void waitsAsLongAsRetryAfterSaysOn429() {
    s.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "7")
            .body(RATE_LIMITED)
            .build());
    s.replyJson(200, EMPTY_PAGE);

    s.client().feed("user", "1").getActivities();

    assertThat(s.sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(mock.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitsUntilTheRateLimitResetWithoutRetryAfter() {
    Instant now = Instant.parse("2026-11-27T21:00:00Z");
    s.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("X-Ratelimit-Limit", "2000")
            .setHeader("X-Ratelimit-Remaining", "0")
            .setHeader("X-Ratelimit-Reset", Long.toString(now.getEpochSecond() + 12))
            .body(RATE_LIMITED)
            .build());
    s.replyJson(200, EMPTY_PAGE);

    s.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build().feed("user", "1").getActivities();

    assertThat(s.sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void handsAWaitLongerThanAMinuteToTheCaller() {
    s.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "120")
            .body(RATE_LIMITED)
            .build());

    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class, () -> s.client().feed("user", "1").getActivities());

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(mock.getRequestCount()).isEqualTo(1);
    assertThat(s.sleeps).isEmpty();
  }

  @Test
  void neverRetriesA400() {
    s.replyJson(
        400,
        "{\"code\":4,\"detail\":\"bad\",\"exception\":\"InputException\",\"status_code\":400}");

    assertThatThrownBy(() -> s.client().feed("user", "1").getActivities())
        .isInstanceOf(InputException.class);

    assertThat(mock.getRequestCount()).isEqualTo(1);
    assertThat(s.sleeps).isEmpty();
  }

  @Test
  void doesNotRetryAPostWithoutForeignIdAndTime() {
    s.replyJson(503, UNAVAILABLE).replyJson(200, "{\"id\":\"x\",\"duration\":\"1ms\"}");

    StreamApiException e =
        catchThrowableOfType(
            StreamApiException.class, () -> s.client().feed("user", "1").addActivity(withoutKey()));

    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(mock.getRequestCount()).isEqualTo(1);
    assertThat(s.sleeps).isEmpty();
  }

  @Test
  void retriesAPostWhoseActivitiesCarryForeignIdAndTime() {
    s.replyJson(502, "{}").replyJson(200, "{\"id\":\"x\",\"duration\":\"1ms\"}");

    FeedActivity added = s.client().feed("user", "1").addActivity(withKey());

    assertThat(added.id()).isEqualTo("x");
    assertThat(mock.getRequestCount()).isEqualTo(2);
    assertThat(s.take().body()).isEqualTo(s.take().body());
  }

  @Test
  void retriesABatchOnlyWhenEveryActivityCarriesTheKey() {
    s.replyJson(503, UNAVAILABLE);

    assertThatThrownBy(
            () -> s.client().feed("user", "1").addActivities(List.of(withKey(), withoutKey())))
        .isInstanceOf(StreamApiException.class);

    assertThat(mock.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesFollowsAnd408() {
    s.replyJson(408, "{}").replyDuration();

    s.client().feed("timeline", "1").follow(FeedId.of("user", "1"));

    assertThat(mock.getRequestCount()).isEqualTo(2);
    assertThat(s.sleeps).containsExactly(FIRST_BACKOFF);
  }

  @Test
  void doesNotRepeatAnUnsafePostAfter408() {
    s.replyJson(408, "{}").replyDuration();

    assertThatThrownBy(() -> s.client().feed("user", "1").addActivity(withoutKey()))
        .isInstanceOf(StreamApiException.class);

    assertThat(mock.getRequestCount()).isEqualTo(1);
  }

  @Test
  void doesNotRepeatAnUnsafePostAfterTheConnectionDrops() {
    s.enqueue(
        new MockResponse.Builder()
            .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
            .build());
    s.replyDuration();

    assertThatThrownBy(() -> s.client().feed("user", "1").addActivity(withoutKey()))
        .isInstanceOf(StreamTransportException.class);

    assertThat(mock.getRequestCount()).isEqualTo(1);
    assertThat(s.sleeps).isEmpty();
  }

  @Test
  void givesUpAfterMaxAttemptsWithGrowingWaits() {
    s.replyJson(500, UNAVAILABLE).replyJson(500, UNAVAILABLE).replyJson(500, UNAVAILABLE);

    StreamApiException e =
        catchThrowableOfType(
            StreamApiException.class, () -> s.client().feed("user", "1").getActivities());

    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(mock.getRequestCount()).isEqualTo(3);
    assertThat(s.sleeps).containsExactly(FIRST_BACKOFF, Duration.ofMillis(360));
  }

  @Test
  void retriesAfterTheConnectionDrops() {
    s.enqueue(
        new MockResponse.Builder()
            .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
            .build());
    s.replyJson(200, EMPTY_PAGE);

    FeedPage<FeedActivity> page = s.client().feed("user", "1").getActivities();

    assertThat(page.results()).isEmpty();
    assertThat(s.sleeps).containsExactly(FIRST_BACKOFF);
  }

  @Test
  void theOffSwitchStopsRetries() {
    s.replyJson(503, UNAVAILABLE).replyJson(200, EMPTY_PAGE);

    assertThatThrownBy(
            () ->
                s.builder()
                    .retryPolicy(RetryPolicy.none())
                    .build()
                    .feed("user", "1")
                    .getActivities())
        .isInstanceOf(StreamApiException.class);

    assertThat(mock.getRequestCount()).isEqualTo(1);
  }

  @Test
  void backoffDoublesUpToTheCapAndJitterOnlyShortensIt() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), 0.5);

    assertThat(p.backoff(1, 0)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoff(2, 0)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoff(4, 0)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.backoff(5, 0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.backoff(60, 0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.backoff(2, 0.999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
  }
}
