package io.github.streamjpa.jpa.internal.hibernate;

import io.github.streamjpa.jpa.outbox.OutboxRuntime;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;
import org.hibernate.service.spi.SessionFactoryServiceInitiatorContext;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;

/**
 * Gives every SessionFactory its own {@link OutboxRuntime} service (found through {@code
 * META-INF/services}); {@link StreamIntegrator} activates it.
 */
public final class RuntimeServiceContributor implements SessionFactoryServiceContributor {

  /** Creates the contributor (called by Hibernate's service loading). */
  public RuntimeServiceContributor() {}

  @Override
  public void contribute(SessionFactoryServiceRegistryBuilder builder) {
    builder.addInitiator(new Initiator());
  }

  private static final class Initiator implements SessionFactoryServiceInitiator<OutboxRuntime> {
    @Override
    public Class<OutboxRuntime> getServiceInitiated() {
      return OutboxRuntime.class;
    }

    @Override
    public OutboxRuntime initiateService(SessionFactoryServiceInitiatorContext context) {
      return OutboxRuntime.create(
          context.getSessionFactory(),
          context.getServiceRegistry().requireService(ConfigurationService.class).getSettings(),
          context
              .getServiceRegistry()
              .requireService(JdbcServices.class)
              .getBootstrapJdbcConnectionAccess());
    }
  }
}
