package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.internal.OutboxAccess;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Wires stream-jpa into every SessionFactory, as Hibernate Envers does: found through {@code
 * META-INF/services}, it activates the SessionFactory's outbox runtime service when some entity
 * implements {@code Activity} or {@code FollowRelationEntity}, appends insert, update and delete
 * listeners, and starts the dispatcher with the factory. Opt out with {@code stream.enabled=false}.
 */
public final class StreamIntegrator implements Integrator {

  /** Creates the integrator (called by Hibernate's service loading). */
  public StreamIntegrator() {}

  @Override
  public void integrate(
      Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
    OutboxAccess.get().integrate(metadata, factory);
  }
}
