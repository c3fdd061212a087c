package io.github.streamjpa.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.jpa.outbox.Outbox;
import io.github.streamjpa.spring.sample.Pin;
import io.github.streamjpa.spring.sample.User;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class StreamActuatorAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      JpaContexts.withJpa(
          StreamMetricsAutoConfiguration.class,
          StreamHealthAutoConfiguration.class,
          StreamOutboxEndpointAutoConfiguration.class);

  @Test
  void withAMeterRegistryTheOutboxAndClientAreMetered() {
    runner
        .withConfiguration(
            AutoConfigurations.of(
                MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasBean("streamOutboxMetrics").hasBean("streamClientMetrics");
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              context.getBean(StreamClient.class).feed("user", "1").getActivities();
              assertThat(
                      registry
                          .get(ClientCallMeters.NAME)
                          .tag("operation", "GET feed/{slug}/{user}")
                          .tag("outcome", "SUCCESS")
                          .tag("status", "200")
                          .timer()
                          .count())
                  .isEqualTo(1);
              for (String meter :
                  new String[] {
                    "stream.outbox.pending",
                    "stream.outbox.oldest.pending.age",
                    "stream.outbox.dead",
                    "stream.outbox.sent",
                    "stream.outbox.retried"
                  }) {
                assertThat(registry.find(meter).meter()).as(meter).isNotNull();
              }
            });
  }

  @Test
  void withoutAMeterRegistryNothingIsMetered() {
    runner.run(
        context ->
            assertThat(context)
                .doesNotHaveBean("streamOutboxMetrics")
                .doesNotHaveBean("streamClientMetrics"));
  }

  @Test
  void withoutMicrometerOnTheClassPathNothingIsMetered() {
    runner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("streamOutboxMetrics");
            });
  }

  @Test
  void healthIsUpWithCountsAndThresholds() {
    runner.run(
        context -> {
          Health health = context.getBean(OutboxHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("pending", 0L)
              .containsEntry("dead", 0L)
              .containsEntry("maxPendingAge", "PT5M")
              .containsEntry("maxDeadRows", 0L);
        });
  }

  @Test
  void healthIsDownWhenTheOldestPendingRowIsOlderThanTheThreshold() {
    runner
        .withPropertyValues(
            "stream.jpa.dispatcher.enabled=false", "stream.health.max-pending-age=100ms")
        .run(
            context -> {
              persistPin(context, 7, "eve", "unsent");
              HealthIndicator indicator = context.getBean(OutboxHealthIndicator.class);
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> indicator.health(true).getStatus().equals(Status.DOWN));
              assertThat(indicator.health(true).getDetails())
                  .containsEntry("pending", 1L)
                  .hasEntrySatisfying(
                      "reason",
                      reason ->
                          assertThat((String) reason)
                              .contains("more than stream.health.max-pending-age PT0.1S"));
            });
  }

  @Test
  void healthIndicatorCanBeTurnedOff() {
    runner
        .withPropertyValues("management.health.streamoutbox.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(OutboxHealthIndicator.class));
  }

  @Test
  void withoutBootsHealthSupportThereIsNoIndicator() {
    runner
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).doesNotHaveBean(OutboxHealthIndicator.class));
  }

  @Test
  void endpointExistsOnlyWhenExposed() {
    runner.run(context -> assertThat(context).doesNotHaveBean(OutboxEndpoint.class));
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=streamoutbox")
        .run(context -> assertThat(context).hasSingleBean(OutboxEndpoint.class));
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=streamoutbox",
            "management.endpoint.streamoutbox.access=NONE")
        .run(context -> assertThat(context).doesNotHaveBean(OutboxEndpoint.class));
  }

  @Test
  void endpointListsAndRedrivesDeadRows() {
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=streamoutbox",
            "stream.jpa.dispatcher.initial-backoff=50ms")
        .run(
            context -> {
              context.getBean(EmulatorControl.class).failNext(1, 400);
              persistPin(context, 8, "finn", "refused");
              Outbox outbox = context.getBean(Outbox.class);
              await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().dead() == 1);
              OutboxEndpoint endpoint = context.getBean(OutboxEndpoint.class);

              OutboxEndpoint.Report report = endpoint.report();
              assertThat(report.dead()).isEqualTo(1);
              assertThat(report.deadRows())
                  .singleElement()
                  .satisfies(row -> assertThat(row.operation()).isEqualTo("ADD"));
              assertThat(endpoint.redrive(report.deadRows().get(0).id() + 1000).redriven())
                  .isZero();
              assertThat(endpoint.redriveAll().redriven()).isEqualTo(1);
              await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().pending() == 0);
              assertThat(outbox.stats().dead()).isZero();
            });
  }

  @Test
  void userDefinedIndicatorAndEndpointWin() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=streamoutbox")
        .withUserConfiguration(OwnActuatorBeans.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(OutboxHealthIndicator.class);
              assertThat(context.getBean(OutboxHealthIndicator.class).health(true).getDetails())
                  .containsEntry("maxPendingAge", "PT1H");
              assertThat(context.getBeanNamesForType(OutboxEndpoint.class))
                  .containsExactly("ownEndpoint");
            });
  }

  private static void persistPin(
      ApplicationContext context, long authorId, String authorName, String title) {
    context
        .getBean(EntityManagerFactory.class)
        .runInTransaction(
            em -> {
              User author = new User(authorId, authorName);
              em.persist(author);
              em.persist(new Pin(author, title));
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnActuatorBeans {
    @Bean
    OutboxHealthIndicator streamOutboxHealthIndicator(Outbox outbox) {
      return new OutboxHealthIndicator(outbox, Duration.ofHours(1), 10);
    }

    @Bean
    OutboxEndpoint ownEndpoint(Outbox outbox) {
      return new OutboxEndpoint(outbox);
    }
  }
}
