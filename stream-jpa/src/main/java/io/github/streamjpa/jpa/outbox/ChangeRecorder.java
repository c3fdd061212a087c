package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FollowRelationEntity;
import io.github.streamjpa.jpa.StreamSyncException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.SharedSessionContract;
import org.hibernate.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns entity changes into outbox messages, merged per transaction in a {@link ChangeBuffer}, and
 * writes the merged buffer on the transaction's connection right before the commit.
 */
final class ChangeRecorder {

  private static final Logger log = LoggerFactory.getLogger(ChangeRecorder.class);

  private final ChangeMessages messages;
  private final RowWriter writer;
  private final Runnable wake;
  private final Map<SharedSessionContract, ChangeBuffer> buffers = new ConcurrentHashMap<>();

  ChangeRecorder(ChangeMessages messages, RowWriter writer, Runnable wake) {
    this.messages = messages;
    this.writer = writer;
    this.wake = wake;
  }

  void inserted(
      SharedSessionContract session, Transaction transaction, Object entity, String what) {
    if (entity instanceof Activity activity && activity.activityShouldSync()) {
      record(session, transaction, what, messages.activity(OutboxOperation.ADD, activity, what));
    }
    if (entity instanceof FollowRelationEntity relation && relation.followShouldSync()) {
      record(session, transaction, what, messages.follow(true, relation, what));
    }
  }

  void updated(
      SharedSessionContract session,
      Transaction transaction,
      Activity activity,
      Activity before,
      String what) {
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
    OutboxMessage message = messages.activity(operation, activity, what);
    if (operation == OutboxOperation.UPDATE
        && before != null
        && message.equals(messages.activity(operation, before, what))) {
      // Only columns the activity does not show changed: nothing to tell Stream.
      return;
    }
    record(session, transaction, what, message);
  }

  void deleted(SharedSessionContract session, Transaction transaction, Object entity, String what) {
    if (entity instanceof Activity activity && activity.activityShouldSync()) {
      record(session, transaction, what, messages.activity(OutboxOperation.REMOVE, activity, what));
    }
    if (entity instanceof FollowRelationEntity relation && relation.followShouldSync()) {
      record(session, transaction, what, messages.follow(false, relation, what));
    }
  }

  private void record(
      SharedSessionContract session, Transaction transaction, String key, OutboxMessage message) {
    ChangeBuffer buffer = buffers.get(session);
    if (buffer == null) {
      if (!transaction.isActive()) {
        throw new StreamSyncException(
            key
                + " changed outside a transaction; stream-jpa records changes in the outbox"
                + " inside the entity's transaction, so begin one");
      }
      buffer = new ChangeBuffer();
      buffers.put(session, buffer);
      transaction.registerSynchronization(new OutboxWrite(session, buffer));
    }
    if (buffer.isWritten()) {
      // A flush by another before-completion callback, after ours ran: still in the
      // transaction, so write the row directly rather than lose it.
      session.doWork(connection -> writer.insert(connection, List.of(message)));
      return;
    }
    buffer.record(key, message);
  }

  /** Inserts outbox rows on the caller's connection, inside the caller's transaction. */
  @FunctionalInterface
  interface RowWriter {
    void insert(Connection connection, List<OutboxMessage> messages) throws SQLException;
  }

  /** Writes the transaction's merged changes before commit; wakes the dispatcher after. */
  private final class OutboxWrite implements Synchronization {
    private final SharedSessionContract session;
    private final ChangeBuffer buffer;
    private boolean wrote;

    OutboxWrite(SharedSessionContract session, ChangeBuffer buffer) {
      this.session = session;
      this.buffer = buffer;
    }

    @Override
    public void beforeCompletion() {
      List<OutboxMessage> pending = buffer.messages();
      buffer.markWritten();
      if (pending.isEmpty()) {
        return;
      }
      session.doWork(connection -> writer.insert(connection, pending));
      wrote = true;
    }

    @Override
    public void afterCompletion(int status) {
      try {
        buffers.remove(session);
        if (wrote && status == Status.STATUS_COMMITTED) {
          wake.run();
        }
      } catch (RuntimeException e) {
        // After the commit nothing may reach the caller; the poller picks the rows up anyway.
        log.warn("stream-jpa after-commit wake-up failed", e);
      }
    }
  }
}
