package io.github.streamjpa.emulator;

import io.github.streamjpa.emulator.internal.AggregationFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable configuration of a {@link StreamEmulator}: address, credentials, feed groups and
 * limits.
 *
 * <pre>{@code
 * EmulatorConfig config = EmulatorConfig.builder()
 *     .port(8000)
 *     .apiKey("key").apiSecret("secret")
 *     .feedGroup("timeline", FeedGroupType.FLAT)
 *     .feedGroup("likes", FeedGroupType.NOTIFICATION, "{{ verb }}_{{ object }}")
 *     .build();
 * }</pre>
 */
public final class EmulatorConfig {

  /** The default maximum request body size: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /** The default number of requests the request log keeps before dropping the oldest. */
  public static final int DEFAULT_REQUEST_LOG_LIMIT = 10_000;

  /** The default bound on the request log's estimated size: 32 MiB. */
  public static final long DEFAULT_REQUEST_LOG_MAX_BYTES = 32L << 20;

  /** The default bound on open connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 256;

  /** The default time a request may take to arrive whole, and a response to be taken. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  /** The default time a kept-alive connection may wait for its next request. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** The default clock skew allowed on a token's {@code exp}, {@code nbf} and {@code iat}. */
  public static final Duration DEFAULT_TOKEN_LEEWAY = Duration.ofSeconds(5);

  private final String host;
  private final int port;
  private final String apiKey;
  private final String apiSecret;
  private final Map<String, FeedGroup> feedGroups;
  private final boolean strictFeedGroups;
  private final int maxBodyBytes;
  private final int requestLogLimit;
  private final long requestLogMaxBytes;
  private final int maxConnections;
  private final Duration readTimeout;
  private final Duration idleTimeout;
  private final Duration tokenLeeway;
  private final int maxGroupActivities;

  private EmulatorConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.apiKey = b.apiKey;
    this.apiSecret = b.apiSecret;
    this.feedGroups = Map.copyOf(b.feedGroups);
    this.strictFeedGroups = b.strictFeedGroups;
    this.maxBodyBytes = b.maxBodyBytes;
    this.requestLogLimit = b.requestLogLimit;
    this.requestLogMaxBytes = b.requestLogMaxBytes;
    this.maxConnections = b.maxConnections;
    this.readTimeout = b.readTimeout;
    this.idleTimeout = b.idleTimeout;
    this.tokenLeeway = b.tokenLeeway;
    this.maxGroupActivities = b.maxGroupActivities;
  }

  /**
   * Starts a builder with the defaults: host 127.0.0.1, a random free port, key {@code key}, secret
   * {@code secret}, no declared groups, lenient slugs.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The interface address the server binds to.
   *
   * @return the host name or address
   */
  public String host() {
    return host;
  }

  /**
   * The port to bind; 0 picks a free one.
   *
   * @return the configured port
   */
  public int port() {
    return port;
  }

  /**
   * The API key clients must send.
   *
   * @return the API key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The API secret that signs tokens.
   *
   * @return the API secret
   */
  public String apiSecret() {
    return apiSecret;
  }

  /**
   * The declared feed groups by slug.
   *
   * @return an unmodifiable map
   */
  public Map<String, FeedGroup> feedGroups() {
    return feedGroups;
  }

  /**
   * Whether undeclared slugs are refused (400 FeedConfigException) instead of taking the naming
   * defaults of {@link FeedGroup#byNamingDefaults(String)}.
   *
   * @return true when strict
   */
  public boolean strictFeedGroups() {
    return strictFeedGroups;
  }

  /**
   * The largest request body accepted; larger bodies get 413.
   *
   * @return the limit in bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * How many requests the request log keeps.
   *
   * @return the limit
   */
  public int requestLogLimit() {
    return requestLogLimit;
  }

  /**
   * The bound on the request log's estimated size in bytes; the oldest entries go first.
   *
   * @return the limit in bytes
   */
  public long requestLogMaxBytes() {
    return requestLogMaxBytes;
  }

  /**
   * The most connections served at once (each has its own thread); more get 503.
   *
   * @return the connection bound
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * How long a request may take to arrive whole once its first byte came (and a response to be
   * taken by the client); the connection is closed past it.
   *
   * @return the read timeout
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * How long a kept-alive connection may wait for its next request before it is closed.
   *
   * @return the idle timeout
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * The clock skew allowed when checking a token's {@code exp}, {@code nbf} and {@code iat}.
   *
   * @return the leeway, whole seconds
   */
  public Duration tokenLeeway() {
    return tokenLeeway;
  }

  /**
   * How many of its newest activities an aggregated or notification group shows (its {@code
   * activity_count} still counts all).
   *
   * @return the limit
   */
  public int maxGroupActivities() {
    return maxGroupActivities;
  }

  /**
   * A builder starting from this configuration.
   *
   * @return a new builder with this configuration's values
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.apiKey = apiKey;
    b.apiSecret = apiSecret;
    b.feedGroups.putAll(feedGroups);
    b.strictFeedGroups = strictFeedGroups;
    b.maxBodyBytes = maxBodyBytes;
    b.requestLogLimit = requestLogLimit;
    b.requestLogMaxBytes = requestLogMaxBytes;
    b.maxConnections = maxConnections;
    b.readTimeout = readTimeout;
    b.idleTimeout = idleTimeout;
    b.tokenLeeway = tokenLeeway;
    b.maxGroupActivities = maxGroupActivities;
    return b;
  }

  @Override
  public String toString() {
    return "EmulatorConfig{host="
        + host
        + ", port="
        + port
        + ", apiKey="
        + apiKey
        + ", feedGroups="
        + feedGroups.keySet()
        + ", strictFeedGroups="
        + strictFeedGroups
        + "}";
  }

  /** A mutable builder of {@link EmulatorConfig}; {@link #build()} validates. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String apiKey = "key";
    private String apiSecret = "secret";
    private final Map<String, FeedGroup> feedGroups = new LinkedHashMap<>();
    private boolean strictFeedGroups;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int requestLogLimit = DEFAULT_REQUEST_LOG_LIMIT;
    private long requestLogMaxBytes = DEFAULT_REQUEST_LOG_MAX_BYTES;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration tokenLeeway = DEFAULT_TOKEN_LEEWAY;
    private int maxGroupActivities = 15;

    private Builder() {}

    /**
     * Sets the interface address to bind (default 127.0.0.1).
     *
     * @param host a host name or address
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Sets the port (default 0: a free port).
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " must be between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the API key (default {@code key}).
     *
     * @param apiKey a non-blank key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireText(apiKey, "apiKey");
      return this;
    }

    /**
     * Sets the API secret (default {@code secret}).
     *
     * @param apiSecret a non-blank secret
     * @return this builder
     */
    public Builder apiSecret(String apiSecret) {
      this.apiSecret = requireText(apiSecret, "apiSecret");
      return this;
    }

    /**
     * Declares a flat feed group, or a grouped one with the default aggregation format.
     *
     * @param slug the slug
     * @param type the type
     * @return this builder
     */
    public Builder feedGroup(String slug, FeedGroupType type) {
      return feedGroup(slug, type, null);
    }

    /**
     * Declares a feed group.
     *
     * @param slug the slug
     * @param type the type
     * @param aggregationFormat the aggregation format for grouped types ({@code null} for the
     *     default or for flat groups)
     * @return this builder
     */
    public Builder feedGroup(String slug, FeedGroupType type, String aggregationFormat) {
      FeedGroup group = new FeedGroup(slug, type, aggregationFormat);
      feedGroups.put(slug, group);
      return this;
    }

    /**
     * Refuses undeclared slugs with 400 FeedConfigException when true (default false).
     *
     * @param strict whether to refuse undeclared slugs
     * @return this builder
     */
    public Builder strictFeedGroups(boolean strict) {
      this.strictFeedGroups = strict;
      return this;
    }

    /**
     * Sets the largest accepted request body (default 1 MiB).
     *
     * @param maxBodyBytes a positive byte count
     * @return this builder
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " must be positive");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets how many requests the log keeps (default 10,000).
     *
     * @param limit a positive count
     * @return this builder
     */
    public Builder requestLogLimit(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("requestLogLimit " + limit + " must be positive");
      }
      this.requestLogLimit = limit;
      return this;
    }

    /**
     * Sets the bound on the request log's estimated size (default 32 MiB).
     *
     * @param maxBytes a byte count of at least 64 KiB
     * @return this builder
     */
    public Builder requestLogMaxBytes(long maxBytes) {
      if (maxBytes < 64 * 1024) {
        throw new IllegalArgumentException(
            "requestLogMaxBytes " + maxBytes + " must be at least 65536");
      }
      this.requestLogMaxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the most connections served at once (default 256); more get 503.
     *
     * @param maxConnections from 1 to 10000
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1 || maxConnections > 10_000) {
        throw new IllegalArgumentException(
            "maxConnections " + maxConnections + " must be from 1 to 10000");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets how long a request may take to arrive whole (default 10 s).
     *
     * @param timeout from 1 ms to 1 hour
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets how long a kept-alive connection may wait for its next request (default 30 s).
     *
     * @param timeout from 1 ms to 1 hour
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout(timeout, "idleTimeout");
      return this;
    }

    /**
     * Sets the clock skew allowed on token times (default 5 s).
     *
     * @param leeway whole seconds from 0 to 300
     * @return this builder
     */
    public Builder tokenLeeway(Duration leeway) {
      Objects.requireNonNull(leeway, "tokenLeeway");
      if (leeway.isNegative() || leeway.getNano() != 0 || leeway.getSeconds() > 300) {
        throw new IllegalArgumentException(
            "tokenLeeway " + leeway + " must be whole seconds from 0 to 300");
      }
      this.tokenLeeway = leeway;
      return this;
    }

    private static Duration timeout(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.compareTo(Duration.ofMillis(1)) < 0
          || timeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException(name + " " + timeout + " must be from 1 ms to 1 hour");
      }
      return timeout;
    }

    /**
     * Sets how many of its newest activities a group shows (default 15).
     *
     * @param limit a positive count
     * @return this builder
     */
    public Builder maxGroupActivities(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("maxGroupActivities " + limit + " must be positive");
      }
      this.maxGroupActivities = limit;
      return this;
    }

    /**
     * Validates the aggregation formats and freezes the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException when an aggregation format cannot be parsed
     */
    public EmulatorConfig build() {
      for (FeedGroup group : feedGroups.values()) {
        if (group.aggregationFormat() != null) {
          AggregationFormat.parse(group.aggregationFormat());
        }
      }
      return new EmulatorConfig(this);
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
