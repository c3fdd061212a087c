package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.outbox.OutboxRuntime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.DuplicationStrategy;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;

/**
 * Wires stream-jpa into every SessionFactory, as Hibernate Envers does: found through {@code
 * META-INF/services}, it activates the SessionFactory's {@link OutboxRuntime} service when some
 * entity implements {@code Activity} or {@code FollowRelationEntity}, appends insert, update and
 * delete listeners, and starts the dispatcher with the factory. Opt out with {@code
 * stream.enabled=false}.
 */
public final class StreamIntegrator implements Integrator {

  /** Creates the integrator (called by Hibernate's service loading). */
  public StreamIntegrator() {}

  @Override
  public void integrate(
      Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
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
