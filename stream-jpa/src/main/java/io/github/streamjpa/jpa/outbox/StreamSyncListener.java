package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.EntityReferences;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands inserts, updates and deletes of synced entities to the SessionFactory's {@link
 * OutboxRuntime}, which records them in the transaction's outbox rows.
 */
final class StreamSyncListener
    implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

  private static final Logger log = LoggerFactory.getLogger(StreamSyncListener.class);

  private final OutboxRuntime runtime;

  StreamSyncListener(OutboxRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    Object entity = event.getEntity();
    if (runtime.tracks(entity)) {
      runtime.inserted(
          event.getSession(),
          event.getSession().accessTransaction(),
          entity,
          describe(event.getPersister(), event.getId()));
    }
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    Object entity = event.getEntity();
    if (entity instanceof Activity activity && runtime.tracks(entity)) {
      runtime.updated(
          event.getSession(),
          event.getSession().accessTransaction(),
          activity,
          previousState(event),
          describe(event.getPersister(), event.getId()));
    }
  }

  @Override
  public void onPostDelete(PostDeleteEvent event) {
    Object entity = event.getEntity();
    if (runtime.tracks(entity)) {
      runtime.deleted(
          event.getSession(),
          event.getSession().accessTransaction(),
          entity,
          describe(event.getPersister(), event.getId()));
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  /** Rebuilds the entity as it was loaded, to compare its time and sync switch; null if unknown. */
  private static Activity previousState(PostUpdateEvent event) {
    Object[] oldState = event.getOldState();
    if (oldState == null) {
      return null;
    }
    try {
      EntityPersister persister = event.getPersister();
      Object copy = persister.instantiate(event.getId(), event.getSession());
      persister.setValues(copy, oldState);
      return copy instanceof Activity activity ? activity : null;
    } catch (RuntimeException e) {
      log.debug("cannot rebuild previous state of {}", event.getPersister().getEntityName(), e);
      return null;
    }
  }

  private static String describe(EntityPersister persister, Object id) {
    String name = persister.getJpaEntityName();
    try {
      return EntityReferences.of(name, id);
    } catch (IllegalArgumentException e) {
      return name + "#" + id;
    }
  }
}
