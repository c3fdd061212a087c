package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.StreamApiException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher loop over a real outbox table, with a recording sender in place of Stream. */
class OutboxDispatcherTest {

  private OutboxTable table;
  private OutboxStore store;
  private final List<OutboxDispatcher> dispatchers = new ArrayList<>();

  @BeforeEach
  void createTable() throws Exception {
    table = new OutboxTable("outbox_dispatch");
    store = table.store();
  }

  @AfterEach
  void drop() {
    dispatchers.forEach(OutboxDispatcher::close);
    table.close();
  }

  private OutboxDispatcher start(OutboxSender sender, int maxAttempts) {
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            store,
            sender,
            new DispatcherConfig(
                10,
                maxAttempts,
                Duration.ofSeconds(30),
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                Duration.ofMinutes(1),
                Duration.ofSeconds(10)),
            Clock.systemUTC(),
            "test");
    dispatchers.add(dispatcher);
    dispatcher.start();
    return dispatcher;
  }

  private void insert(OutboxMessage... messages) throws SQLException {
    table.insert(Clock.systemUTC().instant(), messages);
  }

  private static OutboxMessage add(String foreignId) {
    return new OutboxMessage(foreignId, OutboxOperation.ADD, "{}");
  }

  /** Records every row it is given; fails those the function says should fail. */
  private static final class RecordingSender implements OutboxSender {
    final List<OutboxRow> sent = Collections.synchronizedList(new ArrayList<>());
    final Function<OutboxRow, RuntimeException> failure;

    RecordingSender(Function<OutboxRow, RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public Map<Long, RuntimeException> send(List<OutboxRow> rows) {
      Map<Long, RuntimeException> failures = new HashMap<>();
      for (OutboxRow row : rows) {
        sent.add(row);
        RuntimeException e = failure.apply(row);
        if (e != null) {
          failures.put(row.id(), e);
        }
      }
      return failures;
    }
  }

  private static StreamApiException status(int status) {
    return new StreamApiException(status, 0, "Test", "status " + status, null, null, null);
  }

  @Test
  void wakeSendsRowsWithoutWaitingForThePollInterval() throws Exception {
    RecordingSender sender = new RecordingSender(row -> null);
    OutboxDispatcher dispatcher = start(sender, 3);
    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.stats().pending() == 0);
    insert(add("Pin:1"), add("Pin:2"));
    dispatcher.wake();
    // The poll interval is 30 s: delivery within the wait proves the wake-up worked.
    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.stats().sent() == 2);
    assertThat(dispatcher.stats().pending()).isZero();
  }

  @Test
  void retriesWithBackoffThenParksAfterMaxAttempts() throws Exception {
    RecordingSender sender =
        new RecordingSender(row -> row.foreignId().equals("Pin:bad") ? status(503) : null);
    OutboxDispatcher dispatcher = start(sender, 4);
    insert(add("Pin:bad"), add("Pin:good"));
    dispatcher.wake();
    await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.stats().dead() == 1);
    assertThat(sender.sent.stream().filter(r -> r.foreignId().equals("Pin:bad"))).hasSize(4);
    assertThat(dispatcher.stats().retried()).isEqualTo(3);
    assertThat(dispatcher.stats().sent()).isEqualTo(1);
    assertThat(store.deadRows(5))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.attempts()).isEqualTo(4);
              assertThat(row.lastError()).isEqualTo("HTTP 503 Test (code 0): status 503");
            });
  }

  @Test
  void badRequestIsParkedAtTheFirstAttempt() throws Exception {
    RecordingSender sender =
        new RecordingSender(row -> row.foreignId().equals("Pin:bad") ? status(400) : null);
    OutboxDispatcher dispatcher = start(sender, 10);
    insert(add("Pin:bad"), add("Pin:good"));
    dispatcher.wake();
    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.stats().dead() == 1);
    assertThat(sender.sent).hasSize(2);
    assertThat(dispatcher.stats().retried()).isZero();
  }

  @Test
  void removeWaitsUntilItsAddIsDelivered() throws Exception {
    List<OutboxOperation> order = Collections.synchronizedList(new ArrayList<>());
    int[] failuresLeft = {3};
    OutboxSender sender =
        rows -> {
          Map<Long, RuntimeException> failures = new HashMap<>();
          for (OutboxRow row : rows) {
            if (row.operation() == OutboxOperation.ADD && failuresLeft[0]-- > 0) {
              failures.put(row.id(), status(503));
            } else {
              order.add(row.operation());
            }
          }
          return failures;
        };
    OutboxDispatcher dispatcher = start(sender, 10);
    insert(add("Pin:1"), new OutboxMessage("Pin:1", OutboxOperation.REMOVE, "{}"));
    dispatcher.wake();
    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.stats().sent() == 2);
    assertThat(order).containsExactly(OutboxOperation.ADD, OutboxOperation.REMOVE);
  }

  @Test
  void closeWaitsForTheInFlightBatchAndRecordsIt() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    OutboxSender slow =
        rows -> {
          sending.countDown();
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Map.of();
        };
    OutboxDispatcher dispatcher = start(slow, 3);
    insert(add("Pin:1"), add("Pin:2"), add("Pin:3"));
    dispatcher.wake();
    assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
    dispatcher.close();
    assertThat(dispatcher.stats().sent()).isEqualTo(3);
    assertThat(dispatcher.stats().pending()).isZero();
  }
}
