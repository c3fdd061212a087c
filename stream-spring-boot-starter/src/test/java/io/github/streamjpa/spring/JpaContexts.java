package io.github.streamjpa.spring;

import io.github.streamjpa.spring.sample.Pin;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Context runners with Boot's JPA auto-configuration on H2, the sample entities and the emulator.
 */
final class JpaContexts {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private JpaContexts() {}

  /** A runner with JPA on its own H2 database and the Stream auto-configurations given. */
  static ApplicationContextRunner withJpa(Class<?>... streamConfigurations) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                HibernateJpaAutoConfiguration.class,
                TransactionAutoConfiguration.class,
                StreamEmulatorAutoConfiguration.class,
                StreamClientAutoConfiguration.class,
                StreamJpaAutoConfiguration.class))
        .withConfiguration(AutoConfigurations.of(streamConfigurations))
        .withUserConfiguration(SampleEntities.class)
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:runner" + DATABASES.incrementAndGet(),
            "spring.jpa.hibernate.ddl-auto=create-drop",
            "stream.emulator.enabled=true",
            "stream.jpa.dispatcher.poll-interval=200ms");
  }

  @Configuration(proxyBeanMethods = false)
  @EntityScan(basePackageClasses = Pin.class)
  static class SampleEntities {}
}
