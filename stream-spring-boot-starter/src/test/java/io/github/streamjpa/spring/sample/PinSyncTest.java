package io.github.streamjpa.spring.sample;

import static org.awaitility.Awaitility.await;

import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.spring.test.AutoConfigureStreamEmulator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** The README's test example, compiled from exactly the README text. */
// README:begin
@SpringBootTest
@AutoConfigureStreamEmulator // an in-memory Stream for this context: no credentials needed
class PinSyncTest {
  @Autowired EmulatorControl stream; // what the emulator stored, and faults to inject
  @Autowired TransactionTemplate transactions;
  @PersistenceContext EntityManager entityManager;

  @Test
  void savedPinReachesItsAuthorsFeed() {
    transactions.executeWithoutResult(
        status -> {
          User ann = new User(42, "ann");
          entityManager.persist(ann);
          entityManager.persist(new Pin(ann, "sunset"));
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stream.feedActivities("user", "42").size() == 1);
  }
}
// README:end
