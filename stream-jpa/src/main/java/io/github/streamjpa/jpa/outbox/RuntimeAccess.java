package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.internal.OutboxAccess;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.DuplicationStrategy;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;
import org.hibernate.service.spi.SessionFactoryServiceInitiatorContext;

/**
 * The outbox package's side of {@link OutboxAccess}: wires {@link OutboxRuntime} into Hibernate
 * (service, listeners, factory lifecycle) and serves {@code StreamJpa}.
 */
final class RuntimeAccess extends OutboxAccess {

  @Override
  public Optional<String> managedTable(Map<String, Object> settings) {
    return OutboxRuntime.managedTable(settings);
  }

  @Override
  public SessionFactoryServiceInitiator<?> runtimeInitiator() {
    return new Initiator();
  }

  @Override
  public void integrate(Metadata metadata, SessionFactoryImplementor factory) {
    OutboxRuntime runtime = factory.getServiceRegistry().getService(OutboxRuntime.class);
    if (runtime == null) {
      return;
    }
    List<Class<?>> mapped = new ArrayList<>();
    for (PersistentClass binding : metadata.getEntityBindings()) {
      mapped.add(binding.getMappedClass());
    }
    if (!runtime.activate(mapped)) {
      return;
    }
    StreamSyncListener listener = new StreamSyncListener(runtime);
    EventListenerRegistry registry = factory.getEventListenerRegistry();
    DuplicationStrategy keepOriginal = new KeepOriginal();
    registry.getEventListenerGroup(EventType.POST_INSERT).addDuplicationStrategy(keepOriginal);
    registry.getEventListenerGroup(EventType.POST_UPDATE).addDuplicationStrategy(keepOriginal);
    registry.getEventListenerGroup(EventType.POST_DELETE).addDuplicationStrategy(keepOriginal);
    registry.appendListeners(EventType.POST_INSERT, listener);
    registry.appendListeners(EventType.POST_UPDATE, listener);
    registry.appendListeners(EventType.POST_DELETE, listener);
    factory.addObserver(
        new SessionFactoryObserver() {
          @Override
          public void sessionFactoryCreated(SessionFactory created) {
            runtime.start();
          }

          @Override
          public void sessionFactoryClosing(SessionFactory closing) {
            runtime.close();
          }
        });
  }

  @Override
  public void requireActive(EntityManagerFactory factory) {
    OutboxRuntime.of(factory);
  }

  @Override
  public FeedManager feeds(EntityManagerFactory factory) {
    return OutboxRuntime.of(factory).feeds();
  }

  @Override
  public Outbox outbox(EntityManagerFactory factory) {
    return OutboxRuntime.of(factory).outbox();
  }

  @Override
  public void trackAll(EntityManagerFactory factory, boolean paused) {
    if (paused) {
      OutboxRuntime.of(factory).pauseTracking();
    } else {
      OutboxRuntime.of(factory).resumeTracking();
    }
  }

  @Override
  public void track(EntityManagerFactory factory, Class<?> entityClass, boolean paused) {
    if (paused) {
      OutboxRuntime.of(factory).pauseTracking(entityClass);
    } else {
      OutboxRuntime.of(factory).resumeTracking(entityClass);
    }
  }

  @Override
  public boolean isTrackingPaused(EntityManagerFactory factory) {
    return OutboxRuntime.of(factory).isTrackingPaused();
  }

  @Override
  public boolean isTrackingPaused(EntityManagerFactory factory, Class<?> entityClass) {
    return OutboxRuntime.of(factory).isTrackingPaused(entityClass);
  }

  @Override
  public <T extends Activity> long backfill(
      EntityManagerFactory factory, Class<T> type, int batchSize) {
    return OutboxRuntime.of(factory).backfill(factory, type, batchSize);
  }

  /** Creates each SessionFactory's inactive runtime. */
  private static final class Initiator implements SessionFactoryServiceInitiator<OutboxRuntime> {
    @Override
    public Class<OutboxRuntime> getServiceInitiated() {
      return OutboxRuntime.class;
    }

    @Override
    public OutboxRuntime initiateService(SessionFactoryServiceInitiatorContext context) {
      JdbcServices jdbc = context.getServiceRegistry().requireService(JdbcServices.class);
      return OutboxRuntime.create(
          context.getSessionFactory(),
          context.getServiceRegistry().requireService(ConfigurationService.class).getSettings(),
          jdbc.getBootstrapJdbcConnectionAccess(),
          jdbc.getDialect());
    }
  }

  /** Keeps the first stream-jpa listener when listeners are appended twice to one registry. */
  private static final class KeepOriginal implements DuplicationStrategy {
    @Override
    public boolean areMatch(Object listener, Object original) {
      return listener instanceof StreamSyncListener && original instanceof StreamSyncListener;
    }

    @Override
    public Action getAction() {
      return Action.KEEP_ORIGINAL;
    }
  }
}
