package io.github.streamjpa.jpa.testing;

import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Follow;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;

/**
 * A database the outbox is tested on, each use in a fresh namespace of its own: a schema on
 * PostgreSQL, a database on MariaDB and MySQL, an in-memory database on H2.
 *
 * <ul>
 *   <li>PostgreSQL: {@link TestDatabase} ({@code STREAM_TEST_JDBC_URL} or Testcontainers).
 *   <li>MariaDB: {@code STREAM_TEST_MARIADB_URL} (a user that may create databases), otherwise a
 *       Testcontainers {@code mariadb:10.11} when Docker works; with neither, {@link
 *       #create(String)} fails naming the variable.
 *   <li>MySQL 8: a Testcontainers {@code mysql:8.4}, only listed by {@link #available()} when
 *       Docker works.
 *   <li>H2: in memory, always there.
 * </ul>
 */
public enum TestEngine {
  POSTGRESQL,
  MARIADB,
  MYSQL,
  H2;

  /** The environment variable naming the JDBC URL of an existing MariaDB server. */
  public static final String MARIADB_URL_VARIABLE = "STREAM_TEST_MARIADB_URL";

  /**
   * The engines every portability test runs on: PostgreSQL, MariaDB and H2 always (a missing server
   * is a failure), MySQL 8 too when Docker can start it.
   */
  public static List<TestEngine> available() {
    List<TestEngine> engines = new ArrayList<>(List.of(POSTGRESQL, MARIADB, H2));
    if (docker()) {
      engines.add(MYSQL);
    }
    return engines;
  }

  /** Creates a fresh, uniquely named namespace whose name starts with {@code prefix}. */
  public Namespace create(String prefix) {
    String name =
        prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_")
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    return switch (this) {
      case POSTGRESQL -> {
        TestDatabase database = TestDatabase.get();
        String schema = database.createSchema(prefix);
        yield new Namespace(
            this,
            schema,
            database.jdbcUrl(schema),
            database.user(),
            database.password(),
            () -> database.dropSchema(schema));
      }
      case MARIADB, MYSQL -> {
        Server server = this == MARIADB ? Servers.MARIADB.get() : Servers.MYSQL.get();
        server.execute("create database " + name);
        yield new Namespace(
            this,
            name,
            server.urlOf(name),
            server.user,
            server.password,
            () -> server.execute("drop database if exists " + name));
      }
      case H2 -> {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        yield new Namespace(
            this, name, url, null, null, () -> execute(url, null, null, "shutdown"));
      }
    };
  }

  private static boolean docker() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, credentials(user, password));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database statement failed: " + sql, e);
    }
  }

  private static Properties credentials(String user, String password) {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  /**
   * A fresh schema or database of one engine; {@link #close()} drops it with everything in it.
   *
   * @param engine the engine
   * @param name the schema or database name
   * @param jdbcUrl a URL whose connections work in it
   * @param user the user, or null when the URL carries it
   * @param password the password, or null
   */
  public record Namespace(
      TestEngine engine, String name, String jdbcUrl, String user, String password, Runnable drop)
      implements AutoCloseable {

    /** Opens a connection working in this namespace. */
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl, credentials(user, password));
    }

    /** Runs one statement in this namespace. */
    public void execute(String sql) {
      TestEngine.execute(jdbcUrl, user, password, sql);
    }

    /**
     * Hibernate settings connecting to this namespace with Hibernate's own small pool; callers add
     * their schema action and other settings.
     */
    public Map<String, Object> hibernateSettings() {
      Map<String, Object> settings = new HashMap<>();
      settings.put("hibernate.connection.url", jdbcUrl);
      if (user != null) {
        settings.put("hibernate.connection.username", user);
      }
      if (password != null) {
        settings.put("hibernate.connection.password", password);
      }
      settings.put("hibernate.connection.pool_size", "4");
      if (engine == POSTGRESQL) {
        settings.put("hibernate.default_schema", name);
      }
      return settings;
    }

    /**
     * Opens a SessionFactory over the test model ({@link User}, {@link Pin}, {@link Follow}) in
     * this namespace with short dispatcher timings; {@code settings} override them.
     */
    public SessionFactory open(String schemaAction, Map<String, Object> settings) {
      Map<String, Object> all = new HashMap<>(hibernateSettings());
      all.put("hibernate.hbm2ddl.auto", schemaAction);
      all.put(StreamJpaSettings.POLL_INTERVAL, "PT0.2S");
      all.put(StreamJpaSettings.INITIAL_BACKOFF, "PT0.05S");
      all.put(StreamJpaSettings.MAX_BACKOFF, "PT0.5S");
      all.putAll(settings);
      HibernatePersistenceConfiguration configuration =
          new HibernatePersistenceConfiguration("stream-jpa-" + name)
              .managedClass(User.class)
              .managedClass(Pin.class)
              .managedClass(Follow.class);
      all.forEach(configuration::property);
      return configuration.createEntityManagerFactory();
    }

    @Override
    public void close() {
      drop.run();
    }

    @Override
    public String toString() {
      return engine + " " + name;
    }
  }

  /** A MariaDB or MySQL server on which test databases are created. */
  private static final class Server {
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+)(/[^?]*)?(\\?.*)?");

    final String url;
    final String user;
    final String password;

    Server(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    String urlOf(String database) {
      Matcher m = URL.matcher(url);
      if (!m.matches()) {
        throw new IllegalStateException(
            "cannot read the server address of " + url + "; expected jdbc:<driver>://host:port/db");
      }
      return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    void execute(String sql) {
      TestEngine.execute(url, user, password, sql);
    }
  }

  /** The servers, resolved on first use. */
  private enum Servers {
    MARIADB,
    MYSQL;

    private Server server;

    synchronized Server get() {
      if (server == null) {
        server = this == MARIADB ? mariadb() : mysql();
      }
      return server;
    }

    private static Server mariadb() {
      String url = System.getenv(MARIADB_URL_VARIABLE);
      if (url != null && !url.isBlank()) {
        return new Server(url.trim(), null, null);
      }
      if (!docker()) {
        throw new IllegalStateException(
            "The stream-jpa portability tests need MariaDB: set "
                + MARIADB_URL_VARIABLE
                + " (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root, a user that may create"
                + " databases) or make Docker available for Testcontainers (mariadb:10.11);"
                + " neither is available");
      }
      MariaDBContainer container =
          new MariaDBContainer("mariadb:10.11").withUsername("root").withPassword("test");
      container.start();
      return new Server(container.getJdbcUrl(), "root", "test");
    }

    private static Server mysql() {
      MySQLContainer container =
          new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
      container.start();
      return new Server(container.getJdbcUrl(), "root", "test");
    }
  }
}
