package io.github.streamjpa.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.jpa.outbox.Outbox;
import io.github.streamjpa.spring.test.AutoConfigureStreamEmulator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sample application over real HTTP with the embedded emulator of the test support: the
 * controller reads an enriched timeline, and the outbox meters, health and endpoint tell what sync
 * did. Run on each database by a subclass.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.jpa.hibernate.ddl-auto=create-drop",
      "spring.jpa.open-in-view=false",
      "stream.jpa.dispatcher.poll-interval=200ms",
      "stream.jpa.dispatcher.initial-backoff=50ms",
      "management.endpoints.web.exposure.include=health,metrics,streamoutbox",
      "management.endpoint.health.show-details=always"
    })
@AutoConfigureStreamEmulator
abstract class SampleApplicationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired TransactionTemplate transactions;
  @PersistenceContext EntityManager entityManager;
  @Autowired FollowService follows;
  @Autowired EmulatorControl stream;
  @Autowired Outbox outbox;

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void controllerReadsTheEnrichedTimelineOfFollowedUsers() {
    long alice = newUser("alice");
    long bob = newUser("bob");
    follows.follow(alice, bob);
    long pin = newPin(bob, "sunset");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Http.Answer answer = http.get("/users/" + alice + "/timeline");
              assertThat(answer.status()).isEqualTo(200);
              assertThat(answer.json().get("pins").toString()).isEqualTo("[\"bob: sunset\"]");
            });
    assertThat(stream.feedActivities("timeline", String.valueOf(alice)))
        .singleElement()
        .satisfies(activity -> assertThat(activity).containsEntry("object", "Pin:" + pin));
  }

  @Test
  void badCursorIsRefusedWithA400NamingIt() {
    String cursor = URLEncoder.encode("not an id", StandardCharsets.UTF_8);
    Http.Answer answer = http.get("/users/1/timeline?cursor=" + cursor);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("cursor 'not an id' must be an activity or group id");
  }

  @Test
  void metersCountOutboxRowsAndClientCalls() {
    long carol = newUser("carol");
    newPin(carol, "lake");
    awaitDrained();

    assertThat(measurement("stream.outbox.sent")).isGreaterThanOrEqualTo(1);
    assertThat(measurement("stream.outbox.pending")).isZero();
    assertThat(measurement("stream.outbox.oldest.pending.age")).isZero();
    assertThat(measurement("stream.outbox.dead")).isGreaterThanOrEqualTo(0);
    assertThat(measurement("stream.outbox.retried")).isGreaterThanOrEqualTo(0);
    JsonNode adds =
        http.get(
                "/actuator/metrics/stream.client.requests?tag=operation:"
                    + URLEncoder.encode("POST feed/{slug}/{user}", StandardCharsets.UTF_8)
                    + "&tag=outcome:SUCCESS")
            .json();
    assertThat(statistic(adds, "COUNT")).isGreaterThanOrEqualTo(1);
    assertThat(statistic(adds, "TOTAL_TIME")).isPositive();
  }

  @Test
  void healthGoesDownOnADeadRowAndTheEndpointRedrivesIt() {
    long dave = newUser("dave");
    awaitDrained();
    assertThat(http.get("/actuator/health/streamOutbox").json().get("status").asText())
        .isEqualTo("UP");

    stream.failNext(1, 400); // Stream refuses the add as bad data: the row is parked as dead
    long pin = newPin(dave, "storm");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode health = http.get("/actuator/health/streamOutbox").json();
              assertThat(health.get("status").asText()).isEqualTo("DOWN");
              assertThat(health.get("details").get("dead").asLong()).isEqualTo(1);
              assertThat(health.get("details").get("reason").asText())
                  .contains("stream.health.max-dead-rows");
            });
    JsonNode report = http.get("/actuator/streamoutbox").json();
    JsonNode dead = report.get("deadRows").get(0);
    assertThat(dead.get("foreignId").asText()).isEqualTo("Pin:" + pin);
    assertThat(dead.get("lastError").asText()).contains("400");

    Http.Answer redrive = http.post("/actuator/streamoutbox/" + dead.get("id").asLong());

    assertThat(redrive.status()).isEqualTo(200);
    assertThat(redrive.json().get("redriven").asInt()).isEqualTo(1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(http.get("/actuator/health/streamOutbox").json().get("status").asText())
                  .isEqualTo("UP");
              assertThat(stream.feedActivities("user", String.valueOf(dave))).hasSize(1);
            });
  }

  private long newUser(String name) {
    long id = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    transactions.executeWithoutResult(status -> entityManager.persist(new User(id, name)));
    return id;
  }

  private long newPin(long authorId, String title) {
    return transactions.execute(
        status -> {
          Pin pin = new Pin(entityManager.find(User.class, authorId), title);
          entityManager.persist(pin);
          entityManager.flush();
          return (Long)
              entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(pin);
        });
  }

  private void awaitDrained() {
    await().atMost(WAIT).until(() -> outbox.stats().pending() == 0);
  }

  private double measurement(String meter) {
    Http.Answer answer = http.get("/actuator/metrics/" + meter);
    assertThat(answer.status()).as(meter).isEqualTo(200);
    JsonNode measurements = answer.json().get("measurements");
    assertThat(measurements).as(meter).hasSize(1);
    return measurements.get(0).get("value").asDouble();
  }

  private static double statistic(JsonNode metric, String statistic) {
    for (JsonNode measurement : metric.get("measurements")) {
      if (measurement.get("statistic").asText().equals(statistic)) {
        return measurement.get("value").asDouble();
      }
    }
    throw new AssertionError("no " + statistic + " in " + metric);
  }
}
