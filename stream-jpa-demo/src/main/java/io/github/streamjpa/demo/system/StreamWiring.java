package io.github.streamjpa.demo.system;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.Outbox;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.enrich.Enricher;
import io.github.streamjpa.jpa.enrich.FeedReader;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/** Connects stream-jpa to an in-process emulator. */
@Configuration(proxyBeanMethods = false)
class StreamWiring {

  @Bean(destroyMethod = "close")
  StreamEmulator streamEmulator() {
    return StreamEmulator.start();
  }

  @Bean
  StreamClient streamClient(StreamEmulator emulator) {
    return StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
        .baseUrl(emulator.baseUrl())
        .build();
  }

  @Bean
  HibernatePropertiesCustomizer streamJpaClient(StreamClient client) {
    return properties -> properties.put(StreamJpaSettings.CLIENT, client);
  }

  @Bean
  FeedManager feedManager(EntityManagerFactory emf) {
    return StreamJpa.of(emf).feedManager();
  }

  @Bean
  Outbox outbox(EntityManagerFactory emf) {
    return StreamJpa.of(emf).outbox();
  }

  @Bean
  Enricher enricher(EntityManagerFactory emf) {
    return Enricher.builder(emf)
        .currentEntityManager(() -> EntityManagerFactoryUtils.getTransactionalEntityManager(emf))
        .build();
  }

  @Bean
  FeedReader feedReader(Enricher enricher, FeedManager feedManager) {
    return FeedReader.of(enricher, feedManager);
  }
}
