package io.github.streamjpa.jpa.enrich;

import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The enrichment tests' entities on PostgreSQL, in a schema of their own, with every SQL statement
 * Hibernate prepares recorded so tests can count them.
 */
final class EnrichmentDatabase implements AutoCloseable {

  private final TestDatabase database = TestDatabase.get();
  private final String schema;
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private final SessionFactory sessionFactory;

  EnrichmentDatabase() {
    schema = database.createSchema("enrich");
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("enrichment-test")
            .managedClasses(
                EnrUser.class, EnrBoard.class, EnrPin.class, EnrTopic.class, EnrMembership.class)
            .statementInspector(
                (StatementInspector)
                    sql -> {
                      statements.add(sql);
                      return sql;
                    })
            .property("hibernate.hbm2ddl.auto", "create-drop")
            .property("hibernate.generate_statistics", "true")
            // these tests exercise reads only; the write path's integrator stays out of them
            .property(StreamJpaSettings.ENABLED, "false");
    database.hibernateSettings(schema).forEach(configuration::property);
    sessionFactory = configuration.createEntityManagerFactory();
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

  @Override
  public void close() {
    try {
      sessionFactory.close();
    } finally {
      database.dropSchema(schema);
    }
  }
}
