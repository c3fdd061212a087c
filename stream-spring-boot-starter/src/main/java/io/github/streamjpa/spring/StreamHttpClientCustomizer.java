package io.github.streamjpa.spring;

import okhttp3.OkHttpClient;

/**
 * Adjusts the OkHttp client the auto-configured {@code StreamClient} sends through: interceptors of
 * your own, a proxy, a connection pool. Declare it as a bean; several run in {@code @Order}. The
 * {@code stream.*-timeout} properties are applied after it. The client-call meters are added this
 * way.
 *
 * <pre>{@code
 * @Bean
 * StreamHttpClientCustomizer streamProxy() {
 *   return http -> http.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy", 3128)));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface StreamHttpClientCustomizer {

  /**
   * Adjusts the OkHttp builder.
   *
   * @param http the builder of the OkHttp client handed to the Stream client
   */
  void customize(OkHttpClient.Builder http);
}
