package io.github.streamjpa.spring;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.enrich.Enricher;
import io.github.streamjpa.jpa.enrich.FeedReader;
import io.github.streamjpa.jpa.outbox.Outbox;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * Auto-configuration of stream-jpa on Boot's Hibernate EntityManagerFactory: the client and the
 * {@code stream.jpa.*} settings go to Hibernate (no customizer to write), and {@link StreamJpa},
 * {@link FeedManager}, {@link Outbox}, {@link Enricher} (joined to the EntityManager of Spring's
 * current transaction) and {@link FeedReader} become beans. {@code stream.jpa.enabled=false} turns
 * all of it off.
 */
@AutoConfiguration(
    after = {HibernateJpaAutoConfiguration.class, StreamClientAutoConfiguration.class})
@ConditionalOnClass({StreamJpa.class, HibernatePropertiesCustomizer.class})
@EnableConfigurationProperties(StreamProperties.class)
public final class StreamJpaAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public StreamJpaAutoConfiguration() {}

  /**
   * The Hibernate settings of stream-jpa: the client and the {@code stream.jpa.*} properties.
   *
   * @param client the client outbox rows are sent with
   * @param properties the {@code stream.*} properties
   * @return the customizer Boot applies to the EntityManagerFactory
   */
  @Bean
  @ConditionalOnMissingBean(name = "streamHibernatePropertiesCustomizer")
  @ConditionalOnBean(StreamClient.class)
  HibernatePropertiesCustomizer streamHibernatePropertiesCustomizer(
      StreamClient client, StreamProperties properties) {
    return new StreamHibernateSettings(client, properties.jpa());
  }

  /**
   * The stream-jpa handle of the EntityManagerFactory.
   *
   * @param entityManagerFactory Boot's EntityManagerFactory
   * @return its handle
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(EntityManagerFactory.class)
  @ConditionalOnBooleanProperty(name = "stream.jpa.enabled", matchIfMissing = true)
  StreamJpa streamJpa(EntityManagerFactory entityManagerFactory) {
    return StreamJpa.of(entityManagerFactory);
  }

  /**
   * The feed conventions.
   *
   * @param streamJpa the handle
   * @return its feed manager
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(EntityManagerFactory.class)
  @ConditionalOnBooleanProperty(name = "stream.jpa.enabled", matchIfMissing = true)
  FeedManager streamFeedManager(StreamJpa streamJpa) {
    return streamJpa.feedManager();
  }

  /**
   * The outbox: counters, dead rows, re-drive.
   *
   * @param streamJpa the handle
   * @return its outbox
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(EntityManagerFactory.class)
  @ConditionalOnBooleanProperty(name = "stream.jpa.enabled", matchIfMissing = true)
  Outbox streamOutbox(StreamJpa streamJpa) {
    return streamJpa.outbox();
  }

  /**
   * The enricher, loading in the EntityManager of Spring's current transaction when there is one.
   *
   * @param entityManagerFactory Boot's EntityManagerFactory
   * @param properties the {@code stream.*} properties ({@code stream.jpa.enrich.fields})
   * @return the enricher
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(EntityManagerFactory.class)
  @ConditionalOnBooleanProperty(name = "stream.jpa.enabled", matchIfMissing = true)
  Enricher streamEnricher(EntityManagerFactory entityManagerFactory, StreamProperties properties) {
    return Enricher.builder(entityManagerFactory)
        .fields(properties.jpa().enrich().fields().toArray(String[]::new))
        .currentEntityManager(
            () -> EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory))
        .build();
  }

  /**
   * The reader controllers call for enriched timelines, user feeds and notifications.
   *
   * @param enricher the enricher
   * @param feedManager the feed conventions
   * @return the reader
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(EntityManagerFactory.class)
  @ConditionalOnBooleanProperty(name = "stream.jpa.enabled", matchIfMissing = true)
  FeedReader streamFeedReader(Enricher enricher, FeedManager feedManager) {
    return FeedReader.of(enricher, feedManager);
  }
}
