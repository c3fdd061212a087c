package io.github.streamjpa.jpa.testing;

import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.model.Follow;
import io.github.streamjpa.jpa.model.Pin;
import io.github.streamjpa.jpa.model.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Builds SessionFactories over the test model ({@link User}, {@link Pin}, {@link Follow}) in a
 * schema of the test class's own, with short dispatcher timings.
 */
public final class JpaFixture implements AutoCloseable {

  private final TestDatabase database = TestDatabase.get();
  private final String schema;

  /** Creates a fresh schema for one test class. */
  public JpaFixture(String prefix) {
    this.schema = database.createSchema(prefix);
  }

  /** Returns the schema name. */
  public String schema() {
    return schema;
  }

  /**
   * Opens a SessionFactory; {@code schemaAction} is Hibernate's ({@code create}, {@code none},
   * ...); {@code settings} override the defaults (short backoffs, fast polling).
   */
  public SessionFactory open(String schemaAction, Map<String, Object> settings) {
    return open(schemaAction, settings, new Class<?>[0]);
  }

  /** Like {@link #open(String, Map)}, with more entity classes beside the test model's. */
  public SessionFactory open(
      String schemaAction, Map<String, Object> settings, Class<?>... entities) {
    HibernatePersistenceConfiguration configuration = configure(schemaAction, settings);
    for (Class<?> entity : entities) {
      configuration.managedClass(entity);
    }
    return configuration.createEntityManagerFactory();
  }

  /**
   * Returns the configuration {@link #open(String, Map)} would use, for a test to add to (mapping
   * files, more classes) before creating the factory.
   */
  public HibernatePersistenceConfiguration configure(
      String schemaAction, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(database.hibernateSettings(schema));
    all.put("hibernate.hbm2ddl.auto", schemaAction);
    all.put(StreamJpaSettings.POLL_INTERVAL, "PT0.2S");
    all.put(StreamJpaSettings.INITIAL_BACKOFF, "PT0.05S");
    all.put(StreamJpaSettings.MAX_BACKOFF, "PT0.5S");
    all.put(StreamJpaSettings.MAX_ATTEMPTS, 50);
    all.putAll(settings);
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("stream-jpa-test-" + schema)
            .managedClass(User.class)
            .managedClass(Pin.class)
            .managedClass(Follow.class);
    all.forEach(configuration::property);
    return configuration;
  }

  /** Runs SQL in the fixture's schema and hands the result set to {@code reader}. */
  public void query(String sql, Consumer<ResultSet> reader) {
    try (Connection connection = database.connect(schema);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      reader.accept(rs);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Returns the single long value of a query. */
  public long queryLong(String sql) {
    long[] result = new long[1];
    query(
        sql,
        rs -> {
          try {
            rs.next();
            result[0] = rs.getLong(1);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    return result[0];
  }

  /** Drops the schema. */
  @Override
  public void close() {
    database.dropSchema(schema);
  }
}
