package io.github.streamjpa.spring;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.StreamJpaSettings;
import java.util.Map;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Hands the client and the {@code stream.jpa.*} properties to Hibernate as {@link
 * StreamJpaSettings}; values not set keep what {@code spring.jpa.properties} or stream-jpa's
 * defaults give.
 */
final class StreamHibernateSettings implements HibernatePropertiesCustomizer {

  private final StreamClient client;
  private final StreamProperties.Jpa jpa;

  StreamHibernateSettings(StreamClient client, StreamProperties.Jpa jpa) {
    this.client = client;
    this.jpa = jpa;
  }

  @Override
  public void customize(Map<String, Object> settings) {
    refuseKebabCaseSettings(settings);
    settings.put(StreamJpaSettings.ENABLED, jpa.enabled());
    if (!jpa.enabled()) {
      return;
    }
    settings.put(StreamJpaSettings.CLIENT, client);
    StreamProperties.Feeds feeds = jpa.feeds();
    put(settings, StreamJpaSettings.USER_FEED, feeds.user());
    put(
        settings,
        StreamJpaSettings.NEWS_FEEDS,
        feeds.news() == null ? null : String.join(",", feeds.news()));
    put(settings, StreamJpaSettings.NOTIFICATION_FEED, feeds.notification());
    put(settings, StreamJpaSettings.FOLLOW_COPY_LIMIT, jpa.follow().activityCopyLimit());
    put(settings, StreamJpaSettings.UNFOLLOW_KEEP_HISTORY, jpa.follow().keepHistory());
    put(settings, StreamJpaSettings.OUTBOX_TABLE, jpa.outbox().table());
    put(settings, StreamJpaSettings.OUTBOX_SCHEMA_MANAGED, jpa.outbox().schemaManaged());
    StreamProperties.Dispatcher dispatcher = jpa.dispatcher();
    put(settings, StreamJpaSettings.DISPATCHER_ENABLED, dispatcher.enabled());
    put(settings, StreamJpaSettings.BATCH_SIZE, dispatcher.batchSize());
    put(settings, StreamJpaSettings.MAX_ATTEMPTS, dispatcher.maxAttempts());
    put(settings, StreamJpaSettings.POLL_INTERVAL, dispatcher.pollInterval());
    put(settings, StreamJpaSettings.INITIAL_BACKOFF, dispatcher.initialBackoff());
    put(settings, StreamJpaSettings.MAX_BACKOFF, dispatcher.maxBackoff());
    put(settings, StreamJpaSettings.LEASE, dispatcher.lease());
    put(settings, StreamJpaSettings.SHUTDOWN_TIMEOUT, dispatcher.shutdownTimeout());
  }

  /**
   * Hibernate reads stream-jpa's settings in snake_case only; a kebab-case key given through {@code
   * spring.jpa.properties} would be ignored without a word.
   */
  private static void refuseKebabCaseSettings(Map<String, Object> settings) {
    for (String key : settings.keySet()) {
      if (key.startsWith("stream.") && key.contains("-")) {
        String property = "stream.jpa." + key.substring("stream.".length());
        throw new StreamSetupException(
            "spring.jpa.properties."
                + key
                + " is not a stream-jpa setting: stream-jpa reads its Hibernate settings in"
                + " snake_case, so this one would be ignored.",
            "Set "
                + property
                + " instead (the starter's property, kebab-case, with Boot's"
                + " conversions such as 5s), or spring.jpa.properties."
                + key.replace('-', '_')
                + ".");
      }
    }
  }

  private static void put(Map<String, Object> settings, String name, Object value) {
    if (value != null) {
      settings.put(name, value);
    }
  }
}
