package io.github.streamjpa.spring;

import io.github.streamjpa.core.RetryPolicy;
import io.github.streamjpa.core.StreamClient;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link StreamClient} from the {@code stream.*} properties, or pointed
 * at the embedded emulator when {@code stream.emulator.enabled=true}. Without credentials and
 * without the emulator, startup fails and says what to set.
 */
@AutoConfiguration(after = StreamEmulatorAutoConfiguration.class)
@ConditionalOnClass(StreamClient.class)
@EnableConfigurationProperties(StreamProperties.class)
public final class StreamClientAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public StreamClientAutoConfiguration() {}

  /**
   * The client, configured from the properties.
   *
   * @param properties the {@code stream.*} properties
   * @param emulator the embedded emulator's address, when it runs
   * @param httpCustomizers adjustments of the OkHttp client
   * @param customizers adjustments of the client builder
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  StreamClient streamClient(
      StreamProperties properties,
      ObjectProvider<EmbeddedEmulatorTarget> emulator,
      ObjectProvider<StreamHttpClientCustomizer> httpCustomizers,
      ObjectProvider<StreamClientCustomizer> customizers) {
    EmbeddedEmulatorTarget target = emulator.getIfAvailable();
    StreamClient.Builder builder;
    if (target != null) {
      builder = StreamClient.builder(target.apiKey(), target.apiSecret()).baseUrl(target.baseUrl());
    } else if (properties.hasCredentials()) {
      builder = StreamClient.builder(properties.apiKey(), properties.apiSecret());
      if (present(properties.baseUrl())) {
        builder.baseUrl(properties.baseUrl());
      } else if (present(properties.location())) {
        builder.location(properties.location());
      }
    } else {
      throw StreamSetupException.noCredentials(properties.emulator().enabled());
    }
    OkHttpClient.Builder http = new OkHttpClient.Builder();
    httpCustomizers.orderedStream().forEach(customizer -> customizer.customize(http));
    StreamProperties.Retry retry = properties.retry();
    builder
        .okHttpClient(http.build())
        .connectTimeout(properties.connectTimeout())
        .readTimeout(properties.readTimeout())
        .writeTimeout(properties.writeTimeout())
        .callTimeout(properties.callTimeout())
        .retryPolicy(
            new RetryPolicy(
                retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.jitter()));
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
