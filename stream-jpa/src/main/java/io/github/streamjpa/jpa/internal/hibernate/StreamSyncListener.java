package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.EntityReferences;
import io.github.streamjpa.jpa.FollowRelationEntity;
import io.github.streamjpa.jpa.StreamSyncException;
import io.github.streamjpa.jpa.internal.ChangeBuffer;
import io.github.streamjpa.jpa.internal.ChangeMessages;
import io.github.streamjpa.jpa.internal.OutboxMessage;
import io.github.streamjpa.jpa.internal.OutboxOperation;
import io.github.streamjpa.jpa.internal.SyncRuntime;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
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
 * Records inserts, updates and deletes of Activity and FollowRelationEntity entities into a
 * per-transaction buffer, and writes the merged buffer to the outbox right before the commit.
 */
final class StreamSyncListener
    implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

  private static final Logger log = LoggerFactory.getLogger(StreamSyncListener.class);

  private final SyncRuntime runtime;
  private final Map<SharedSessionContractImplementor, ChangeBuffer> buffers =
      new ConcurrentHashMap<>();

  StreamSyncListener(SyncRuntime runtime) {
    this.runtime = runtime;
  }

  SyncRuntime runtime() {
    return runtime;
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    Object entity = event.getEntity();
    if (!runtime.tracks(entity)) {
      return;
    }
    String what = describe(event.getPersister(), event.getId());
    ChangeMessages messages = runtime.messages();
    if (entity instanceof Activity activity && activity.activityShouldSync()) {
      record(event.getSession(), what, messages.activity(OutboxOperation.ADD, activity, what));
    }
    if (entity instanceof FollowRelationEntity relation && relation.followShouldSync()) {
      record(event.getSession(), what, messages.follow(true, relation, what));
    }
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    Object entity = event.getEntity();
    if (!(entity instanceof Activity activity) || !runtime.tracks(entity)) {
      return;
    }
    String what = describe(event.getPersister(), event.getId());
    Activity before = previousState(event);
    boolean syncs = activity.activityShouldSync();
    boolean synced = before == null || before.activityShouldSync();
    if (before != null && synced && syncs) {
      Instant was = ChangeMessages.stableTime(before, what);
      Instant is = ChangeMessages.stableTime(activity, what);
      if (!was.equals(is)) {
        throw new StreamSyncException(
            what
                + ": activityTime() changed from "
                + was
                + " to "
                + is
                + " in an update; Stream updates activities by foreign id and time, so the"
                + " time must be stable (return a column that is set once, e.g. createdAt)");
      }
    }
    OutboxOperation operation;
    if (syncs && synced) {
      operation = OutboxOperation.UPDATE;
    } else if (syncs) {
      operation = OutboxOperation.ADD;
    } else if (synced) {
      operation = OutboxOperation.REMOVE;
    } else {
      return;
    }
    OutboxMessage message = runtime.messages().activity(operation, activity, what);
    if (operation == OutboxOperation.UPDATE
        && before != null
        && message.equals(runtime.messages().activity(operation, before, what))) {
      // Only columns the activity does not show changed: nothing to tell Stream.
      return;
    }
    record(event.getSession(), what, message);
  }

  @Override
  public void onPostDelete(PostDeleteEvent event) {
    Object entity = event.getEntity();
    if (!runtime.tracks(entity)) {
      return;
    }
    String what = describe(event.getPersister(), event.getId());
    if (entity instanceof Activity activity && activity.activityShouldSync()) {
      record(
          event.getSession(),
          what,
          runtime.messages().activity(OutboxOperation.REMOVE, activity, what));
    }
    if (entity instanceof FollowRelationEntity relation && relation.followShouldSync()) {
      record(event.getSession(), what, runtime.messages().follow(false, relation, what));
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  private void record(SharedSessionContractImplementor session, String key, OutboxMessage message) {
    ChangeBuffer buffer = buffers.get(session);
    if (buffer == null) {
      if (!session.isTransactionInProgress()) {
        throw new StreamSyncException(
            key
                + " changed outside a transaction; stream-jpa records changes in the outbox"
                + " inside the entity's transaction, so begin one");
      }
      buffer = new ChangeBuffer();
      buffers.put(session, buffer);
      session.accessTransaction().registerSynchronization(new OutboxWrite(session, buffer));
    }
    if (buffer.isWritten()) {
      // A flush by another before-completion callback, after ours ran: still in the
      // transaction, so write the row directly rather than lose it.
      session.doWork(connection -> runtime.insert(connection, List.of(message)));
      return;
    }
    buffer.record(key, message);
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

  /** Writes the transaction's merged changes before commit; wakes the dispatcher after. */
  private final class OutboxWrite implements Synchronization {
    private final SharedSessionContractImplementor session;
    private final ChangeBuffer buffer;
    private boolean wrote;

    OutboxWrite(SharedSessionContractImplementor session, ChangeBuffer buffer) {
      this.session = session;
      this.buffer = buffer;
    }

    @Override
    public void beforeCompletion() {
      List<OutboxMessage> messages = buffer.messages();
      buffer.markWritten();
      if (messages.isEmpty()) {
        return;
      }
      session.doWork(connection -> runtime.insert(connection, messages));
      wrote = true;
    }

    @Override
    public void afterCompletion(int status) {
      try {
        buffers.remove(session);
        if (wrote && status == Status.STATUS_COMMITTED) {
          runtime.wake();
        }
      } catch (RuntimeException e) {
        // After the commit nothing may reach the caller; the poller picks the rows up anyway.
        log.warn("stream-jpa after-commit wake-up failed", e);
      }
    }
  }
}
