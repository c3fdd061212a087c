package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.EntityReferences;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/** Queues an ADD row for every existing entity of a type, one transaction per batch. */
final class Backfill {

  private final ChangeMessages messages;
  private final ChangeRecorder.RowWriter writer;
  private final Runnable wake;

  Backfill(ChangeMessages messages, ChangeRecorder.RowWriter writer, Runnable wake) {
    this.messages = messages;
    this.writer = writer;
    this.wake = wake;
  }

  <T extends Activity> long run(SessionFactory factory, Class<T> type, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("backfill batch size " + batchSize + " must be positive");
    }
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
        List<OutboxMessage> batch = new ArrayList<>();
        for (T entity : page) {
          if (entity.activityShouldSync()) {
            String what = EntityReferences.of(entityType.getName(), session.getIdentifier(entity));
            batch.add(messages.activity(OutboxOperation.ADD, entity, what));
          }
        }
        if (!batch.isEmpty()) {
          session.doWork(connection -> writer.insert(connection, batch));
        }
        transaction.commit();
        written += batch.size();
      }
      wake.run();
      if (read < batchSize) {
        return written;
      }
    }
  }
}
