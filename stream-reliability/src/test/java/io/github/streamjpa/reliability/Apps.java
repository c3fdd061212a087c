package io.github.streamjpa.reliability;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.StreamJpaSettings;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Opens SessionFactories of the test application ({@link Member}, {@link Post}, {@link
 * Subscription}).
 */
final class Apps {
  private Apps() {}

  /**
   * Opens a factory on {@code schema} that syncs through {@code client}.
   *
   * @param schemaAction Hibernate's {@code hibernate.hbm2ddl.auto}: {@code create} for the first
   *     factory of a schema, {@code none} for later ones
   * @param settings added last, so they override the defaults here
   */
  static SessionFactory open(
      String schema, StreamClient client, String schemaAction, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(Database.get().hibernateSettings(schema));
    all.put("hibernate.connection.pool_size", "6");
    all.put("hibernate.hbm2ddl.auto", schemaAction);
    all.put(StreamJpaSettings.CLIENT, client);
    all.put(StreamJpaSettings.POLL_INTERVAL, "PT0.5S");
    all.put(StreamJpaSettings.INITIAL_BACKOFF, "PT0.2S");
    all.put(StreamJpaSettings.MAX_BACKOFF, "PT2S");
    all.put(StreamJpaSettings.MAX_ATTEMPTS, 100);
    all.putAll(settings);
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("stream-reliability-" + schema)
            .managedClass(Member.class)
            .managedClass(Post.class)
            .managedClass(Subscription.class);
    all.forEach(configuration::property);
    return configuration.createEntityManagerFactory();
  }

  /** Persists members {@code 1..count}. */
  static void addMembers(SessionFactory factory, int count) {
    factory.inTransaction(
        session -> {
          for (long id = 1; id <= count; id++) {
            session.persist(new Member(id));
          }
        });
  }
}
