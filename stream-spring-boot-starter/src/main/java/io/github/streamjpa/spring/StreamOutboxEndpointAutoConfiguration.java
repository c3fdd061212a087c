package io.github.streamjpa.spring;

import io.github.streamjpa.jpa.outbox.Outbox;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Registers the {@link OutboxEndpoint} when Actuator is present and the endpoint is available. */
@AutoConfiguration(after = StreamJpaAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(Outbox.class)
public final class StreamOutboxEndpointAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public StreamOutboxEndpointAutoConfiguration() {}

  /**
   * The endpoint.
   *
   * @param outbox the outbox
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  OutboxEndpoint streamOutboxEndpoint(Outbox outbox) {
    return new OutboxEndpoint(outbox);
  }
}
