package io.github.streamjpa.jpa.internal;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.DeadRow;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.FollowRelationEntity;
import io.github.streamjpa.jpa.OutboxStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything stream-jpa keeps for one SessionFactory: feed conventions, message factory, outbox
 * store and dispatcher. Created by the integrator, closed with the SessionFactory.
 */
public final class SyncRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SyncRuntime.class);

  private final FeedManager feeds;
  private final ChangeMessages messages;
  private final OutboxStore store;
  private final OutboxDispatcher dispatcher;
  private final Clock clock;

  /** Creates the runtime; the dispatcher may be null when this instance only writes rows. */
  public SyncRuntime(
      FeedManager feeds,
      ChangeMessages messages,
      OutboxStore store,
      OutboxDispatcher dispatcher,
      Clock clock) {
    this.feeds = feeds;
    this.messages = messages;
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /** Returns the feed manager. */
  public FeedManager feeds() {
    return feeds;
  }

  /** Returns the message factory. */
  public ChangeMessages messages() {
    return messages;
  }

  /** Returns the outbox store. */
  public OutboxStore store() {
    return store;
  }

  /**
   * Inserts outbox rows stamped with this runtime's clock on the caller's connection, inside the
   * caller's transaction.
   */
  public void insert(Connection connection, List<OutboxMessage> messages) throws SQLException {
    store.insert(connection, messages, clock.instant());
  }

  /** Returns whether changes of this entity are recorded now (tracked type, not paused). */
  public boolean tracks(Object entity) {
    return (entity instanceof Activity || entity instanceof FollowRelationEntity)
        && !feeds.isTrackingPaused(entity.getClass());
  }

  /** Checks the outbox table can be read and starts the dispatcher, if this instance runs one. */
  public void start() {
    try {
      store.pending();
    } catch (SQLException | RuntimeException e) {
      log.error(
          "stream-jpa cannot read its outbox table {}: {}. Commits of synced entities will fail"
              + " until it exists: let Hibernate's schema tooling create it, or run"
              + " META-INF/stream-jpa/outbox-postgresql.sql from the stream-jpa jar",
          store.table(),
          e.getMessage());
    }
    if (dispatcher != null) {
      dispatcher.start();
    }
  }

  /** Wakes the dispatcher after a commit that wrote rows; never throws. */
  public void wake() {
    if (dispatcher != null) {
      dispatcher.wake();
    }
  }

  /** Returns the outbox counters. */
  public OutboxStats stats() {
    if (dispatcher != null) {
      return dispatcher.stats();
    }
    try {
      OutboxStore.PendingSummary s = store.pending();
      Duration age =
          s.oldestPending() == null
              ? Duration.ZERO
              : Duration.between(s.oldestPending(), clock.instant());
      return new OutboxStats(s.pending(), age, 0, 0, s.dead());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox table " + store.table(), e);
    }
  }

  /** Returns dead rows, oldest first. */
  public List<DeadRow> deadRows(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit " + limit + " must be positive");
    }
    try {
      return store.deadRows(limit);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox table " + store.table(), e);
    }
  }

  /** Makes a dead row (or all, when id is null) pending again and wakes the dispatcher. */
  public int redrive(Long id) {
    try {
      int count = store.redrive(id, clock.instant());
      wake();
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update outbox table " + store.table(), e);
    }
  }

  /** Stops the dispatcher, draining in-flight work. */
  @Override
  public void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
  }
}
