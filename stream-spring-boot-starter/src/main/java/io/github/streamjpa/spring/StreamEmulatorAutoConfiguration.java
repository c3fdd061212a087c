package io.github.streamjpa.spring;

import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.emulator.FeedGroupType;
import io.github.streamjpa.emulator.StreamEmulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts an embedded {@link StreamEmulator} for the application context's lifetime when {@code
 * stream.emulator.enabled=true} and stream-emulator is on the class path, declares the configured
 * feed groups, and points the {@code StreamClient} at it. Tests and development code can inject the
 * {@link StreamEmulator} and its {@link EmulatorControl}.
 */
@AutoConfiguration
@ConditionalOnClass(StreamEmulator.class)
@ConditionalOnBooleanProperty("stream.emulator.enabled")
@EnableConfigurationProperties(StreamProperties.class)
public final class StreamEmulatorAutoConfiguration {

  private static final String DEFAULT_USER_FEED = "user";
  private static final List<String> DEFAULT_NEWS_FEEDS = List.of("timeline", "timeline_aggregated");
  private static final String DEFAULT_NOTIFICATION_FEED = "notification";

  /** Creates the configuration; Spring calls it. */
  public StreamEmulatorAutoConfiguration() {}

  /**
   * The running emulator, closed with the context.
   *
   * @param properties the {@code stream.*} properties
   * @return the started emulator
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  StreamEmulator streamEmulator(StreamProperties properties) {
    return StreamEmulator.start(config(properties));
  }

  /**
   * The emulator's control: stored state, recorded requests, injected faults.
   *
   * @param emulator the running emulator
   * @return its control
   */
  @Bean
  @ConditionalOnMissingBean
  EmulatorControl streamEmulatorControl(StreamEmulator emulator) {
    return emulator.control();
  }

  @Bean
  EmbeddedEmulatorTarget streamEmulatorTarget(StreamEmulator emulator) {
    return new EmbeddedEmulatorTarget(emulator.baseUrl(), emulator.apiKey(), emulator.apiSecret());
  }

  /** The emulator configuration: the properties' address, credentials and feed groups. */
  static EmulatorConfig config(StreamProperties properties) {
    StreamProperties.Emulator emulator = properties.emulator();
    EmulatorConfig.Builder config =
        EmulatorConfig.builder()
            .host(emulator.host())
            .port(emulator.port())
            .strictFeedGroups(emulator.strictFeedGroups());
    if (properties.hasCredentials()) {
      config.apiKey(properties.apiKey()).apiSecret(properties.apiSecret());
    }
    feedGroups(properties).forEach(config::feedGroup);
    return config.build();
  }

  /** The feed groups of the feed conventions, then those listed under the emulator. */
  static Map<String, FeedGroupType> feedGroups(StreamProperties properties) {
    StreamProperties.Feeds feeds = properties.jpa().feeds();
    Map<String, FeedGroupType> groups = new LinkedHashMap<>();
    groups.put(orDefault(feeds.user(), DEFAULT_USER_FEED), FeedGroupType.FLAT);
    for (String entry : feeds.news() == null ? DEFAULT_NEWS_FEEDS : feeds.news()) {
      String slug = entry.substring(entry.indexOf('=') + 1).trim();
      // a news feed is flat unless its slug says otherwise, as for the default pair
      groups.put(slug, slug.contains("aggregated") ? FeedGroupType.AGGREGATED : FeedGroupType.FLAT);
    }
    groups.put(
        orDefault(feeds.notification(), DEFAULT_NOTIFICATION_FEED), FeedGroupType.NOTIFICATION);
    properties
        .emulator()
        .feedGroups()
        .forEach((slug, kind) -> groups.put(slug, FeedGroupType.valueOf(kind.name())));
    return groups;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
