package io.github.streamjpa.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of the reliability tests and the soak: the one named by {@code
 * STREAM_TEST_JDBC_URL}, otherwise a Testcontainers {@code postgres:15} when Docker works; with
 * neither, {@link #get()} fails with a message naming both. Each user works in a schema of its own.
 */
final class Database {
  static final String URL_VARIABLE = "STREAM_TEST_JDBC_URL";

  private final String url;
  private final Properties credentials = new Properties();

  private Database(String url, String user, String password) {
    this.url = url;
    if (user != null) {
      credentials.setProperty("user", user);
      credentials.setProperty("password", password);
    }
  }

  static Database get() {
    return Holder.INSTANCE;
  }

  /**
   * The value of {@code STREAM_TEST_JDBC_URL} that makes another JVM use this same server, with the
   * credentials of a Testcontainers server in the URL.
   */
  String urlForAnotherJvm() {
    StringBuilder full = new StringBuilder(url);
    credentials.forEach(
        (key, value) ->
            full.append(full.indexOf("?") < 0 ? '?' : '&').append(key).append('=').append(value));
    return full.toString();
  }

  /** The JDBC URL whose connections use {@code schema}. */
  String url(String schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(url(schema), credentials);
  }

  /** Creates a new schema named {@code prefix_<random>} and returns its name. */
  String createSchema(String prefix) {
    String schema = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    execute("create schema " + schema);
    return schema;
  }

  void dropSchema(String schema) {
    execute("drop schema if exists " + schema + " cascade");
  }

  /** Whether the server runs autovacuum, which keeps the planner's statistics fresh. */
  boolean autovacuum() {
    try (Connection connection = DriverManager.getConnection(url, credentials);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("show autovacuum")) {
      result.next();
      return result.getString(1).equals("on");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the autovacuum setting", e);
    }
  }

  /** Refreshes the planner's statistics of every table in {@code schema}, as autovacuum would. */
  void analyze(String schema) {
    try (Connection connection = connect(schema);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet result =
          statement.executeQuery(
              "select table_name from information_schema.tables where table_schema = '"
                  + schema
                  + "'")) {
        while (result.next()) {
          tables.add(result.getString(1));
        }
      }
      for (String table : tables) {
        statement.execute("analyze " + schema + "." + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot analyze the tables of schema " + schema, e);
    }
  }

  /** Hibernate connection settings for {@code schema}. */
  Map<String, Object> hibernateSettings(String schema) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.url", url(schema));
    credentials.forEach((key, value) -> settings.put("hibernate.connection." + key, value));
    settings.put("hibernate.default_schema", schema);
    return settings;
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(url, credentials);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed on the test database: " + sql, e);
    }
  }

  private static Database resolve() {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new Database(url.strip(), null, null);
    }
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    if (!docker) {
      throw new IllegalStateException(
          "stream-reliability needs PostgreSQL: set "
              + URL_VARIABLE
              + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or make Docker"
              + " available for Testcontainers (postgres:15); neither is available");
    }
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:15");
    container.start();
    return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  private static final class Holder {
    static final Database INSTANCE = resolve();
  }
}
