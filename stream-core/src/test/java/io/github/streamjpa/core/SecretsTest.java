package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With every logger at TRACE (the client's through slf4j, OkHttp's and MockWebServer's through
 * java.util.logging, and an application's own OkHttp wire log at BODY level), a scenario that
 * succeeds and fails in every way a call can fail leaks the API secret nowhere: no log line, no
 * exception message or stack trace, no {@code toString()}, no token or URL.
 */
class SecretsTest {
  static final String UNAVAILABLE =
      "{\"code\":-1,\"detail\":\"try later\",\"exception\":\"ServiceUnavailable\","
          + "\"status_code\":503,\"duration\":\"1ms\"}";
  static final String BAD_SIGNATURE =
      "{\"code\":3,\"detail\":\"signature is invalid\",\"exception\":\"SignatureException\","
          + "\"status_code\":401,\"duration\":\"1ms\"}";

  @StartStop final MockWebServer mock = new MockWebServer();
  final StreamServer s = new StreamServer(mock);

  /** slf4j-simple writes to whatever System.err is when it logs. */
  final ByteArrayOutputStream slf4jOutput = new ByteArrayOutputStream();

  final List<String> julLines = Collections.synchronizedList(new ArrayList<>());
  final List<String> wireLines = Collections.synchronizedList(new ArrayList<>());
  final List<String> redactedWireLines = Collections.synchronizedList(new ArrayList<>());

  final Logger julRoot = Logger.getLogger("");
  final Handler julCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          StringWriter text = new StringWriter();
          text.append(record.getLoggerName()).append(' ');
          text.append(new java.util.logging.SimpleFormatter().formatMessage(record));
          if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
          }
          julLines.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  PrintStream originalErr;
  Level originalRootLevel;

  @BeforeEach
  void captureEveryLoggerAtTrace() {
    originalErr = System.err;
    System.setErr(new PrintStream(slf4jOutput, true, StandardCharsets.UTF_8));
    originalRootLevel = julRoot.getLevel();
    julRoot.setLevel(Level.ALL);
    julCapture.setLevel(Level.ALL);
    julRoot.addHandler(julCapture);
  }

  @AfterEach
  void restoreLogging() {
    julRoot.removeHandler(julCapture);
    julRoot.setLevel(originalRootLevel);
    System.setErr(originalErr);
  }

  static NewActivity unsafeAdd() {
    return NewActivity.builder().actor("User:1").verb("pin").object("Place:1").build();
  }

  @Test
  void theSecretAppearsInNoLogLineMessageOrToString() throws Exception {
    HttpLoggingInterceptor wireLog = new HttpLoggingInterceptor(wireLines::add);
    wireLog.setLevel(HttpLoggingInterceptor.Level.BODY);
    StreamClient client =
        s.builder()
            .okHttpClient(new OkHttpClient.Builder().addInterceptor(wireLog).build())
            .readTimeout(Duration.ofMillis(300))
            .build();
    Feed feed = client.feed("user", "1");
    List<Throwable> failures = new ArrayList<>();

    s.reply("activity-response.json");
    feed.addActivity(unsafeAdd());
    s.replyJson(401, BAD_SIGNATURE);
    failures.add(catchThrowable(feed::getActivities));
    s.replyJson(503, UNAVAILABLE).replyJson(503, UNAVAILABLE).replyJson(503, UNAVAILABLE);
    failures.add(catchThrowable(feed::getActivities));
    s.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build());
    failures.add(catchThrowable(() -> feed.addActivity(unsafeAdd())));
    StreamClient refused = client.newBuilder().baseUrl("http://127.0.0.1:" + closedPort()).build();
    failures.add(catchThrowable(() -> refused.feed("user", "1").getActivities()));

    HttpLoggingInterceptor redactingLog = new HttpLoggingInterceptor(redactedWireLines::add);
    redactingLog.setLevel(HttpLoggingInterceptor.Level.HEADERS);
    redactingLog.redactHeader("Authorization");
    s.reply("flat-feed-response.json");
    s.builder()
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(redactingLog).build())
        .build()
        .feed("user", "1")
        .getActivities();

    List<String> outputs =
        List.of(
            client.userToken("alice", Map.of("role", "editor")),
            feed.token(),
            feed.token(Duration.ofMinutes(15)),
            feed.readOnlyToken(Duration.ofMinutes(15)),
            client.redirectUrl("https://example.com/", "alice", List.of()),
            client.toString(),
            client.newBuilder().toString(),
            StreamClient.builder(StreamServer.KEY, StreamServer.SECRET).toString(),
            feed.toString(),
            refused.toString(),
            unsafeAdd().toString());

    // Every way of failing happened, and each logger was heard from.
    assertThat(failures.get(0)).isInstanceOf(AuthenticationException.class);
    assertThat(failures.get(1)).isInstanceOf(StreamApiException.class).hasMessageContaining("503");
    assertThat(failures.get(2))
        .isInstanceOf(StreamTransportException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(failures.get(3))
        .isInstanceOf(StreamTransportException.class)
        .hasCauseInstanceOf(ConnectException.class);
    List<String> slf4jLines = slf4jOutput.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(slf4jLines)
        .anyMatch(line -> line.contains("GET feed/user/1/ -> 401"))
        .anyMatch(line -> line.contains("retry 2 of 2"));
    assertThat(julLines)
        .anyMatch(line -> line.startsWith("okhttp3."))
        .anyMatch(line -> line.startsWith("mockwebserver3."));
    assertThat(wireLines).anyMatch(line -> line.startsWith("Authorization: ey"));
    assertThat(redactedWireLines)
        .contains("Authorization: ██")
        .noneMatch(line -> line.contains("ey") && line.startsWith("Authorization"));

    for (String secret : secretForms()) {
      assertThat(slf4jLines).noneMatch(line -> line.contains(secret));
      assertThat(julLines).noneMatch(line -> line.contains(secret));
      assertThat(wireLines).noneMatch(line -> line.contains(secret));
      assertThat(outputs).noneMatch(text -> text.contains(secret));
      for (Throwable failure : failures) {
        assertThat(failure.getMessage()).doesNotContain(secret);
        assertThat(failure.toString()).doesNotContain(secret);
        assertThat(stackTrace(failure)).doesNotContain(secret);
      }
    }
  }

  /** The secret as written and in the Base64 forms a careless encoder could produce. */
  static List<String> secretForms() {
    byte[] raw = StreamServer.SECRET.getBytes(StandardCharsets.UTF_8);
    return List.of(
        StreamServer.SECRET,
        Base64.getEncoder().withoutPadding().encodeToString(raw),
        Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
  }

  static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
