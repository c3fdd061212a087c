package io.github.streamjpa.spring;

import io.github.streamjpa.jpa.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for Stream: the outbox ({@code stream.outbox.pending}, {@code
 * stream.outbox.oldest.pending.age}, {@code stream.outbox.sent}, {@code stream.outbox.retried},
 * {@code stream.outbox.dead}) and the client's calls ({@code stream.client.requests}, a timer
 * tagged with operation, outcome and status). Active when the application has a {@link
 * MeterRegistry}, as with {@code spring-boot-starter-actuator}.
 */
@AutoConfiguration(
    after = {
      MetricsAutoConfiguration.class,
      CompositeMeterRegistryAutoConfiguration.class,
      StreamJpaAutoConfiguration.class
    },
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, MetricsAutoConfiguration.class})
@ConditionalOnBean(MeterRegistry.class)
public final class StreamMetricsAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public StreamMetricsAutoConfiguration() {}

  /**
   * Times the auto-configured client's requests.
   *
   * @param registry the application's registry
   * @return the customizer adding the timing interceptor
   */
  @Bean
  @ConditionalOnMissingBean(name = "streamClientMetrics")
  StreamHttpClientCustomizer streamClientMetrics(MeterRegistry registry) {
    ClientCallMeters meters = new ClientCallMeters(registry);
    return http -> http.addInterceptor(meters);
  }

  /**
   * The outbox meters.
   *
   * @param outbox the outbox
   * @return the binder registering them
   */
  @Bean
  @ConditionalOnMissingBean(name = "streamOutboxMetrics")
  @ConditionalOnBean(Outbox.class)
  MeterBinder streamOutboxMetrics(Outbox outbox) {
    return new OutboxMeters(outbox);
  }
}
