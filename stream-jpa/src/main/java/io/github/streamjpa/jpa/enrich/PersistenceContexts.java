package io.github.streamjpa.jpa.enrich;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionCheckMode;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Chooses where references are loaded: the caller's persistence context when there is one,
 * otherwise a short read-only session of our own (so enrichment works with open-in-view off).
 */
final class PersistenceContexts {

  private final SessionFactory sessionFactory;
  private final Supplier<EntityManager> current;
  private final Map<Class<?>, EntityGraph<?>> graphs;

  PersistenceContexts(
      SessionFactory sessionFactory,
      Supplier<EntityManager> current,
      Map<Class<?>, EntityGraph<?>> graphs) {
    this.sessionFactory = sessionFactory;
    this.current = current;
    this.graphs = Map.copyOf(graphs);
  }

  /** Runs {@code work} with a loader bound to {@code caller}, the current context, or our own. */
  <R> R run(EntityManager caller, Function<EntityLoader, R> work) {
    EntityManager context = caller != null ? caller : current == null ? null : current.get();
    if (context != null) {
      if (!context.isOpen()) {
        throw new IllegalStateException("the EntityManager given for enrichment is closed");
      }
      return work.apply(loader(context.unwrap(Session.class)));
    }
    try (Session session = sessionFactory.openSession()) {
      // read-only: no snapshots and no dirty checking for what is only rendered
      session.setDefaultReadOnly(true);
      session.setHibernateFlushMode(FlushMode.MANUAL);
      Transaction transaction = session.beginTransaction();
      try {
        R result = work.apply(loader(session));
        transaction.commit();
        return result;
      } catch (RuntimeException | Error e) {
        try {
          if (transaction.isActive()) {
            transaction.rollback();
          }
        } catch (RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private EntityLoader loader(Session session) {
    return (type, ids) -> {
      EntityGraph<?> graph = graphs.get(type);
      // SessionCheckMode.ENABLED: instances already managed are returned without touching SQL
      List<?> found =
          graph == null
              ? session.findMultiple(type, ids, SessionCheckMode.ENABLED)
              : session.findMultiple((EntityGraph<Object>) graph, ids, SessionCheckMode.ENABLED);
      List<Object> unproxied = new ArrayList<>(found.size());
      for (Object entity : found) {
        unproxied.add(entity == null ? null : Hibernate.unproxy(entity));
      }
      return unproxied;
    };
  }
}
