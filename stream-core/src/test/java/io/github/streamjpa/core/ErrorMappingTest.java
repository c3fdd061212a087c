package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {
  @StartStop final MockWebServer mock = new MockWebServer();
  final StreamServer s = new StreamServer(mock);

  StreamClient client() {
    return s.builder().retryPolicy(RetryPolicy.none()).build();
  }

  Throwable failingRead() {
    return catchThrowable(() -> client().feed("user", "1").getActivities());
  }

  @ParameterizedTest(name = "code {0} (HTTP {1}) -> {3}")
  @CsvSource({
    "2, 401, ApiKeyException, AuthenticationException",
    "3, 401, SignatureException, AuthenticationException",
    "4, 400, InputException, InputException",
    "5, 400, CustomFieldException, CustomFieldException",
    "6, 400, FeedConfigException, FeedConfigException",
    "7, 401, SiteSuspendedException, SiteSuspendedException",
    "8, 400, InvalidPaginationException, InvalidPaginationException",
    "9, 429, RateLimitReached, RateLimitException",
    "10, 400, MissingUserException, RankingException",
    "11, 400, RankingException, RankingException",
    "12, 400, MissingRankingException, RankingException",
    "13, 400, OldStorageBackend, StreamApiException",
    "14, 400, JinjaRuntimeException, StreamApiException",
    "15, 400, BestPracticeException, StreamApiException",
    "16, 404, DoesNotExistException, DoesNotExistException",
    "17, 403, NotAllowedException, NotAllowedException",
    "18, 413, PayloadTooLarge, StreamApiException",
    "22, 409, ConflictException, ConflictException",
    "-1, 500, InternalError, StreamApiException",
    "1, 500, StreamApiException, StreamApiException",
  })
  void mapsEachStreamCodeToItsException(int code, int status, String name, String type)
      throws Exception {
    s.replyJson(
        status,
        "{\"code\":"
            + code
            + ",\"detail\":\"what went wrong\",\"exception\":\""
            + name
            + "\",\"status_code\":"
            + status
            + ",\"duration\":\"1ms\"}");

    Throwable thrown = failingRead();

    assertThat(thrown).isExactlyInstanceOf(Class.forName("io.github.streamjpa.core." + type));
    StreamApiException e = (StreamApiException) thrown;
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.exceptionName()).isEqualTo(name);
    assertThat(e.detail()).isEqualTo("what went wrong");
    assertThat(e.getMessage())
        .isEqualTo(name + " (HTTP " + status + ", code " + code + "): what went wrong");
  }

  @Test
  void rankingErrorsAreFeedConfigErrors() {
    s.replyJson(400, "{\"code\":12,\"exception\":\"MissingRankingException\"}");

    assertThat(failingRead()).isInstanceOf(FeedConfigException.class);
  }

  @Test
  void carriesFieldErrors() {
    s.reply(400, "error-input.json");

    InputException e = (InputException) failingRead();

    assertThat(e.exceptionFields())
        .containsExactly(
            Map.entry("actor", List.of("Missing actor")),
            Map.entry("time", List.of("Invalid time", "Time must be UTC")));
    assertThat(e.getMessage()).contains("Missing actor").contains("Errors for fields");
  }

  @Test
  void prefixesFieldErrorsOfBatchItemsWithTheirIndex() {
    s.reply(400, "error-batch-input.json");

    InputException e = (InputException) failingRead();

    assertThat(e.exceptionFields())
        .containsOnly(
            Map.entry("0.verb", List.of("Missing verb")),
            Map.entry("1.object", List.of("Missing object")));
  }

  @Test
  void carriesRateLimitHeadersAndRetryAfter() {
    s.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("X-Ratelimit-Limit", "2000")
            .setHeader("X-Ratelimit-Remaining", "0")
            .setHeader("X-Ratelimit-Reset", "1543604520")
            .setHeader("Retry-After", "30")
            .body("{\"code\":9,\"exception\":\"RateLimitReached\",\"detail\":\"slow down\"}")
            .build());

    RateLimitException e = (RateLimitException) failingRead();

    assertThat(e.rateLimit()).contains(new RateLimit(2000, 0, Instant.ofEpochSecond(1543604520)));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void typesBodilessErrorsByStatus() {
    s.enqueue(new MockResponse.Builder().code(401).build());
    s.enqueue(new MockResponse.Builder().code(429).body("Too Many Requests").build());

    StreamApiException unauthorized = (StreamApiException) failingRead();
    StreamApiException limited = (StreamApiException) failingRead();

    assertThat(unauthorized).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(unauthorized.code()).isZero();
    assertThat(unauthorized.getMessage()).contains("HTTP 401");
    assertThat(limited).isExactlyInstanceOf(RateLimitException.class);
  }

  @Test
  void aNonJsonGatewayErrorIsAnApiError() {
    s.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());

    StreamApiException e = (StreamApiException) failingRead();

    assertThat(e).isExactlyInstanceOf(StreamApiException.class);
    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.getMessage()).contains("HTTP 502 without a Stream error body");
  }

  @Test
  void aSuccessStatusCarryingAnExceptionIsAnError() {
    s.replyJson(200, "{\"code\":4,\"exception\":\"InputException\",\"detail\":\"odd\"}");

    assertThat(failingRead()).isExactlyInstanceOf(InputException.class);
  }

  @Test
  void aFalseExceptionFlagOnSuccessIsNoError() {
    s.replyJson(200, "{\"exception\":false,\"results\":[],\"next\":\"\",\"duration\":\"1ms\"}");

    assertThat(client().feed("user", "1").getActivities().results()).isEmpty();
  }

  @Test
  void anAddAnswerCarryingAnExceptionIsAnError() {
    s.replyJson(200, "{\"id\":\"a1\",\"code\":4,\"exception\":\"InputException\"}");

    assertThat(catchThrowable(() -> client().feed("user", "1").addActivity(activity())))
        .isExactlyInstanceOf(InputException.class);
  }

  @Test
  void aFalseExceptionFlagInAnAddAnswerIsOneOfItsFields() {
    s.replyJson(200, "{\"id\":\"a1\",\"verb\":\"pin\",\"exception\":false,\"n\":1}");

    FeedActivity added = client().feed("user", "1").addActivity(activity());

    assertThat(added.id()).isEqualTo("a1");
    assertThat(added.extra()).isEqualTo(Map.of("exception", false, "n", 1));
  }

  private static NewActivity activity() {
    return NewActivity.builder().actor("User:1").verb("pin").object("Pin:1").build();
  }

  @Test
  void anUnreadableFeedIdInAFollowAnswerIsAStreamError() {
    s.replyJson(200, "{\"results\":[{\"feed_id\":\"nocolon\",\"target_id\":\"user:1\"}]}");

    assertThat(catchThrowable(() -> client().feed("user", "1").followers()))
        .isExactlyInstanceOf(StreamException.class)
        .hasMessageContaining("feed id 'nocolon' must be 'slug:userId'");
  }

  @Test
  void aSuccessStatusWithoutJsonIsAnError() {
    s.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    assertThat(failingRead())
        .isExactlyInstanceOf(StreamApiException.class)
        .hasMessageContaining("GET feed/user/1/ answered HTTP 200 without a JSON object");
  }

  @Test
  void aReadTimeoutIsATransportError() {
    s.enqueue(
        new MockResponse.Builder()
            .headersDelay(5, TimeUnit.SECONDS)
            .body("{\"duration\":\"1ms\"}")
            .build());
    StreamClient impatient =
        s.builder().retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(200)).build();

    StreamTransportException e =
        catchThrowableOfType(
            StreamTransportException.class, () -> impatient.feed("user", "1").getActivities());

    assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
    assertThat(e.getMessage()).startsWith("GET feed/user/1/ failed: ");
  }

  @Test
  void aRefusedConnectionIsATransportError() throws Exception {
    String url = s.baseUrl();
    mock.close();
    StreamClient client =
        StreamClient.builder(StreamServer.KEY, StreamServer.SECRET)
            .baseUrl(url)
            .retryPolicy(RetryPolicy.none())
            .build();

    assertThat(catchThrowable(() -> client.feed("user", "1").follow(FeedId.of("user", "2"))))
        .isInstanceOf(StreamTransportException.class)
        .hasMessageStartingWith("POST feed/user/1/following/ failed");
  }
}
