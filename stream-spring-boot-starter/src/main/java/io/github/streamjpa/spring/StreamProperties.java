package io.github.streamjpa.spring;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code stream.*} properties: the Stream app's credentials and endpoint, the client's timeouts
 * and retries, the embedded emulator, the stream-jpa settings ({@code stream.jpa.*}) and the outbox
 * health thresholds.
 *
 * <pre>
 * stream.api-key=...
 * stream.api-secret=...
 * stream.location=us-east
 * stream.read-timeout=5s
 * stream.jpa.dispatcher.max-attempts=12
 * </pre>
 *
 * <p>Environment variables bind as usual: {@code STREAM_API_KEY}, {@code STREAM_API_SECRET} and
 * {@code STREAM_LOCATION} set the first three. A value outside its range fails startup with a
 * message naming the property.
 *
 * @param apiKey The API key of the Stream app; required unless the embedded emulator is enabled
 * @param apiSecret The API secret of the Stream app (server side only; never logged); required
 *     unless the embedded emulator is enabled
 * @param location The data center location of the hosted service, e.g. "us-east" or "eu-west"; the
 *     default host when neither this nor the base URL is set
 * @param baseUrl The URL of another Stream-compatible server, e.g. "http://127.0.0.1:8000" for a
 *     standalone emulator; "/api/v1.0/" is appended
 * @param connectTimeout The timeout for opening a connection; 0 for none
 * @param readTimeout The timeout between bytes of a response; 0 for none
 * @param writeTimeout The timeout between bytes of a request body; 0 for none
 * @param callTimeout The timeout for a whole call, retries and the waits between them included; 0
 *     for none
 * @param retry How failed requests are retried
 * @param emulator The embedded emulator, for development and tests without a Stream account
 * @param jpa The stream-jpa settings of the application's EntityManagerFactory
 * @param health The thresholds of the outbox health indicator
 */
@ConfigurationProperties("stream")
public record StreamProperties(
    String apiKey,
    String apiSecret,
    String location,
    String baseUrl,
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("6s") Duration readTimeout,
    @DefaultValue("6s") Duration writeTimeout,
    @DefaultValue("0s") Duration callTimeout,
    @DefaultValue Retry retry,
    @DefaultValue Emulator emulator,
    @DefaultValue Jpa jpa,
    @DefaultValue Health health) {

  private static final Pattern SLUG = Pattern.compile("[\\w-]+");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Checks the values that a later component would refuse less clearly. */
  public StreamProperties {
    if (location != null && !location.isBlank() && baseUrl != null && !baseUrl.isBlank()) {
      throw new IllegalArgumentException(
          "stream.location '"
              + location
              + "' and stream.base-url '"
              + baseUrl
              + "' are both set; set only one of them");
    }
    nonNegative("stream.connect-timeout", connectTimeout);
    nonNegative("stream.read-timeout", readTimeout);
    nonNegative("stream.write-timeout", writeTimeout);
    nonNegative("stream.call-timeout", callTimeout);
  }

  /** Describes the properties without the API secret. */
  @Override
  public String toString() {
    return "StreamProperties{apiKey="
        + apiKey
        + ", apiSecret="
        + (apiSecret == null ? null : "******")
        + ", location="
        + location
        + ", baseUrl="
        + baseUrl
        + ", retry="
        + retry
        + ", emulator="
        + emulator
        + ", jpa="
        + jpa
        + ", health="
        + health
        + "}";
  }

  /** Returns whether both credentials are set. */
  boolean hasCredentials() {
    return !blank(apiKey) && !blank(apiSecret);
  }

  /**
   * How the client retries requests that failed in a way a second try may fix (connection errors,
   * HTTP 408, 429 and 5xx), and only requests that are safe to repeat.
   *
   * @param maxAttempts Total attempts including the first, 1 to 20; 1 turns retries off
   * @param initialBackoff The wait before the first retry, doubled for each further retry
   * @param maxBackoff The longest wait between two attempts
   * @param jitter The fraction of each wait removed at random, 0 to 1
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("200ms") Duration initialBackoff,
      @DefaultValue("5s") Duration maxBackoff,
      @DefaultValue("0.2") double jitter) {

    /** Checks the ranges. */
    public Retry {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException(
            "stream.retry.max-attempts " + maxAttempts + " must be between 1 and 20");
      }
      positive("stream.retry.initial-backoff", initialBackoff);
      positive("stream.retry.max-backoff", maxBackoff);
      if (jitter < 0 || jitter > 1) {
        throw new IllegalArgumentException(
            "stream.retry.jitter " + jitter + " must be between 0 and 1");
      }
    }
  }

  /**
   * The embedded emulator: an in-memory Stream started with the application context, which the
   * client is then pointed at. Needs {@code io.github.streamjpa:stream-emulator} on the class path.
   *
   * @param enabled Whether to start the embedded emulator and use it instead of the hosted service
   * @param host The interface the emulator binds to
   * @param port The emulator's port; 0 picks a free one
   * @param strictFeedGroups Whether the emulator refuses feed groups that are not declared, as the
   *     hosted service does; the groups of "stream.jpa.feeds.*" and "stream.emulator.feed-groups"
   *     are declared
   * @param feedGroups More feed groups to declare, slug to type ("flat", "aggregated" or
   *     "notification")
   */
  public record Emulator(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("0") int port,
      @DefaultValue("false") boolean strictFeedGroups,
      Map<String, FeedGroupKind> feedGroups) {

    /** Checks the port and the slugs, and copies the feed groups. */
    public Emulator {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "stream.emulator.port " + port + " must be between 0 and 65535");
      }
      feedGroups = feedGroups == null ? Map.of() : Map.copyOf(feedGroups);
      for (String slug : feedGroups.keySet()) {
        slug("stream.emulator.feed-groups", slug);
      }
    }
  }

  /** The type of an emulator feed group. */
  public enum FeedGroupKind {
    /** Activities newest first; the only type that can be followed. */
    FLAT,
    /** Activities grouped by the group's aggregation format. */
    AGGREGATED,
    /** Aggregated, with seen and read flags and counts. */
    NOTIFICATION
  }

  /**
   * The stream-jpa settings ({@code StreamJpaSettings}) in kebab-case, handed to Hibernate. Values
   * not set here keep stream-jpa's defaults (or a value given as "spring.jpa.properties.stream.*").
   *
   * @param enabled Whether stream-jpa integrates with the EntityManagerFactory at all; "false"
   *     leaves it untouched and defines none of the stream-jpa beans
   * @param feeds The feed conventions
   * @param follow What following copies and unfollowing keeps
   * @param outbox The outbox table
   * @param dispatcher The dispatcher that sends outbox rows
   * @param enrich The enrichment of feed reads
   */
  public record Jpa(
      @DefaultValue("true") boolean enabled,
      @DefaultValue Feeds feeds,
      @DefaultValue Follow follow,
      @DefaultValue Outbox outbox,
      @DefaultValue Dispatcher dispatcher,
      @DefaultValue Enrich enrich) {}

  /**
   * The feed conventions.
   *
   * @param user The user feed slug, where a user's activities are written; "user" when not set
   * @param news The news feeds, "slug" or "name=slug" entries; "timeline,timeline_aggregated" when
   *     not set
   * @param notification The notification feed slug; "notification" when not set
   */
  public record Feeds(String user, List<String> news, String notification) {

    /** Checks the slugs. */
    public Feeds {
      if (user != null) {
        slug("stream.jpa.feeds.user", user);
      }
      if (notification != null) {
        slug("stream.jpa.feeds.notification", notification);
      }
      news = news == null ? null : List.copyOf(news);
      if (news != null) {
        if (news.isEmpty()) {
          throw new IllegalArgumentException("stream.jpa.feeds.news must name at least one feed");
        }
        for (String entry : news) {
          int equals = entry.indexOf('=');
          if (equals >= 0) {
            slug("stream.jpa.feeds.news", entry.substring(0, equals).trim());
          }
          slug("stream.jpa.feeds.news", entry.substring(equals + 1).trim());
        }
      }
    }
  }

  /**
   * What following copies and unfollowing keeps.
   *
   * @param activityCopyLimit Activities copied into the news feeds when a follow is synced, 0 to
   *     1000; 300 when not set
   * @param keepHistory Whether an unfollow keeps the activities already copied; "false" when not
   *     set
   */
  public record Follow(Integer activityCopyLimit, Boolean keepHistory) {

    /** Checks the copy limit. */
    public Follow {
      if (activityCopyLimit != null && (activityCopyLimit < 0 || activityCopyLimit > 1000)) {
        throw new IllegalArgumentException(
            "stream.jpa.follow.activity-copy-limit "
                + activityCopyLimit
                + " must be between 0 and 1000");
      }
    }
  }

  /**
   * The outbox table.
   *
   * @param table The table name, optionally schema-qualified; "stream_outbox" when not set
   * @param schemaManaged Whether Hibernate's schema tooling creates, validates or drops the table;
   *     "true" when not set
   */
  public record Outbox(String table, Boolean schemaManaged) {}

  /**
   * The dispatcher that sends outbox rows after commit.
   *
   * @param enabled Whether this application sends outbox rows; "true" when not set ( "false": rows
   *     are only written, another instance sends them)
   * @param batchSize Rows claimed and sent per round, at least 1; 100 when not set
   * @param maxAttempts Attempts before a row is parked as dead, at least 1; 10 when not set
   * @param pollInterval How often the dispatcher looks for rows without being woken by a commit; 5
   *     seconds when not set
   * @param initialBackoff The delay before the first retry, doubled per attempt; 1 second when not
   *     set
   * @param maxBackoff The longest delay between retries; 5 minutes when not set
   * @param lease How long a claimed row stays reserved for the instance that claimed it; 1 minute
   *     when not set
   * @param shutdownTimeout How long shutdown waits for the batch being sent; 10 seconds when not
   *     set
   */
  public record Dispatcher(
      Boolean enabled,
      Integer batchSize,
      Integer maxAttempts,
      Duration pollInterval,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration lease,
      Duration shutdownTimeout) {

    /** Checks the ranges. */
    public Dispatcher {
      if (batchSize != null && batchSize < 1) {
        throw new IllegalArgumentException(
            "stream.jpa.dispatcher.batch-size " + batchSize + " must be at least 1");
      }
      if (maxAttempts != null && maxAttempts < 1) {
        throw new IllegalArgumentException(
            "stream.jpa.dispatcher.max-attempts " + maxAttempts + " must be at least 1");
      }
      positive("stream.jpa.dispatcher.poll-interval", pollInterval);
      positive("stream.jpa.dispatcher.initial-backoff", initialBackoff);
      positive("stream.jpa.dispatcher.max-backoff", maxBackoff);
      positive("stream.jpa.dispatcher.lease", lease);
      nonNegative("stream.jpa.dispatcher.shutdown-timeout", shutdownTimeout);
    }
  }

  /**
   * The enrichment of feed reads by the {@code Enricher} and {@code FeedReader} beans.
   *
   * @param fields Custom activity fields holding entity references to load besides actor, object
   *     and target, e.g. "board"
   */
  public record Enrich(List<String> fields) {

    /** Checks the field names. */
    public Enrich {
      fields = fields == null ? List.of() : List.copyOf(fields);
      for (String field : fields) {
        if (!FIELD.matcher(field).matches()) {
          throw new IllegalArgumentException(
              "stream.jpa.enrich.fields entry '" + field + "' must match [A-Za-z_][A-Za-z0-9_]*");
        }
      }
    }
  }

  /**
   * The thresholds of the outbox health indicator ({@code streamOutbox}): it reports DOWN when the
   * oldest pending row is older than {@code max-pending-age} or more than {@code max-dead-rows}
   * rows are dead, UP otherwise, with the counts as details.
   *
   * @param maxPendingAge The age of the oldest pending row above which sync counts as behind
   * @param maxDeadRows The number of dead rows above which sync counts as failing; 0 reports DOWN
   *     as soon as one row is dead
   */
  public record Health(
      @DefaultValue("5m") Duration maxPendingAge, @DefaultValue("0") long maxDeadRows) {

    /** Checks the ranges. */
    public Health {
      positive("stream.health.max-pending-age", maxPendingAge);
      if (maxDeadRows < 0) {
        throw new IllegalArgumentException(
            "stream.health.max-dead-rows " + maxDeadRows + " must not be negative");
      }
    }
  }

  private static void nonNegative(String property, Duration value) {
    if (value != null && value.isNegative()) {
      throw new IllegalArgumentException(property + " " + value + " must not be negative");
    }
  }

  private static void positive(String property, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(property + " " + value + " must be positive");
    }
  }

  private static void slug(String property, String slug) {
    if (!SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(property + " slug '" + slug + "' must match [\\w-]+");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
