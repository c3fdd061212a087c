package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.StreamJpaSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the parts of one SessionFactory's runtime from its stream-jpa settings. */
final class RuntimeSettings {

  static final String DEFAULT_TABLE = "stream_outbox";

  private final Settings settings;

  RuntimeSettings(Map<String, Object> values) {
    this.settings = new Settings(values);
  }

  boolean enabled() {
    return settings.bool(StreamJpaSettings.ENABLED, true);
  }

  boolean schemaManaged() {
    return enabled() && settings.bool(StreamJpaSettings.OUTBOX_SCHEMA_MANAGED, true);
  }

  boolean dispatcherEnabled() {
    return settings.bool(StreamJpaSettings.DISPATCHER_ENABLED, true);
  }

  /** Returns the table name as configured, without the default schema. */
  String configuredTable() {
    return settings.string(StreamJpaSettings.OUTBOX_TABLE, DEFAULT_TABLE);
  }

  /** Returns the table name qualified by {@code hibernate.default_schema} when it has none. */
  String table() {
    String table = configuredTable();
    String defaultSchema = settings.string("hibernate.default_schema", null);
    return !table.contains(".") && defaultSchema != null ? defaultSchema + "." + table : table;
  }

  DispatcherConfig dispatcher() {
    return new DispatcherConfig(
        settings.integer(StreamJpaSettings.BATCH_SIZE, 100),
        settings.integer(StreamJpaSettings.MAX_ATTEMPTS, 10),
        settings.duration(StreamJpaSettings.POLL_INTERVAL, Duration.ofSeconds(5)),
        settings.duration(StreamJpaSettings.INITIAL_BACKOFF, Duration.ofSeconds(1)),
        settings.duration(StreamJpaSettings.MAX_BACKOFF, Duration.ofMinutes(5)),
        settings.duration(StreamJpaSettings.LEASE, Duration.ofMinutes(1)),
        settings.duration(StreamJpaSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(10)));
  }

  StreamClient client(Collection<Class<?>> tracked) {
    Object configured = settings.raw(StreamJpaSettings.CLIENT);
    if (configured instanceof StreamClient client) {
      return client;
    }
    if (configured != null) {
      throw new IllegalArgumentException(
          "setting "
              + StreamJpaSettings.CLIENT
              + " must be a StreamClient object, not "
              + configured.getClass().getName());
    }
    try {
      return StreamClient.fromEnvironment();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "stream-jpa needs a StreamClient for "
              + tracked
              + ": pass one as setting "
              + StreamJpaSettings.CLIENT
              + ", set STREAM_URL or STREAM_API_KEY/STREAM_API_SECRET, or opt out with "
              + StreamJpaSettings.ENABLED
              + "=false",
          e);
    }
  }

  FeedManager feedManager(StreamClient client) {
    FeedManager.Builder builder =
        FeedManager.builder(client)
            .userFeedSlug(settings.string(StreamJpaSettings.USER_FEED, "user"))
            .notificationFeedSlug(
                settings.string(StreamJpaSettings.NOTIFICATION_FEED, "notification"))
            .activityCopyLimit(settings.integer(StreamJpaSettings.FOLLOW_COPY_LIMIT, 300))
            .keepHistory(settings.bool(StreamJpaSettings.UNFOLLOW_KEEP_HISTORY, false));
    String news = settings.string(StreamJpaSettings.NEWS_FEEDS, null);
    if (news != null) {
      Map<String, String> slugs = new LinkedHashMap<>();
      for (String entry : news.split(",")) {
        String trimmed = entry.trim();
        int eq = trimmed.indexOf('=');
        if (eq < 0) {
          slugs.put(trimmed, trimmed);
        } else {
          slugs.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
      }
      builder.newsFeedSlugs(slugs);
    }
    return builder.build();
  }
}
