package io.github.streamjpa.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import io.github.streamjpa.jpa.enrich.Enricher;
import io.github.streamjpa.jpa.enrich.FeedReader;
import io.github.streamjpa.jpa.outbox.Outbox;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class StreamJpaAutoConfigurationTest {

  private final ApplicationContextRunner runner = JpaContexts.withJpa();

  @Test
  void definesTheStreamJpaBeansOnBootsEntityManagerFactory() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context)
              .hasSingleBean(StreamJpa.class)
              .hasSingleBean(FeedManager.class)
              .hasSingleBean(Outbox.class)
              .hasSingleBean(Enricher.class)
              .hasSingleBean(FeedReader.class)
              .hasBean("streamHibernatePropertiesCustomizer");
          StreamJpa streamJpa = StreamJpa.of(context.getBean(EntityManagerFactory.class));
          assertThat(streamJpa.feedManager().client())
              .isSameAs(context.getBean(StreamClient.class));
          assertThat(context.getBean(Outbox.class).stats().pending()).isZero();
        });
  }

  @Test
  void jpaPropertiesBecomeStreamJpaSettingsWithBootConversions() {
    runner
        .withPropertyValues(
            "stream.jpa.feeds.user=people",
            "stream.jpa.feeds.news=timeline,flat=home",
            "stream.jpa.feeds.notification=alerts",
            "stream.jpa.follow.activity-copy-limit=20",
            "stream.jpa.follow.keep-history=true",
            "stream.jpa.outbox.table=sync_outbox",
            "stream.jpa.dispatcher.max-attempts=12",
            "stream.jpa.dispatcher.batch-size=7",
            "stream.jpa.dispatcher.max-backoff=5s",
            "stream.jpa.enrich.fields=board,album")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Map<String, Object> settings = hibernateSettings(context);
              assertThat(settings)
                  .containsEntry(StreamJpaSettings.CLIENT, context.getBean(StreamClient.class))
                  .containsEntry(StreamJpaSettings.USER_FEED, "people")
                  .containsEntry(StreamJpaSettings.NEWS_FEEDS, "timeline,flat=home")
                  .containsEntry(StreamJpaSettings.NOTIFICATION_FEED, "alerts")
                  .containsEntry(StreamJpaSettings.FOLLOW_COPY_LIMIT, 20)
                  .containsEntry(StreamJpaSettings.UNFOLLOW_KEEP_HISTORY, true)
                  .containsEntry(StreamJpaSettings.OUTBOX_TABLE, "sync_outbox")
                  .containsEntry(StreamJpaSettings.MAX_ATTEMPTS, 12)
                  .containsEntry(StreamJpaSettings.BATCH_SIZE, 7)
                  .containsEntry(StreamJpaSettings.MAX_BACKOFF, Duration.ofSeconds(5));
              FeedManager feeds = context.getBean(FeedManager.class);
              assertThat(feeds.userFeedSlug()).isEqualTo("people");
              assertThat(feeds.newsFeedSlugs())
                  .containsExactly(Map.entry("timeline", "timeline"), Map.entry("flat", "home"));
              assertThat(feeds.notificationFeedSlug()).isEqualTo("alerts");
              assertThat(feeds.activityCopyLimit()).isEqualTo(20);
              assertThat(context.getBean(Enricher.class).fields())
                  .isEqualTo(List.of("board", "album"));
            });
  }

  @Test
  void unsetJpaPropertiesLeaveStreamJpaDefaults() {
    runner.run(
        context -> {
          Map<String, Object> settings = hibernateSettings(context);
          assertThat(settings)
              .containsOnlyKeys(
                  StreamJpaSettings.ENABLED,
                  StreamJpaSettings.CLIENT,
                  StreamJpaSettings.POLL_INTERVAL);
          assertThat(context.getBean(FeedManager.class).userFeedSlug()).isEqualTo("user");
        });
  }

  @Test
  void disabledLeavesHibernateUntouchedAndDefinesNoStreamJpaBeans() {
    runner
        .withPropertyValues("stream.jpa.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context)
                  .doesNotHaveBean(StreamJpa.class)
                  .doesNotHaveBean(FeedManager.class)
                  .doesNotHaveBean(FeedReader.class)
                  .hasSingleBean(StreamClient.class);
              Map<String, Object> settings = hibernateSettings(context);
              assertThat(settings).containsExactly(Map.entry(StreamJpaSettings.ENABLED, false));
            });
  }

  @Test
  void withoutBootsHibernateSupportOnlyTheClientIsConfigured() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                StreamEmulatorAutoConfiguration.class,
                StreamClientAutoConfiguration.class,
                StreamJpaAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(HibernatePropertiesCustomizer.class))
        .withPropertyValues("stream.emulator.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(StreamClient.class)
                    .doesNotHaveBean("streamHibernatePropertiesCustomizer"));
  }

  @Test
  void withoutAnEntityManagerFactoryOnlyTheHibernateSettingsAreDefined() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                StreamEmulatorAutoConfiguration.class,
                StreamClientAutoConfiguration.class,
                StreamJpaAutoConfiguration.class))
        .withPropertyValues("stream.emulator.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasBean("streamHibernatePropertiesCustomizer")
                    .doesNotHaveBean(StreamJpa.class)
                    .doesNotHaveBean(FeedManager.class)
                    .doesNotHaveBean(Enricher.class)
                    .doesNotHaveBean(FeedReader.class));
  }

  @Test
  void userDefinedBeansWin() {
    runner
        .withUserConfiguration(OwnBeans.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(Enricher.class).hasSingleBean(FeedReader.class);
              assertThat(context.getBean(Enricher.class).fields()).containsExactly("album");
              assertThat(context.getBeanNamesForType(FeedReader.class))
                  .containsExactly("ownReader");
              Map<String, Object> settings = hibernateSettings(context);
              assertThat(settings).containsOnlyKeys(StreamJpaSettings.CLIENT);
            });
  }

  @Test
  void badJpaValuesFailNamingTheProperty() {
    assertStartupFails(
        "stream.jpa.feeds.user=a:b", "stream.jpa.feeds.user slug 'a:b' must match [\\w-]+");
    assertStartupFails(
        "stream.jpa.feeds.news=timeline,x y",
        "stream.jpa.feeds.news slug 'x y' must match [\\w-]+");
    assertStartupFails(
        "stream.jpa.dispatcher.max-attempts=0",
        "stream.jpa.dispatcher.max-attempts 0 must be at least 1");
    assertStartupFails(
        "stream.jpa.follow.activity-copy-limit=5000",
        "stream.jpa.follow.activity-copy-limit 5000 must be between 0 and 1000");
    assertStartupFails(
        "stream.jpa.dispatcher.poll-interval=0s",
        "stream.jpa.dispatcher.poll-interval PT0S must be positive");
    assertStartupFails(
        "stream.jpa.enrich.fields=board,9x",
        "stream.jpa.enrich.fields entry '9x' must match [A-Za-z_][A-Za-z0-9_]*");
    assertStartupFails("stream.jpa.dispatcher.lease=soon", "stream.jpa.dispatcher.lease");
  }

  @Test
  void kebabCaseHibernateSettingFailsNamingTheStarterProperty() {
    runner
        .withPropertyValues("spring.jpa.properties.stream.dispatcher.max-attempts=12")
        .run(
            context -> {
              FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("spring.jpa.properties.stream.dispatcher.max-attempts")
                  .contains("would be ignored");
              assertThat(analysis.getAction())
                  .contains("stream.jpa.dispatcher.max-attempts")
                  .contains("spring.jpa.properties.stream.dispatcher.max_attempts");
            });
  }

  @Test
  void propertiesNeverShowTheSecret() {
    runner
        .withPropertyValues("stream.api-key=k", "stream.api-secret=very-secret-value")
        .run(
            context ->
                assertThat(context.getBean(StreamProperties.class).toString())
                    .contains("apiKey=k")
                    .doesNotContain("very-secret-value"));
  }

  /** The settings the starter's customizer hands to Hibernate. */
  private static Map<String, Object> hibernateSettings(ApplicationContext context) {
    Map<String, Object> settings = new HashMap<>();
    context
        .getBean("streamHibernatePropertiesCustomizer", HibernatePropertiesCustomizer.class)
        .customize(settings);
    return settings;
  }

  private void assertStartupFails(String property, String message) {
    runner
        .withPropertyValues(property)
        .run(
            context ->
                assertThat(FailureAnalyses.of(context.getStartupFailure()).getDescription())
                    .as(property)
                    .contains(message));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    @Bean
    Enricher ownEnricher(EntityManagerFactory entityManagerFactory) {
      return Enricher.builder(entityManagerFactory).fields("album").build();
    }

    @Bean
    FeedReader ownReader(Enricher enricher) {
      return FeedReader.of(enricher);
    }

    @Bean
    HibernatePropertiesCustomizer streamHibernatePropertiesCustomizer(StreamClient client) {
      return settings -> settings.put(StreamJpaSettings.CLIENT, client);
    }
  }
}
