package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.jpa.testing.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DDL shipped in the jar for each supported database creates the table Hibernate's schema
 * tooling creates (same columns, types, nullability and indexes), passes Hibernate's schema
 * validation, and works with the store.
 */
class ShippedDdlTest {

  static List<TestEngine> engines() {
    return TestEngine.available();
  }

  private static OutboxDatabase databaseOf(TestEngine engine) {
    return switch (engine) {
      case POSTGRESQL -> OutboxDatabase.POSTGRESQL;
      case MARIADB, MYSQL -> OutboxDatabase.MYSQL;
      case H2 -> OutboxDatabase.H2;
    };
  }

  @ParameterizedTest
  @MethodSource("engines")
  void shippedDdlCreatesTheTableHibernateCreatesAndTheStoreWorksOnIt(TestEngine engine)
      throws Exception {
    OutboxDatabase database = databaseOf(engine);
    try (TestEngine.Namespace byHibernate = engine.create("ddl_hibernate");
        TestEngine.Namespace byShippedDdl = engine.create("ddl_shipped")) {
      open(byHibernate, "create").close();
      runShippedDdl(byShippedDdl, database);

      Table expected = Table.read(byHibernate);
      Table actual = Table.read(byShippedDdl);
      assertThat(actual.columns).as("columns").isEqualTo(expected.columns);
      assertThat(actual.primaryKey).as("primary key").isEqualTo(expected.primaryKey);
      assertThat(actual.indexes).as("indexes").isEqualTo(expected.indexes);
      assertThat(actual.columns).containsKeys("payload", "lease_until", "claimed_by");
      assertThat(actual.indexes).containsKeys("stream_outbox_due", "stream_outbox_order");

      // Hibernate's validation accepts the table, and the store claims and deletes on it.
      open(byShippedDdl, "validate").close();
      OutboxStore store = new OutboxStore("stream_outbox", connections(byShippedDdl), database);
      Instant now = Instant.parse("2026-01-01T12:00:00Z");
      store.inTransaction(
          c -> {
            store.insert(
                c,
                List.of(
                    new OutboxMessage("Pin:1", OutboxOperation.ADD, "{\"a\":1}"),
                    new OutboxMessage("Pin:1", OutboxOperation.REMOVE, "{}"),
                    new OutboxMessage("Pin:2", OutboxOperation.ADD, "{\"b\":2}")),
                now);
            return null;
          });
      List<OutboxRow> claimed = store.claim("owner", 10, now, Duration.ofMinutes(1));
      assertThat(claimed)
          .extracting(OutboxRow::foreignId, OutboxRow::payload)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Pin:1", "{\"a\":1}"),
              org.assertj.core.groups.Tuple.tuple("Pin:2", "{\"b\":2}"));
      store.delete(claimed.stream().map(OutboxRow::id).toList());
      OutboxStore.PendingSummary summary = store.pending();
      assertThat(summary.pending()).isEqualTo(1);
      assertThat(summary.oldestPending()).isEqualTo(now);
    }
  }

  private static void runShippedDdl(TestEngine.Namespace namespace, OutboxDatabase database)
      throws IOException, SQLException {
    String ddl;
    try (InputStream in =
        ShippedDdlTest.class.getClassLoader().getResourceAsStream(database.ddlResource())) {
      assertThat(in).as(database.ddlResource()).isNotNull();
      ddl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    try (Connection c = namespace.connect();
        Statement s = c.createStatement()) {
      for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }

  private static SessionFactory open(TestEngine.Namespace namespace, String schemaAction) {
    Map<String, Object> settings = new HashMap<>(namespace.hibernateSettings());
    settings.put("hibernate.hbm2ddl.auto", schemaAction);
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("stream-jpa-ddl-" + namespace.name());
    settings.forEach(configuration::property);
    return configuration.createEntityManagerFactory().unwrap(SessionFactory.class);
  }

  private static ConnectionSource connections(TestEngine.Namespace namespace) {
    return new ConnectionSource() {
      @Override
      public Connection obtain() throws SQLException {
        return namespace.connect();
      }

      @Override
      public void release(Connection connection) throws SQLException {
        connection.close();
      }
    };
  }

  /** The outbox table as the JDBC metadata describes it, names lower-cased. */
  private record Table(
      Map<String, String> columns, List<String> primaryKey, Map<String, List<String>> indexes) {

    static Table read(TestEngine.Namespace namespace) throws SQLException {
      try (Connection c = namespace.connect()) {
        DatabaseMetaData meta = c.getMetaData();
        String table = meta.storesUpperCaseIdentifiers() ? "STREAM_OUTBOX" : "stream_outbox";
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        Map<String, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, null)) {
          while (rs.next()) {
            columns.put(
                lower(rs.getString("COLUMN_NAME")),
                lower(rs.getString("TYPE_NAME"))
                    + "("
                    + rs.getInt("COLUMN_SIZE")
                    + ")"
                    + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : ""));
          }
        }
        List<String> primaryKey = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
          while (rs.next()) {
            primaryKey.add(lower(rs.getString("COLUMN_NAME")));
          }
        }
        Map<String, List<String>> indexes = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
          while (rs.next()) {
            String name = rs.getString("INDEX_NAME");
            if (name == null || !rs.getBoolean("NON_UNIQUE")) {
              continue; // the primary key's index, named differently by each database
            }
            List<String> indexColumns =
                indexes.computeIfAbsent(lower(name), k -> new ArrayList<>());
            int position = rs.getInt("ORDINAL_POSITION");
            while (indexColumns.size() < position) {
              indexColumns.add(null);
            }
            indexColumns.set(position - 1, lower(rs.getString("COLUMN_NAME")));
          }
        }
        return new Table(columns, primaryKey, indexes);
      }
    }

    private static String lower(String name) {
      return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
  }
}
