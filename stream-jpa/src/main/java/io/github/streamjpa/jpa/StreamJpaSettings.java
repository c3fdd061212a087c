package io.github.streamjpa.jpa;

/**
 * The Hibernate settings stream-jpa reads, all under the prefix {@code stream.}; pass them like any
 * Hibernate setting (persistence.xml properties, {@code spring.jpa.properties.*}, or the map given
 * to {@code Persistence.createEntityManagerFactory}). Objects may be passed in that map where
 * noted.
 *
 * <pre>{@code
 * Map<String, Object> settings = Map.of(
 *     StreamJpaSettings.CLIENT, StreamClient.connect(key, secret),
 *     StreamJpaSettings.MAX_ATTEMPTS, 12);
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("app", settings);
 * }</pre>
 *
 * <p>Durations accept a {@link java.time.Duration}, an ISO-8601 string ({@code PT2S}) or a number
 * of milliseconds.
 */
public final class StreamJpaSettings {

  private StreamJpaSettings() {}

  /** Whether stream-jpa integrates with this SessionFactory at all; {@code true} by default. */
  public static final String ENABLED = "stream.enabled";

  /**
   * The {@code StreamClient} (object) used to send; by default {@code StreamClient
   * .fromEnvironment()} when an entity needs syncing.
   */
  public static final String CLIENT = "stream.client";

  /** The user feed slug; {@code user} by default (stream-django {@code STREAM_USER_FEED}). */
  public static final String USER_FEED = "stream.feeds.user";

  /**
   * The news feeds, comma-separated {@code name=slug} or {@code slug} entries; {@code
   * timeline,timeline_aggregated} by default (stream-django {@code STREAM_NEWS_FEEDS}).
   */
  public static final String NEWS_FEEDS = "stream.feeds.news";

  /** The notification feed slug; {@code notification} by default. */
  public static final String NOTIFICATION_FEED = "stream.feeds.notification";

  /** Activities copied into the news feeds when a follow is synced; 300 by default. */
  public static final String FOLLOW_COPY_LIMIT = "stream.follow.activity_copy_limit";

  /** Whether an unfollow keeps the activities already copied; {@code false} by default. */
  public static final String UNFOLLOW_KEEP_HISTORY = "stream.follow.keep_history";

  /** The outbox table name (optionally schema-qualified); {@code stream_outbox} by default. */
  public static final String OUTBOX_TABLE = "stream.outbox.table";

  /** Whether the outbox table is part of Hibernate's schema tooling; {@code true} by default. */
  public static final String OUTBOX_SCHEMA_MANAGED = "stream.outbox.schema_managed";

  /**
   * Whether this SessionFactory runs a dispatcher that sends outbox rows; {@code true} by default.
   */
  public static final String DISPATCHER_ENABLED = "stream.dispatcher.enabled";

  /** Rows claimed and sent per round; 100 by default. */
  public static final String BATCH_SIZE = "stream.dispatcher.batch_size";

  /** Attempts before a row is parked as dead; 10 by default. */
  public static final String MAX_ATTEMPTS = "stream.dispatcher.max_attempts";

  /** How often the dispatcher looks for rows without being woken; {@code PT5S} by default. */
  public static final String POLL_INTERVAL = "stream.dispatcher.poll_interval";

  /** The delay before the first retry, doubled per attempt; {@code PT1S} by default. */
  public static final String INITIAL_BACKOFF = "stream.dispatcher.initial_backoff";

  /** The longest delay between retries; {@code PT5M} by default. */
  public static final String MAX_BACKOFF = "stream.dispatcher.max_backoff";

  /** How long a claimed row stays reserved for the dispatcher that claimed it; {@code PT1M}. */
  public static final String LEASE = "stream.dispatcher.lease";

  /** How long closing the SessionFactory waits for in-flight sends; {@code PT10S} by default. */
  public static final String SHUTDOWN_TIMEOUT = "stream.dispatcher.shutdown_timeout";
}
