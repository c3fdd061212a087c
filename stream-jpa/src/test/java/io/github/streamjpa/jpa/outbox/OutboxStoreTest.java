package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claim rules of the outbox on PostgreSQL, over the shipped DDL. */
class OutboxStoreTest {

  private final TestDatabase database = TestDatabase.get();
  private OutboxTable table;
  private OutboxStore store;
  private final Instant now = Instant.parse("2026-01-01T12:00:00Z");

  @BeforeEach
  void createTableFromShippedDdl() throws Exception {
    table = new OutboxTable("outbox_store");
    store = table.store();
  }

  @AfterEach
  void drop() {
    table.close();
  }

  @Test
  void claimsOnlyTheOldestPendingRowOfEachForeignId() throws Exception {
    insert(
        msg("Pin:1", OutboxOperation.ADD),
        msg("Pin:1", OutboxOperation.REMOVE),
        msg("Pin:2", OutboxOperation.ADD));
    List<OutboxRow> first = store.claim("a", 10, now, Duration.ofMinutes(1));
    assertThat(first)
        .extracting(OutboxRow::foreignId, OutboxRow::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Pin:1", OutboxOperation.ADD),
            org.assertj.core.groups.Tuple.tuple("Pin:2", OutboxOperation.ADD));
    // While the add is leased, its remove is not claimable by anyone.
    assertThat(store.claim("b", 10, now, Duration.ofMinutes(1))).isEmpty();
    store.delete(List.of(first.get(0).id()));
    assertThat(store.claim("b", 10, now, Duration.ofMinutes(1)))
        .extracting(OutboxRow::operation)
        .containsExactly(OutboxOperation.REMOVE);
  }

  @Test
  void concurrentClaimersNeverGetTheSameRow() throws Exception {
    List<OutboxMessage> messages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      messages.add(msg("Pin:" + i, OutboxOperation.ADD));
    }
    insert(messages.toArray(OutboxMessage[]::new));
    List<Long> claimed = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String owner = "owner" + t;
      threads.add(
          new Thread(
              () -> {
                try {
                  List<OutboxRow> rows;
                  while (!(rows = store.claim(owner, 7, now, Duration.ofMinutes(1))).isEmpty()) {
                    rows.forEach(r -> claimed.add(r.id()));
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void expiredLeaseMakesARowClaimableAgain() throws Exception {
    insert(msg("Pin:1", OutboxOperation.ADD));
    assertThat(store.claim("a", 10, now, Duration.ofSeconds(30))).hasSize(1);
    assertThat(store.claim("b", 10, now.plusSeconds(29), Duration.ofSeconds(30))).isEmpty();
    assertThat(store.claim("b", 10, now.plusSeconds(31), Duration.ofSeconds(30))).hasSize(1);
  }

  @Test
  void rescheduledRowWaitsAndParkedRowNeedsARedrive() throws Exception {
    insert(msg("Pin:1", OutboxOperation.ADD), msg("Pin:2", OutboxOperation.ADD));
    List<OutboxRow> rows = store.claim("a", 10, now, Duration.ofMinutes(1));
    store.reschedule("a", rows.get(0).id(), 1, now.plusSeconds(10), "HTTP 503");
    store.park("a", rows.get(1).id(), 1, "HTTP 400 InputException (code 4): bad");
    assertThat(store.claim("a", 10, now.plusSeconds(5), Duration.ofMinutes(1))).isEmpty();
    assertThat(store.claim("a", 10, now.plusSeconds(11), Duration.ofMinutes(1)))
        .extracting(OutboxRow::foreignId, OutboxRow::attempts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Pin:1", 1));
    assertThat(store.deadRows(10))
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.foreignId()).isEqualTo("Pin:2");
              assertThat(dead.lastError()).contains("HTTP 400");
              assertThat(dead.attempts()).isEqualTo(1);
            });
    assertThat(store.pending().dead()).isEqualTo(1);
    assertThat(store.redrive(null, now.plusSeconds(20))).isEqualTo(1);
    assertThat(store.claim("a", 10, now.plusSeconds(20), Duration.ofMinutes(1)))
        .extracting(OutboxRow::foreignId, OutboxRow::attempts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Pin:2", 0));
  }

  @Test
  void shippedDdlMatchesTheTableHibernateCreates() throws Exception {
    Map<String, String> shipped = columns(table.schema());
    String managed;
    try (var fixture = new io.github.streamjpa.jpa.testing.JpaFixture("outbox_ddl")) {
      managed = fixture.schema();
      var client = io.github.streamjpa.jpa.testing.TestClients.unreachable();
      try (var factory =
          fixture.open(
              "create",
              Map.of(
                  StreamJpaSettings.CLIENT, client, StreamJpaSettings.DISPATCHER_ENABLED, false))) {
        assertThat(columns(managed)).isEqualTo(shipped);
      }
    }
  }

  private Map<String, String> columns(String inSchema) throws SQLException {
    Map<String, String> columns = new TreeMap<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select column_name, data_type, is_nullable, character_maximum_length"
                    + " from information_schema.columns where table_schema = '"
                    + inSchema
                    + "' and table_name = 'stream_outbox'")) {
      while (rs.next()) {
        columns.put(
            rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
      }
    }
    return columns;
  }

  private void insert(OutboxMessage... messages) throws SQLException {
    table.insert(now.minusSeconds(1), messages);
  }

  private static OutboxMessage msg(String foreignId, OutboxOperation operation) {
    return new OutboxMessage(foreignId, operation, "{}");
  }
}
