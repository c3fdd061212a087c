package io.github.streamjpa.jpa.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The enrichment tests' entities on PostgreSQL, in a schema of their own, with every SQL statement
 * Hibernate prepares recorded so tests can count them. As a JUnit extension in a static field it
 * resets the counts before each test and closes after all.
 */
final class EnrichmentDatabase implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

  private final TestDatabase database = TestDatabase.get();
  private final String schema;
  private final boolean ownsSchema;
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private final SessionFactory sessionFactory;

  /** Creates a schema of its own with the tables; stream-jpa's sync is off. */
  EnrichmentDatabase() {
    this(null, Map.of(StreamJpaSettings.ENABLED, "false"), List.of());
  }

  private EnrichmentDatabase(
      String sharedSchema, Map<String, Object> settings, List<Class<?>> extraClasses) {
    ownsSchema = sharedSchema == null;
    schema = ownsSchema ? database.createSchema("enrich") : sharedSchema;
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("enrichment-test")
            .managedClasses(
                EnrUser.class,
                EnrBoard.class,
                EnrPin.class,
                EnrTopic.class,
                EnrMembership.class,
                EnrPost.class)
            .managedClasses(extraClasses)
            .statementInspector(
                (StatementInspector)
                    sql -> {
                      statements.add(sql);
                      return sql;
                    })
            .property("hibernate.hbm2ddl.auto", ownsSchema ? "create-drop" : "none")
            .property("hibernate.generate_statistics", "true");
    database.hibernateSettings(schema).forEach(configuration::property);
    settings.forEach(configuration::property);
    sessionFactory = configuration.createEntityManagerFactory();
  }

  /**
   * Creates a schema of its own where stream-jpa syncs {@link EnrPost}s to Stream through {@code
   * client}.
   */
  static EnrichmentDatabase syncingTo(StreamClient client) {
    return new EnrichmentDatabase(
        null,
        Map.of(
            StreamJpaSettings.CLIENT, client,
            StreamJpaSettings.POLL_INTERVAL, "PT0.2S",
            StreamJpaSettings.INITIAL_BACKOFF, "PT0.05S"),
        List.of());
  }

  /**
   * Creates a schema of its own, with sync off and Hibernate's second-level cache on (JCache,
   * Ehcache in memory), adding the {@code @Cacheable} entities {@link EnrCachedUser} and {@link
   * EnrCachedBoard}; the other entities stay uncached.
   */
  static EnrichmentDatabase withSecondLevelCache() {
    return new EnrichmentDatabase(
        null,
        Map.of(
            StreamJpaSettings.ENABLED,
            "false",
            "hibernate.cache.use_second_level_cache",
            "true",
            "hibernate.cache.region.factory_class",
            "jcache",
            "hibernate.javax.cache.provider",
            "org.ehcache.jsr107.EhcacheCachingProvider",
            "hibernate.javax.cache.missing_cache_strategy",
            "create",
            // regions of factories open at once in this JVM never share entries
            "hibernate.cache.region_prefix",
            "enrich-" + UUID.randomUUID()),
        List.of(EnrCachedUser.class, EnrCachedBoard.class));
  }

  /**
   * Opens a second factory on this schema with sync off, as a read side whose statements are
   * counted apart from the writer's background work.
   */
  EnrichmentDatabase readerOnSameSchema() {
    return new EnrichmentDatabase(schema, Map.of(StreamJpaSettings.ENABLED, "false"), List.of());
  }

  SessionFactory sessionFactory() {
    return sessionFactory;
  }

  /** Runs {@code work} in a transaction and commits. */
  void inTransaction(Consumer<EntityManager> work) {
    sessionFactory.inTransaction(work::accept);
  }

  /** Runs {@code work} in a transaction, commits and returns its result. */
  <R> R fromTransaction(Function<EntityManager, R> work) {
    return sessionFactory.fromTransaction(work::apply);
  }

  /** Forgets the statements recorded so far. */
  void resetCounts() {
    statements.clear();
    sessionFactory.getStatistics().clear();
  }

  /** Returns the SQL of the statements prepared since the last reset. */
  List<String> statements() {
    return List.copyOf(statements);
  }

  /** Returns Hibernate's count of prepared statements since the last reset. */
  long preparedStatementCount() {
    return sessionFactory.getStatistics().getPrepareStatementCount();
  }

  /** Returns how many sessions were opened since the last reset. */
  long sessionsOpened() {
    return sessionFactory.getStatistics().getSessionOpenCount();
  }

  /**
   * Asserts that exactly one statement per named table ran since the last reset, each selecting
   * from its table: what one query per entity type means.
   */
  void assertOneSelectFrom(String... tables) {
    assertThat(preparedStatementCount())
        .as("statements: %s", statements())
        .isEqualTo(tables.length);
    List<String> sql = statements();
    assertThat(sql).hasSize(tables.length);
    for (String table : tables) {
      assertThat(sql).anySatisfy(s -> assertThat(s).containsPattern("from \\S*\\b" + table + " "));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    resetCounts();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    try {
      sessionFactory.close();
    } finally {
      if (ownsSchema) {
        database.dropSchema(schema);
      }
    }
  }
}
