package io.github.streamjpa.spring;

import io.github.streamjpa.core.StreamClient;

/**
 * Adjusts the auto-configured {@link StreamClient} before it is built, after the {@code stream.*}
 * properties are applied (e.g. an {@code ObjectMapper} of your own). Declare it as a bean; several
 * run in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * StreamClientCustomizer streamObjectMapper(ObjectMapper mapper) {
 *   return builder -> builder.objectMapper(mapper);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface StreamClientCustomizer {

  /**
   * Adjusts the builder.
   *
   * @param builder the client builder, with the properties applied
   */
  void customize(StreamClient.Builder builder);
}
