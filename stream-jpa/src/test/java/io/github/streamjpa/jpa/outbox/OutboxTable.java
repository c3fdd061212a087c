package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * An outbox table created from the shipped DDL in a schema of its own, with an {@link OutboxStore}
 * over it that opens a connection per transaction.
 */
final class OutboxTable implements AutoCloseable {

  private static final String DDL = "/META-INF/stream-jpa/outbox-postgresql.sql";

  private final TestDatabase database = TestDatabase.get();
  private final String schema;
  private final OutboxStore store;

  /** Creates a fresh schema named after {@code prefix} and runs the shipped DDL in it. */
  OutboxTable(String prefix) throws SQLException {
    schema = database.createSchema(prefix);
    try (Connection c = database.connect(schema);
        Statement s = c.createStatement()) {
      for (String statement : shippedDdl().split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
    store =
        new OutboxStore(
            "stream_outbox",
            new ConnectionSource() {
              @Override
              public Connection obtain() throws SQLException {
                return database.connect(schema);
              }

              @Override
              public void release(Connection connection) throws SQLException {
                connection.close();
              }
            });
  }

  /** Returns the schema holding the table. */
  String schema() {
    return schema;
  }

  /** Returns the store over the table. */
  OutboxStore store() {
    return store;
  }

  /** Inserts pending rows created at {@code now}, in a transaction of their own. */
  void insert(Instant now, OutboxMessage... messages) throws SQLException {
    store.inTransaction(
        c -> {
          store.insert(c, List.of(messages), now);
          return null;
        });
  }

  /** Returns the shipped PostgreSQL DDL without its comment lines. */
  static String shippedDdl() {
    try (InputStream in = OutboxTable.class.getResourceAsStream(DDL)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(DDL, e);
    }
  }

  /** Drops the schema. */
  @Override
  public void close() {
    database.dropSchema(schema);
  }
}
