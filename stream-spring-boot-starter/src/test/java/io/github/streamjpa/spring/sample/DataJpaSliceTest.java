package io.github.streamjpa.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.spring.test.AutoConfigureStreamEmulator;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.test.context.transaction.TestTransaction;

/** The test support in a JPA slice: Stream is configured, pointed at the emulator, injectable. */
@DataJpaTest(properties = "stream.jpa.dispatcher.poll-interval=200ms")
@AutoConfigureStreamEmulator
class DataJpaSliceTest {

  @Autowired EntityManager entityManager;
  @Autowired EmulatorControl stream;
  @Autowired StreamEmulator emulator;
  @Autowired StreamClient client;
  @Autowired FeedManager feeds;

  @Test
  void sliceUsesTheEmulator() {
    assertThat(client.baseUrl()).isEqualTo(emulator.baseUrl() + "/api/v1.0/");
    assertThat(feeds.client()).isSameAs(client);
  }

  @Test
  void committedChangesReachTheEmulator() {
    User author = new User(31, "hana");
    entityManager.persist(author);
    entityManager.persist(new Pin(author, "committed"));
    TestTransaction.flagForCommit();
    TestTransaction.end();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(stream.feedActivities("user", "31"))
                    .singleElement()
                    .satisfies(activity -> assertThat(activity).containsEntry("actor", "User:31")));
  }
}
