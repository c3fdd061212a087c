package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.internal.OutboxAccess;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;

/**
 * Gives every SessionFactory its own outbox runtime service (found through {@code
 * META-INF/services}); {@link StreamIntegrator} activates it.
 */
public final class RuntimeServiceContributor implements SessionFactoryServiceContributor {

  /** Creates the contributor (called by Hibernate's service loading). */
  public RuntimeServiceContributor() {}

  @Override
  public void contribute(SessionFactoryServiceRegistryBuilder builder) {
    builder.addInitiator(OutboxAccess.get().runtimeInitiator());
  }
}
