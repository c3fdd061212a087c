package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.FollowRelationEntity;
import io.github.streamjpa.jpa.StreamJpaSettings;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.SharedSessionContract;
import org.hibernate.Transaction;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream-jpa engine of one SessionFactory, held as a service of that SessionFactory's service
 * registry: feed conventions, the pause switch, the change recorder and the outbox with its
 * dispatcher. Created by stream-jpa's Hibernate integration, which activates it once it knows the
 * mapped entities; applications reach it through {@code StreamJpa.of(entityManagerFactory)}.
 *
 * <p>Lifecycle: inactive until {@link #activate(Collection)} finds a synced entity; {@link
 * #start()} when the SessionFactory is ready; {@link #close()} when it closes. Thread-safe.
 */
final class OutboxRuntime implements Service, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxRuntime.class);

  private final RuntimeSettings settings;
  private final ConnectionSource connections;
  private final EntityNaming naming;
  private final Dialect dialect;
  private final Clock clock = Clock.systemUTC();
  private final Set<Class<?>> pausedClasses = ConcurrentHashMap.newKeySet();
  private volatile boolean trackingPaused;
  private volatile Engine engine;

  private OutboxRuntime(
      RuntimeSettings settings,
      ConnectionSource connections,
      EntityNaming naming,
      Dialect dialect) {
    this.settings = settings;
    this.connections = connections;
    this.naming = naming;
    this.dialect = dialect;
  }

  /**
   * Returns an inactive runtime for a SessionFactory (whose metamodel names entities) and its
   * settings, using {@code connections} for the dispatcher's own transactions on the database of
   * {@code dialect}.
   */
  static OutboxRuntime create(
      EntityManagerFactory factory,
      Map<String, Object> settings,
      JdbcConnectionAccess connections,
      Dialect dialect) {
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(dialect, "dialect");
    return new OutboxRuntime(
        new RuntimeSettings(settings),
        new ConnectionSource() {
          @Override
          public Connection obtain() throws SQLException {
            return connections.obtainConnection();
          }

          @Override
          public void release(Connection connection) throws SQLException {
            connections.releaseConnection(connection);
          }
        },
        new EntityNaming(factory),
        dialect);
  }

  /**
   * Returns the outbox table name when Hibernate's schema tooling manages it (stream-jpa enabled
   * and {@code stream.outbox.schema_managed} not false), as configured (not schema-qualified by
   * {@code hibernate.default_schema}).
   */
  static Optional<String> managedTable(Map<String, Object> settings) {
    RuntimeSettings read = new RuntimeSettings(settings);
    return read.schemaManaged() ? Optional.of(read.configuredTable()) : Optional.empty();
  }

  /**
   * Returns the active runtime of a factory.
   *
   * @throws IllegalStateException when stream-jpa is not active on it
   */
  static OutboxRuntime of(EntityManagerFactory entityManagerFactory) {
    SessionFactoryImplementor factory =
        entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    OutboxRuntime runtime = factory.getServiceRegistry().getService(OutboxRuntime.class);
    if (runtime == null || runtime.engine == null) {
      throw new IllegalStateException(
          "stream-jpa is not active on this SessionFactory: "
              + StreamJpaSettings.ENABLED
              + " is false or no entity implements Activity or FollowRelationEntity");
    }
    return runtime;
  }

  /**
   * Activates the runtime for the synced types among {@code mappedClasses}; returns false, leaving
   * it inactive, when stream-jpa is disabled, no class is synced, or it is already active.
   */
  synchronized boolean activate(Collection<Class<?>> mappedClasses) {
    if (!settings.enabled()) {
      log.debug("stream-jpa disabled by {}=false", StreamJpaSettings.ENABLED);
      return false;
    }
    if (engine != null) {
      log.debug("stream-jpa already integrated with this SessionFactory");
      return false;
    }
    Set<Class<?>> tracked = new LinkedHashSet<>();
    for (Class<?> type : mappedClasses) {
      if (type != null
          && (Activity.class.isAssignableFrom(type)
              || FollowRelationEntity.class.isAssignableFrom(type))) {
        tracked.add(type);
      }
    }
    if (tracked.isEmpty()) {
      log.debug("stream-jpa: no entity implements Activity or FollowRelationEntity");
      return false;
    }
    StreamClient client = settings.client(tracked);
    FeedManager feeds = settings.feedManager(client);
    PayloadMapper payloads = new PayloadMapper();
    OutboxStore store = new OutboxStore(settings.table(), connections, OutboxDatabase.of(dialect));
    OutboxDispatcher dispatcher =
        settings.dispatcherEnabled()
            ? new OutboxDispatcher(
                store,
                new StreamClientSender(client, payloads),
                settings.dispatcher(),
                clock,
                "outbox")
            : null;
    engine = new Engine(feeds, new ChangeMessages(payloads, feeds, naming), store, dispatcher);
    log.info("stream-jpa syncing {} through outbox {}", tracked, store.table());
    return true;
  }

  /** Returns the feed conventions. */
  FeedManager feeds() {
    return engine().feeds();
  }

  /** Returns the outbox: counters, dead rows, re-drive. */
  Outbox outbox() {
    return new Outbox(this);
  }

  /** Pauses tracking of every entity: changes made while paused are never synced. */
  void pauseTracking() {
    trackingPaused = true;
  }

  /** Resumes tracking paused by {@link #pauseTracking()}; per-class pauses stay. */
  void resumeTracking() {
    trackingPaused = false;
  }

  /** Pauses tracking of one entity class and its subclasses. */
  void pauseTracking(Class<?> entityClass) {
    pausedClasses.add(Objects.requireNonNull(entityClass, "entityClass"));
  }

  /** Resumes tracking of a class paused by {@link #pauseTracking(Class)}. */
  void resumeTracking(Class<?> entityClass) {
    pausedClasses.remove(Objects.requireNonNull(entityClass, "entityClass"));
  }

  /** Returns whether tracking is paused globally. */
  boolean isTrackingPaused() {
    return trackingPaused;
  }

  /** Returns whether changes of instances of this class are currently not tracked. */
  boolean isTrackingPaused(Class<?> entityClass) {
    if (trackingPaused) {
      return true;
    }
    for (Class<?> paused : pausedClasses) {
      if (paused.isAssignableFrom(entityClass)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether changes of this entity are recorded now (synced type, not paused). */
  boolean tracks(Object entity) {
    return engine != null
        && (entity instanceof Activity || entity instanceof FollowRelationEntity)
        && !isTrackingPaused(entity.getClass());
  }

  /**
   * Records an inserted entity in the changes of the session's current {@code transaction}; {@code
   * what} names it in errors.
   */
  void inserted(
      SharedSessionContract session, Transaction transaction, Object entity, String what) {
    engine().recorder.inserted(session, transaction, entity, what);
  }

  /**
   * Records an updated activity; {@code before} is the activity as loaded, or null when unknown.
   */
  void updated(
      SharedSessionContract session,
      Transaction transaction,
      Activity entity,
      Activity before,
      String what) {
    engine().recorder.updated(session, transaction, entity, before, what);
  }

  /** Records a deleted entity in the changes of the session's current transaction. */
  void deleted(SharedSessionContract session, Transaction transaction, Object entity, String what) {
    engine().recorder.deleted(session, transaction, entity, what);
  }

  /**
   * Writes an ADD outbox row for every existing entity of {@code type} whose activity syncs, one
   * transaction per batch, and returns how many were written.
   */
  <T extends Activity> long backfill(
      EntityManagerFactory entityManagerFactory, Class<T> type, int batchSize) {
    return new Backfill(engine().messages, this::insert, this::wake)
        .run(entityManagerFactory.unwrap(SessionFactoryImplementor.class), type, batchSize);
  }

  /** Checks the outbox table can be read and starts the dispatcher, if this instance runs one. */
  void start() {
    Engine current = engine();
    try {
      current.store.pending();
    } catch (SQLException | RuntimeException e) {
      log.error(
          "stream-jpa cannot read its outbox table {}: {}. Commits of synced entities will fail"
              + " until it exists: let Hibernate's schema tooling create it, or run {} from the"
              + " stream-jpa jar",
          current.store.table(),
          e.getMessage(),
          current.store.database().ddlResource());
    }
    if (current.dispatcher != null) {
      current.dispatcher.start();
    }
  }

  /** Stops the dispatcher, draining in-flight work. */
  @Override
  public void close() {
    Engine current = engine;
    if (current != null && current.dispatcher != null) {
      current.dispatcher.close();
    }
  }

  void insert(Connection connection, List<OutboxMessage> messages) throws SQLException {
    engine().store.insert(connection, messages, clock.instant());
  }

  void wake() {
    Engine current = engine;
    if (current != null && current.dispatcher != null) {
      current.dispatcher.wake();
    }
  }

  OutboxStats stats() {
    Engine current = engine();
    if (current.dispatcher != null) {
      return current.dispatcher.stats();
    }
    try {
      OutboxStore.PendingSummary s = current.store.pending();
      Duration age =
          s.oldestPending() == null
              ? Duration.ZERO
              : Duration.between(s.oldestPending(), clock.instant());
      return new OutboxStats(s.pending(), age, 0, 0, s.dead());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox table " + current.store.table(), e);
    }
  }

  List<DeadRow> deadRows(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit " + limit + " must be positive");
    }
    Engine current = engine();
    try {
      return current.store.deadRows(limit);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox table " + current.store.table(), e);
    }
  }

  int redrive(Long id) {
    Engine current = engine();
    try {
      int count = current.store.redrive(id, clock.instant());
      wake();
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update outbox table " + current.store.table(), e);
    }
  }

  private Engine engine() {
    Engine current = engine;
    if (current == null) {
      throw new IllegalStateException("stream-jpa is not active on this SessionFactory");
    }
    return current;
  }

  /** What an active runtime holds. */
  private final class Engine {
    private final FeedManager feeds;
    private final ChangeMessages messages;
    private final OutboxStore store;
    private final OutboxDispatcher dispatcher;
    private final ChangeRecorder recorder;

    Engine(
        FeedManager feeds,
        ChangeMessages messages,
        OutboxStore store,
        OutboxDispatcher dispatcher) {
      this.feeds = feeds;
      this.messages = messages;
      this.store = store;
      this.dispatcher = dispatcher;
      this.recorder =
          new ChangeRecorder(messages, OutboxRuntime.this::insert, OutboxRuntime.this::wake);
    }

    FeedManager feeds() {
      return feeds;
    }
  }
}
