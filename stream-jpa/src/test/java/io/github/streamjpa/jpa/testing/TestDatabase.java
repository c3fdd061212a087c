package io.github.streamjpa.jpa.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the stream-jpa tests run on: the one named by {@code STREAM_TEST_JDBC_URL}
 * when set, otherwise a Testcontainers {@code postgres:15} when Docker works; with neither, {@link
 * #get()} fails with an {@link IllegalStateException} naming both options.
 *
 * <p>Tests never depend on a clean database: each test class works in its own schema,
 *
 * <pre>{@code
 * TestDatabase db = TestDatabase.get();
 * String schema = db.createSchema("pins");          // e.g. pins_3f2a9c01
 * Map<String, Object> settings = db.hibernateSettings(schema);
 * ...
 * db.dropSchema(schema);
 * }</pre>
 */
public final class TestDatabase {

  /** The environment variable naming the JDBC URL of an existing server. */
  public static final String URL_VARIABLE = "STREAM_TEST_JDBC_URL";

  private final String jdbcUrl;
  private final String user;
  private final String password;

  private TestDatabase(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** Returns the test database, resolving it on first use. */
  public static TestDatabase get() {
    return Holder.INSTANCE;
  }

  /** Returns the JDBC URL of the database (without a schema). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Returns the JDBC URL whose connections use {@code schema} as their search path. */
  public String jdbcUrl(String schema) {
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Returns the user name, or null when the URL carries it. */
  public String user() {
    return user;
  }

  /** Returns the password, or null when the URL carries it or none is needed. */
  public String password() {
    return password;
  }

  /** Opens a connection to the database (default schema). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, credentials());
  }

  /** Opens a connection whose search path is {@code schema}. */
  public Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(schema), credentials());
  }

  /** Creates a new, uniquely named schema starting with {@code prefix} and returns its name. */
  public String createSchema(String prefix) {
    String schema =
        prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_")
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    execute("create schema " + schema);
    return schema;
  }

  /** Drops a schema created by {@link #createSchema(String)} with everything in it. */
  public void dropSchema(String schema) {
    execute("drop schema if exists " + schema + " cascade");
  }

  /**
   * Returns Hibernate settings connecting to {@code schema} with a small connection pool; callers
   * add their own schema action and other settings.
   */
  public Map<String, Object> hibernateSettings(String schema) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.url", jdbcUrl(schema));
    if (user != null) {
      settings.put("hibernate.connection.username", user);
    }
    if (password != null) {
      settings.put("hibernate.connection.password", password);
    }
    settings.put("hibernate.connection.pool_size", "4");
    settings.put("hibernate.default_schema", schema);
    return settings;
  }

  private void execute(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database statement failed: " + sql, e);
    }
  }

  private Properties credentials() {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  private static TestDatabase resolve() {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new TestDatabase(url.trim(), null, null);
    }
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    if (!docker) {
      throw new IllegalStateException(
          "The stream-jpa tests need PostgreSQL: set "
              + URL_VARIABLE
              + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or make Docker"
              + " available for Testcontainers (postgres:15); neither is available");
    }
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:15");
    container.start();
    return new TestDatabase(
        container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  private static final class Holder {
    static final TestDatabase INSTANCE = resolve();
  }
}
