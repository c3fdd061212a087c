package io.github.streamjpa.spring;

import io.github.streamjpa.jpa.outbox.Outbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** Registers {@link OutboxHealthIndicator} as the {@code streamOutbox} health contributor. */
@AutoConfiguration(after = StreamJpaAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Outbox.class)
@ConditionalOnEnabledHealthIndicator("streamoutbox")
@EnableConfigurationProperties(StreamProperties.class)
public final class StreamHealthAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public StreamHealthAutoConfiguration() {}

  /**
   * The outbox health indicator with the configured thresholds.
   *
   * @param outbox the outbox
   * @param properties the {@code stream.*} properties ({@code stream.health.*})
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "streamOutboxHealthIndicator")
  OutboxHealthIndicator streamOutboxHealthIndicator(Outbox outbox, StreamProperties properties) {
    return new OutboxHealthIndicator(
        outbox, properties.health().maxPendingAge(), properties.health().maxDeadRows());
  }
}
