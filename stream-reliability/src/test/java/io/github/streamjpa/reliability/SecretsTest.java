package io.github.streamjpa.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.AuthenticationException;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.RetryPolicy;
import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.core.StreamTransportException;
import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.RecordedRequest;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full scenario (entities synced through the outbox, the client, the emulator) with every logger
 * at TRACE and an OkHttp logging interceptor at BODY, failing in every way a call can fail: the API
 * secret is in no log line, no exception and no {@code toString()}.
 */
class SecretsTest {
  private static final Logger HTTP_LOG = LoggerFactory.getLogger("okhttp3.logging");
  private static final String SECRET =
      "rel-secret-" + UUID.randomUUID().toString().replace("-", "");
  private static final String WRONG_SECRET =
      "rel-wrong-" + UUID.randomUUID().toString().replace("-", "");
  private static final String KEY = "reliability-key";

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<RuntimeException> thrown = new ArrayList<>();
  private final List<Object> described = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
  }

  @Test
  void theSecretIsInNoLogLineExceptionOrDescriptionWhileSyncFailsInEveryWay() throws Exception {
    LogCapture capture = LogCapture.everythingAtTrace();
    resources.push(capture);
    StreamEmulator emulator =
        StreamEmulator.start(EmulatorConfig.builder().apiKey(KEY).apiSecret(SECRET).build());
    resources.push(emulator);
    StreamClient client = client(emulator.baseUrl(), SECRET, new RetryPolicy(2, ms(20), ms(50), 0));
    StreamClient once = client.newBuilder().retryPolicy(RetryPolicy.none()).build();
    SessionFactory app = app("secrets", client, Map.of());

    // Success first: posts and a follow reach Stream.
    commitPosts(app, 3);
    app.inTransaction(
        s ->
            s.persist(
                new Subscription(
                    s.getReference(Member.class, 1L), s.getReference(Member.class, 2L))));
    awaitDrained(app);
    assertThat(emulator.control().feedActivities("user", "1")).isNotEmpty();

    // 5xx: the dispatcher retries through them; a direct call gets the error.
    emulator.control().failNext(3, 503);
    commitPosts(app, 2);
    awaitDrained(app);
    emulator.control().failNext(1, 500);
    failure(() -> once.feed("user", "1").getActivities());

    // 401 from the server (a control fault), on a direct call.
    emulator.control().failNext(1, 401);
    failure(() -> once.feed("user", "1").getActivities());

    // Timeouts: answers slower than the client waits.
    emulator.control().latency(ms(1200));
    long retriedBefore = StreamJpa.of(app).outbox().stats().retried();
    commitPosts(app, 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> StreamJpa.of(app).outbox().stats().retried() > retriedBefore);
    failure(() -> once.feed("user", "2").getActivities());
    emulator.control().latency(Duration.ZERO);
    awaitDrained(app);

    // A wrong secret: every call is refused with 401, directly and from a dispatcher.
    StreamClient wrong = client(emulator.baseUrl(), WRONG_SECRET, RetryPolicy.none());
    failure(() -> wrong.feed("user", "1").getActivities());
    failure(
        () ->
            wrong
                .feed("user", "1")
                .addActivity(
                    NewActivity.builder().actor("Member:1").verb("post").object("x").build()));
    failure(
        () ->
            wrong.followMany(
                List.of(new FollowRelation(FeedId.of("timeline", "1"), FeedId.of("user", "3")))));
    long unauthorizedBefore = answered(emulator, 401);
    SessionFactory wrongApp =
        app("secrets_wrong", wrong, Map.of(StreamJpaSettings.MAX_ATTEMPTS, 2));
    commitPosts(wrongApp, 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> answered(emulator, 401) > unauthorizedBefore);

    // A refused connection: nothing listens on the port.
    String nowhere = "http://127.0.0.1:" + closedPort();
    StreamClient refused = client(nowhere, SECRET, new RetryPolicy(2, ms(20), ms(50), 0));
    failure(() -> refused.feed("user", "1").getActivities());
    SessionFactory refusedApp =
        app("secrets_refused", refused, Map.of(StreamJpaSettings.MAX_ATTEMPTS, 2));
    commitPosts(refusedApp, 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> StreamJpa.of(refusedApp).outbox().stats().dead() > 0);

    for (SessionFactory factory : List.of(app, wrongApp, refusedApp)) {
      var outbox = StreamJpa.of(factory).outbox();
      described.add(outbox.stats());
      described.addAll(outbox.deadRows(100));
      described.add(StreamJpa.of(factory).feedManager());
      described.add(factory);
    }
    described.addAll(
        List.of(client, once, wrong, refused, client.newBuilder(), emulator, emulator.config()));
    List<String> lines = capture.lines();

    // The scenario really failed in every way, and the capture really saw everything.
    assertThat(thrown)
        .hasAtLeastOneElementOfType(AuthenticationException.class)
        .anyMatch(e -> e instanceof StreamApiException api && api.httpStatus() == 500)
        .anyMatch(e -> e instanceof StreamApiException api && api.httpStatus() == 401)
        .anyMatch(e -> causedBy(e, StreamTransportException.class, ConnectException.class))
        .anyMatch(e -> causedBy(e, StreamTransportException.class, SocketTimeoutException.class));
    assertThat(answered(emulator, 503)).isPositive();
    assertThat(StreamJpa.of(refusedApp).outbox().deadRows(10))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.lastError()).isNotBlank());
    assertThat(lines).hasSizeGreaterThan(1000);
    assertThat(lines)
        .anyMatch(line -> line.contains(" org.hibernate.SQL "))
        .anyMatch(line -> line.contains(" okhttp3.logging ") && line.contains("Authorization: "))
        .anyMatch(line -> line.contains(" okhttp3.internal"))
        .anyMatch(line -> line.contains(" io.github.streamjpa.jpa"))
        .anyMatch(line -> line.contains(" io.github.streamjpa.core"))
        .anyMatch(line -> line.contains("api_key=" + KEY));

    System.out.printf(
        "checked %d log lines, %d exceptions and %d descriptions%n",
        lines.size(), thrown.size(), described.size());
    for (String secret : List.of(SECRET, WRONG_SECRET)) {
      assertThat(lines).noneMatch(line -> line.contains(secret));
      for (RuntimeException e : thrown) {
        assertThat(String.valueOf(e.getMessage())).doesNotContain(secret);
        assertThat(e.toString()).doesNotContain(secret);
        assertThat(stackTrace(e)).doesNotContain(secret);
      }
      for (Object object : described) {
        assertThat(object.toString()).doesNotContain(secret);
      }
    }
  }

  /** Runs a call that must fail and keeps its exception. */
  private void failure(ThrowingCallable call) {
    RuntimeException e = catchRuntimeException(call);
    assertThat(e).as("the call failed").isNotNull();
    thrown.add(e);
  }

  private StreamClient client(String baseUrl, String secret, RetryPolicy retries) {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(HTTP_LOG::trace);
    logging.setLevel(HttpLoggingInterceptor.Level.BODY);
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(logging).build();
    return StreamClient.builder(KEY, secret)
        .baseUrl(baseUrl)
        .okHttpClient(http)
        .connectTimeout(ms(500))
        .readTimeout(ms(500))
        .retryPolicy(retries)
        .build();
  }

  /** A factory on a new schema, with members 1..3; closed (and the schema dropped) after. */
  private SessionFactory app(String prefix, StreamClient client, Map<String, Object> settings) {
    String schema = Database.get().createSchema(prefix);
    resources.push(() -> Database.get().dropSchema(schema));
    SessionFactory factory = Apps.open(schema, client, "create", settings);
    resources.push(factory);
    Apps.addMembers(factory, 3);
    return factory;
  }

  private static void commitPosts(SessionFactory factory, int count) {
    factory.inTransaction(
        s -> {
          for (int i = 0; i < count; i++) {
            Member author = s.getReference(Member.class, (long) (i % 3) + 1);
            Post post = new Post(author, "post " + i);
            s.persist(post);
            if (i == 0) {
              s.flush();
              post.retitle("post " + i + " edited");
            }
          }
        });
  }

  private static void awaitDrained(SessionFactory factory) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(ms(100))
        .until(() -> StreamJpa.of(factory).outbox().stats().pending() == 0);
    assertThat(StreamJpa.of(factory).outbox().stats().dead()).isZero();
  }

  private static long answered(StreamEmulator emulator, int status) {
    return emulator.control().requests().stream()
        .mapToInt(RecordedRequest::status)
        .filter(s -> s == status)
        .count();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Whether {@code e} is a {@code type} with a {@code cause} somewhere in its causes. */
  private static boolean causedBy(
      Throwable e, Class<? extends Throwable> type, Class<? extends Throwable> cause) {
    if (!type.isInstance(e)) {
      return false;
    }
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (cause.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
