package io.github.streamjpa.jpa.internal;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.outbox.Outbox;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Optional;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;

/**
 * Not API: the bridge through which stream-jpa's own packages reach the package-private engine of
 * {@code io.github.streamjpa.jpa.outbox}. It may change in any release; applications use {@code
 * StreamJpa} and {@link Outbox}.
 *
 * <p>The outbox package installs its implementation once, from the static initializer of {@link
 * Outbox}; {@link #get()} initializes that class first, so the bridge is there whichever class
 * loads first.
 */
public abstract class OutboxAccess {

  private static volatile OutboxAccess installed;

  /** For the outbox package's implementation only. */
  protected OutboxAccess() {}

  /**
   * Installs the implementation; called once by the outbox package.
   *
   * @throws IllegalStateException when one is already installed
   */
  public static synchronized void install(OutboxAccess access) {
    if (installed != null) {
      throw new IllegalStateException("the outbox bridge is already installed");
    }
    installed = access;
  }

  /** Returns the installed implementation, initializing the outbox package if needed. */
  public static OutboxAccess get() {
    OutboxAccess current = installed;
    if (current != null) {
      return current;
    }
    try {
      Class.forName(Outbox.class.getName(), true, Outbox.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("stream-jpa's outbox package is missing", e);
    }
    current = installed;
    if (current == null) {
      throw new IllegalStateException("stream-jpa's outbox package did not install its bridge");
    }
    return current;
  }

  /**
   * Returns the outbox table name when Hibernate's schema tooling manages it (stream-jpa enabled
   * and {@code stream.outbox.schema_managed} not false), as configured.
   */
  public abstract Optional<String> managedTable(Map<String, Object> settings);

  /** Returns the initiator of the per-SessionFactory runtime service. */
  public abstract SessionFactoryServiceInitiator<?> runtimeInitiator();

  /**
   * Activates the factory's runtime when some mapped entity is synced: registers the listeners and
   * starts and stops the dispatcher with the factory.
   */
  public abstract void integrate(Metadata metadata, SessionFactoryImplementor factory);

  /**
   * Checks stream-jpa is active on a factory.
   *
   * @throws IllegalStateException when it is not
   */
  public abstract void requireActive(EntityManagerFactory factory);

  /** Returns the feed conventions of an active factory. */
  public abstract FeedManager feeds(EntityManagerFactory factory);

  /** Returns the outbox of an active factory. */
  public abstract Outbox outbox(EntityManagerFactory factory);

  /** Pauses or resumes tracking of every entity. */
  public abstract void trackAll(EntityManagerFactory factory, boolean paused);

  /** Pauses or resumes tracking of one entity class and its subclasses. */
  public abstract void track(EntityManagerFactory factory, Class<?> entityClass, boolean paused);

  /** Returns whether tracking is paused globally. */
  public abstract boolean isTrackingPaused(EntityManagerFactory factory);

  /** Returns whether changes of instances of a class are currently not tracked. */
  public abstract boolean isTrackingPaused(EntityManagerFactory factory, Class<?> entityClass);

  /** Writes ADD rows for every existing entity of a type; returns how many. */
  public abstract <T extends Activity> long backfill(
      EntityManagerFactory factory, Class<T> type, int batchSize);
}
