package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamClientTest {
  @StartStop final MockWebServer mock = new MockWebServer();
  final StreamServer s = new StreamServer(mock);

  @ParameterizedTest(name = "location {0} -> {1}")
  @CsvSource({
    "us-east, https://us-east-api.stream-io-api.com/api/v1.0/",
    "eu-west, https://eu-west-api.stream-io-api.com/api/v1.0/",
    "singapore, https://singapore-api.stream-io-api.com/api/v1.0/",
    "EU-West, https://eu-west-api.stream-io-api.com/api/v1.0/",
    "us-east-api, https://us-east-api.stream-io-api.com/api/v1.0/",
    "stream-io-api, https://api.stream-io-api.com/api/v1.0/",
  })
  void mapsLocationsToHosts(String location, String url) {
    assertThat(StreamClient.builder("k", "s").location(location).build().baseUrl()).isEqualTo(url);
  }

  @Test
  void usesTheDefaultHostWithoutLocation() {
    assertThat(StreamClient.connect("k", "s").baseUrl())
        .isEqualTo("https://api.stream-io-api.com/api/v1.0/");
  }

  @ParameterizedTest(name = "base URL {0} -> {1}")
  @CsvSource({
    "http://127.0.0.1:8000, http://127.0.0.1:8000/api/v1.0/",
    "http://127.0.0.1:8000/, http://127.0.0.1:8000/api/v1.0/",
    "http://localhost:8000/api/v1.0, http://localhost:8000/api/v1.0/",
    "https://proxy.example/stream/, https://proxy.example/stream/api/v1.0/",
  })
  void appendsTheApiPathToABaseUrl(String base, String url) {
    assertThat(StreamClient.builder("k", "s").baseUrl(base).build().baseUrl()).isEqualTo(url);
  }

  @Test
  void readsAHerokuStyleStreamUrl() {
    StreamClient client =
        EnvironmentConfig.builder(
                Map.of("STREAM_URL", "https://key1:sec%2Fret@us-east.stream-io-api.com/?app_id=7"))
            .build();

    assertThat(client.apiKey()).isEqualTo("key1");
    assertThat(client.baseUrl()).isEqualTo("https://us-east-api.stream-io-api.com/api/v1.0/");
    assertThat(client.feed("user", "1").token())
        .isEqualTo(StreamClient.connect("key1", "sec/ret").feed("user", "1").token());
  }

  @Test
  void readsAStreamUrlWithoutLocationOrPointingAtALocalServer() {
    assertThat(
            EnvironmentConfig.builder(
                    Map.of("STREAM_URL", "https://k:s@stream-io-api.com/?app_id=1"))
                .build()
                .baseUrl())
        .isEqualTo("https://api.stream-io-api.com/api/v1.0/");
    assertThat(
            EnvironmentConfig.builder(Map.of("STREAM_URL", "http://k:s@127.0.0.1:8000/"))
                .build()
                .baseUrl())
        .isEqualTo("http://127.0.0.1:8000/api/v1.0/");
  }

  @Test
  void readsKeySecretAndLocationVariables() {
    StreamClient client =
        EnvironmentConfig.builder(
                Map.of(
                    "STREAM_API_KEY", "key2",
                    "STREAM_API_SECRET", "secret2",
                    "STREAM_LOCATION", "singapore"))
            .build();

    assertThat(client.apiKey()).isEqualTo("key2");
    assertThat(client.baseUrl()).isEqualTo("https://singapore-api.stream-io-api.com/api/v1.0/");
  }

  @Test
  void namesTheMissingVariables() {
    assertThat(catchThrowable(() -> EnvironmentConfig.builder(Map.of("STREAM_API_KEY", "k"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "set STREAM_URL, or STREAM_API_KEY and STREAM_API_SECRET (missing: STREAM_API_SECRET)");
  }

  @Test
  void aMalformedStreamUrlNeverEchoesTheSecret() {
    Throwable thrown =
        catchThrowable(
            () ->
                EnvironmentConfig.builder(
                    Map.of("STREAM_URL", "https://onlykey" + StreamServer.SECRET + "@host/")));

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("STREAM_URL must look like https://<key>:<secret>@");
    assertThat(thrown.getMessage()).doesNotContain(StreamServer.SECRET);
  }

  @Test
  void neverShowsTheSecretInToString() {
    StreamClient client = s.client();

    assertThat(client.toString()).contains(StreamServer.KEY).doesNotContain(StreamServer.SECRET);
    assertThat(StreamClient.builder(StreamServer.KEY, StreamServer.SECRET).toString())
        .doesNotContain(StreamServer.SECRET);
    assertThat(client.feed("user", "1").toString()).isEqualTo("Feed{user:1}");
  }

  @Test
  void neverLogsTheSecret() {
    s.replyJson(503, "{}").replyJson(200, "{\"results\":[],\"next\":\"\",\"duration\":\"1ms\"}");
    s.replyJson(400, "{\"code\":4,\"exception\":\"InputException\",\"detail\":\"bad\"}");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Throwable failure;
    try {
      StreamClient client = s.client();
      client.feed("user", "1").getActivities();
      failure = catchThrowable(() -> client.feed("user", "1").getActivities());
    } finally {
      System.setErr(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("GET /api/v1.0/feed/user/1/ failed (HTTP 503); retry 1 of 2 in 180 ms")
        .contains("GET feed/user/1/ -> 200")
        .contains("GET feed/user/1/ -> 400");
    assertThat(log).doesNotContain(StreamServer.SECRET);
    assertThat(failure.getMessage()).doesNotContain(StreamServer.SECRET);
  }

  @Test
  void newBuilderSharesTheConnectionPool() {
    StreamClient client = s.client();
    StreamClient faster = client.newBuilder().readTimeout(Duration.ofMillis(1500)).build();

    assertThat(faster.okHttpClient().connectionPool())
        .isSameAs(client.okHttpClient().connectionPool());
    assertThat(faster.okHttpClient().dispatcher()).isSameAs(client.okHttpClient().dispatcher());
    assertThat(faster.okHttpClient().readTimeoutMillis()).isEqualTo(1500);
    assertThat(faster.okHttpClient().interceptors())
        .hasSameSizeAs(client.okHttpClient().interceptors());
    assertThat(faster.baseUrl()).isEqualTo(client.baseUrl());
  }

  @Test
  void appliesTimeoutsAndDefaults() {
    StreamClient defaults = StreamClient.connect("k", "s");
    StreamClient custom =
        StreamClient.builder("k", "s")
            .connectTimeout(Duration.ofMillis(100))
            .readTimeout(Duration.ofMillis(200))
            .writeTimeout(Duration.ofMillis(300))
            .callTimeout(Duration.ofMillis(400))
            .build();

    assertThat(defaults.okHttpClient().connectTimeoutMillis()).isEqualTo(3000);
    assertThat(defaults.okHttpClient().readTimeoutMillis()).isEqualTo(6000);
    assertThat(defaults.okHttpClient().callTimeoutMillis()).isZero();
    assertThat(custom.okHttpClient().connectTimeoutMillis()).isEqualTo(100);
    assertThat(custom.okHttpClient().readTimeoutMillis()).isEqualTo(200);
    assertThat(custom.okHttpClient().writeTimeoutMillis()).isEqualTo(300);
    assertThat(custom.okHttpClient().callTimeoutMillis()).isEqualTo(400);
  }

  @Test
  void sendsThroughTheCallersOkHttpClientKeepingItsTimeouts() {
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient own =
        new OkHttpClient.Builder()
            .readTimeout(Duration.ofMillis(4321))
            .addInterceptor(
                chain -> {
                  seen.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
    s.replyDuration();

    StreamClient client =
        StreamClient.builder(StreamServer.KEY, StreamServer.SECRET)
            .baseUrl(s.baseUrl())
            .okHttpClient(own)
            .build();
    client.feed("user", "1").follow(FeedId.of("user", "2"));

    assertThat(seen).hasValue(1);
    assertThat(client.okHttpClient().readTimeoutMillis()).isEqualTo(4321);
    assertThat(client.okHttpClient().connectionPool()).isSameAs(own.connectionPool());
    s.take().is("POST", "/api/v1.0/feed/user/1/following/", "follower", "write", "user1");
  }

  /** A caller's own type for activities. */
  record Pin(
      String id,
      String actor,
      Instant time,
      @JsonProperty("foreign_id") String foreignId,
      List<String> to,
      Course course,
      double score) {}

  record Course(String name, int distance) {}

  static final FeedActivity STORED =
      new FeedActivity(
          "id-1",
          "User:1",
          "pin",
          "Place:42",
          null,
          Instant.parse("2026-11-27T21:05:23.864038Z"),
          "Pin:7",
          List.of("user:3"),
          null,
          Map.of("course", Map.of("name", "Golden Gate", "distance", 10), "score", 1.5));

  @Test
  void convertsAnActivityOntoTheCallersClass() {
    Pin pin = StreamClient.connect("k", "s").convert(STORED, Pin.class);

    assertThat(pin)
        .isEqualTo(
            new Pin(
                "id-1",
                "User:1",
                Instant.parse("2026-11-27T21:05:23.864038Z"),
                "Pin:7",
                List.of("user:3"),
                new Course("Golden Gate", 10),
                1.5));
  }

  record SnakePin(String foreignId, Instant time) {}

  @Test
  void convertsWithTheCallersObjectMapper() {
    ObjectMapper snake =
        new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    SnakePin pin =
        StreamClient.builder("k", "s").objectMapper(snake).build().convert(STORED, SnakePin.class);

    assertThat(pin.foreignId()).isEqualTo("Pin:7");
    assertThat(pin.time()).isEqualTo(STORED.time());
  }
}
