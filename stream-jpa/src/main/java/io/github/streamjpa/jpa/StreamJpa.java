package io.github.streamjpa.jpa;

import io.github.streamjpa.jpa.internal.SyncRuntime;
import io.github.streamjpa.jpa.internal.hibernate.Runtimes;
import jakarta.persistence.EntityManagerFactory;

/**
 * The stream-jpa handle of one EntityManagerFactory (SessionFactory): its feed conventions, its
 * outbox and the backfill. Sync itself needs no call: it starts with the factory.
 *
 * <pre>{@code
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("app",
 *     Map.of(StreamJpaSettings.CLIENT, StreamClient.connect(key, secret)));
 * StreamJpa stream = StreamJpa.of(emf);
 * stream.feedManager().followUser(aliceId, bobId);
 * stream.backfill(Pin.class);                       // existing rows, once when adopting
 * OutboxStats stats = stream.outbox().stats();
 * }</pre>
 */
public final class StreamJpa {

  /** Rows read per transaction by {@link #backfill(Class)}. */
  public static final int DEFAULT_BACKFILL_BATCH = 500;

  private final EntityManagerFactory factory;
  private final SyncRuntime runtime;

  private StreamJpa(EntityManagerFactory factory, SyncRuntime runtime) {
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
    return new StreamJpa(factory, Runtimes.of(factory));
  }

  /** Returns the feed manager configured by this factory's settings. */
  public FeedManager feedManager() {
    return runtime.feeds();
  }

  /** Returns the outbox: counters, dead rows, re-drive. */
  public Outbox outbox() {
    return new Outbox(runtime);
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
    return Runtimes.backfill(factory, runtime, entityClass, batchSize);
  }
}
