package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.EntityReferences;
import io.github.streamjpa.jpa.internal.OutboxMessage;
import io.github.streamjpa.jpa.internal.OutboxOperation;
import io.github.streamjpa.jpa.internal.SyncRuntime;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventType;

/** Finds a SessionFactory's stream-jpa runtime, and runs the backfill against it. */
public final class Runtimes {

  private Runtimes() {}

  /**
   * Returns the runtime the integrator attached to this factory's listeners.
   *
   * @throws IllegalStateException when stream-jpa is not active on it
   */
  public static SyncRuntime of(EntityManagerFactory entityManagerFactory) {
    SessionFactoryImplementor factory =
        entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    for (Object listener :
        factory
            .getEventListenerRegistry()
            .getEventListenerGroup(EventType.POST_INSERT)
            .listeners()) {
      if (listener instanceof StreamSyncListener sync) {
        return sync.runtime();
      }
    }
    throw new IllegalStateException(
        "stream-jpa is not active on this SessionFactory: stream.enabled is false or no entity"
            + " implements Activity or FollowRelationEntity");
  }

  /**
   * Writes an ADD outbox row for every existing entity of {@code type} whose activity syncs, one
   * transaction per batch, and returns how many were written; {@code runtime} is the factory's
   * (from {@link #of}).
   */
  public static <T extends Activity> long backfill(
      EntityManagerFactory entityManagerFactory,
      SyncRuntime runtime,
      Class<T> type,
      int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("backfill batch size " + batchSize + " must be positive");
    }
    SessionFactoryImplementor factory =
        entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    EntityType<T> entityType;
    try {
      entityType = factory.getMetamodel().entity(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot backfill " + type.getName() + ": it is not a mapped entity", e);
    }
    String idName =
        entityType.getSingularAttributes().stream()
            .filter(SingularAttribute::isId)
            .map(SingularAttribute::getName)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cannot backfill " + type.getName() + ": it has no single id attribute"));
    long written = 0;
    for (int first = 0; ; first += batchSize) {
      int read;
      try (Session session = factory.openSession()) {
        Transaction transaction = session.beginTransaction();
        CriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        query.select(root).orderBy(cb.asc(root.get(idName)));
        List<T> page =
            session
                .createQuery(query)
                .setFirstResult(first)
                .setMaxResults(batchSize)
                .getResultList();
        read = page.size();
        List<OutboxMessage> messages = new ArrayList<>();
        for (T entity : page) {
          if (entity.activityShouldSync()) {
            String what = EntityReferences.of(entityType.getName(), session.getIdentifier(entity));
            messages.add(runtime.messages().activity(OutboxOperation.ADD, entity, what));
          }
        }
        if (!messages.isEmpty()) {
          session.doWork(connection -> runtime.insert(connection, messages));
        }
        transaction.commit();
        written += messages.size();
      }
      runtime.wake();
      if (read < batchSize) {
        return written;
      }
    }
  }
}
