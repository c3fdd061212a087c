package io.github.streamjpa.jpa;

import io.github.streamjpa.jpa.internal.OutboxAccess;
import io.github.streamjpa.jpa.outbox.Outbox;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;

/**
 * The stream-jpa handle of one EntityManagerFactory (SessionFactory): its feed conventions, its
 * outbox, the switch that pauses tracking, and the backfill. Sync itself needs no call: it starts
 * with the factory.
 *
 * <pre>{@code
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("app",
 *     Map.of(StreamJpaSettings.CLIENT, StreamClient.connect(key, secret)));
 * StreamJpa stream = StreamJpa.of(emf);
 * stream.feedManager().followUser(aliceId, bobId);
 * stream.backfill(Pin.class);                       // existing rows, once when adopting
 * stream.pauseTracking(Pin.class);                  // Pin changes are not synced until resumed
 * OutboxStats stats = stream.outbox().stats();
 * }</pre>
 *
 * <p>Handles of one factory share its state: a pause through one is seen by all. Thread-safe.
 */
public final class StreamJpa {

  /** Rows read per transaction by {@link #backfill(Class)}. */
  public static final int DEFAULT_BACKFILL_BATCH = 500;

  private final EntityManagerFactory factory;
  private final OutboxAccess runtime;

  private StreamJpa(EntityManagerFactory factory, OutboxAccess runtime) {
    this.factory = factory;
    this.runtime = runtime;
  }

  /**
   * Returns the handle of a factory on which stream-jpa is active.
   *
   * @throws IllegalStateException when {@code stream.enabled=false} or no entity implements {@link
   *     Activity} or {@link FollowRelationEntity}
   */
  public static StreamJpa of(EntityManagerFactory factory) {
    OutboxAccess access = OutboxAccess.get();
    access.requireActive(factory);
    return new StreamJpa(factory, access);
  }

  /** Returns the feed manager configured by this factory's settings. */
  public FeedManager feedManager() {
    return runtime.feeds(factory);
  }

  /** Returns the outbox: counters, dead rows, re-drive. */
  public Outbox outbox() {
    return runtime.outbox(factory);
  }

  /**
   * Pauses tracking of every entity of this factory: changes made while paused are never synced
   * (e.g. during a bulk import followed by {@link #backfill(Class)}).
   */
  public void pauseTracking() {
    runtime.trackAll(factory, true);
  }

  /** Resumes tracking paused by {@link #pauseTracking()}; per-class pauses stay. */
  public void resumeTracking() {
    runtime.trackAll(factory, false);
  }

  /** Pauses tracking of one entity class and its subclasses (activities or follow relations). */
  public void pauseTracking(Class<?> entityClass) {
    runtime.track(factory, Objects.requireNonNull(entityClass, "entityClass"), true);
  }

  /** Resumes tracking of an entity class paused by {@link #pauseTracking(Class)}. */
  public void resumeTracking(Class<?> entityClass) {
    runtime.track(factory, Objects.requireNonNull(entityClass, "entityClass"), false);
  }

  /** Returns whether tracking is paused globally. */
  public boolean isTrackingPaused() {
    return runtime.isTrackingPaused(factory);
  }

  /** Returns whether changes of instances of this class are currently not tracked. */
  public boolean isTrackingPaused(Class<?> entityClass) {
    return runtime.isTrackingPaused(factory, entityClass);
  }

  /**
   * Re-sends the activities of every existing row of an entity class, for data that existed before
   * stream-jpa or was changed by bulk statements; harmless to repeat (Stream keeps one activity per
   * foreign id and time). Returns the number of activities queued.
   */
  public long backfill(Class<? extends Activity> entityClass) {
    return backfill(entityClass, DEFAULT_BACKFILL_BATCH);
  }

  /** Like {@link #backfill(Class)}, reading {@code batchSize} rows per transaction. */
  public long backfill(Class<? extends Activity> entityClass, int batchSize) {
    return runtime.backfill(factory, entityClass, batchSize);
  }
}
