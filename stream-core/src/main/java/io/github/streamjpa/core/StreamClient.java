package io.github.streamjpa.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.HttpEngine.Call;
import io.github.streamjpa.core.internal.JwtSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The entry point of stream-core: a client for one Stream app (API key and secret).
 *
 * <p>Immutable and thread-safe; share one instance. All calls are synchronous and throw unchecked
 * {@link StreamException}s. Requests are signed with server-side JWTs cached per scope, retried as
 * the {@link RetryPolicy} says when that is safe, and bounded by the configured timeouts.
 *
 * <pre>{@code
 * StreamClient client = StreamClient.connect("key", "secret");
 * Feed user1 = client.feed("user", "1");
 * user1.addActivity(NewActivity.builder().actor("User:1").verb("tweet").object("Tweet:1").build());
 *
 * StreamClient local = StreamClient.builder("key", "secret")
 *     .baseUrl("http://127.0.0.1:8000")          // the emulator
 *     .readTimeout(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 */
public final class StreamClient {
  private final StreamClientSettings settings;
  private final HttpEngine engine;
  private final ActivityJson json;
  private final ClientCalls calls;

  StreamClient(StreamClientSettings settings) {
    this.settings = settings;
    this.json = new ActivityJson(settings.wireMapper());
    this.engine =
        new HttpEngine(
            settings.http(),
            settings.endpoints().api(),
            settings.apiKey(),
            json.mapper(),
            settings.clock());
    this.calls = new ClientCalls(settings, engine, json);
  }

  /**
   * Returns a client for the hosted service with default settings.
   *
   * @param apiKey the app's API key
   * @param apiSecret the app's API secret (server side only; never logged)
   * @return the client
   */
  public static StreamClient connect(String apiKey, String apiSecret) {
    return builder(apiKey, apiSecret).build();
  }

  /**
   * Returns a builder for a client with a location, base URL, timeouts or retry policy.
   *
   * @param apiKey the app's API key
   * @param apiSecret the app's API secret
   * @return the builder
   */
  public static Builder builder(String apiKey, String apiSecret) {
    return new Builder(apiKey, apiSecret);
  }

  /**
   * Returns a client configured from the environment: a Heroku-style {@code STREAM_URL} ({@code
   * https://key:secret@us-east.stream-io-api.com/?app_id=1}), or {@code STREAM_API_KEY}, {@code
   * STREAM_API_SECRET} and the optional {@code STREAM_LOCATION}.
   *
   * @return the client
   * @throws IllegalStateException if neither form is set or {@code STREAM_URL} is malformed
   */
  public static StreamClient fromEnvironment() {
    return builderFromEnvironment().build();
  }

  /**
   * Returns a builder configured from the environment as {@link #fromEnvironment()} describes, to
   * add timeouts or a retry policy.
   *
   * @return the builder
   */
  public static Builder builderFromEnvironment() {
    return EnvironmentConfig.builder(System.getenv());
  }

  /**
   * Returns a builder holding this client's settings; clients built from it share this client's
   * connection pool and threads.
   *
   * @return the builder
   */
  public Builder newBuilder() {
    return new Builder(settings);
  }

  /**
   * Returns the API key.
   *
   * @return the key
   */
  public String apiKey() {
    return settings.apiKey();
  }

  /**
   * Returns the API base URL requests go to.
   *
   * @return for example {@code https://us-east-api.stream-io-api.com/api/v1.0/}
   */
  public String baseUrl() {
    return settings.endpoints().api().toString();
  }

  /**
   * Returns a feed of this app.
   *
   * @param slug the feed group, matching {@code [A-Za-z0-9_-]+}
   * @param userId the user id, matching {@code [A-Za-z0-9_-]+}
   * @return the feed
   * @throws IllegalArgumentException if a part does not match
   */
  public Feed feed(String slug, String userId) {
    return new Feed(this, FeedId.of(slug, userId));
  }

  /**
   * Returns a feed of this app.
   *
   * @param id the feed id
   * @return the feed
   */
  public Feed feed(FeedId id) {
    return new Feed(this, Checks.notNull(id, "feed id"));
  }

  /**
   * Creates many follows in one request; Stream copies the newest 100 activities of each target.
   *
   * @param follows the relations; an empty list sends nothing
   */
  public void followMany(List<FollowRelation> follows) {
    calls.followMany(follows, null);
  }

  /**
   * Creates many follows in one request, copying the newest {@code activityCopyLimit} activities.
   *
   * @param follows the relations; an empty list sends nothing
   * @param activityCopyLimit 0 to 1000
   */
  public void followMany(List<FollowRelation> follows, int activityCopyLimit) {
    calls.followMany(follows, Checks.range(activityCopyLimit, 0, 1000, "activity_copy_limit"));
  }

  /**
   * Removes many follows in one request.
   *
   * @param unfollows the relations; an empty list sends nothing
   */
  public void unfollowMany(List<UnfollowRelation> unfollows) {
    calls.unfollowMany(unfollows);
  }

  /**
   * Adds one activity to many feeds, without fan-out to their followers.
   *
   * @param activity the activity; must not have {@code to} targets (Stream refuses them here)
   * @param feeds 1 to 5000 feeds
   */
  public void addToMany(NewActivity activity, List<FeedId> feeds) {
    calls.addToMany(activity, feeds);
  }

  /**
   * Returns activities by their Stream ids; unknown ids are simply absent.
   *
   * @param ids at least one id
   * @return the activities found
   */
  public List<FeedActivity> getActivities(List<String> ids) {
    return calls.getActivities(ids);
  }

  /**
   * Returns activities by foreign id and time; unknown keys are simply absent.
   *
   * @param keys at least one key
   * @return the activities found
   */
  public List<FeedActivity> getActivitiesByForeignIdTime(List<ForeignIdTime> keys) {
    return calls.getActivitiesByForeignIdTime(keys);
  }

  /**
   * Sets and removes fields of one activity.
   *
   * @param update the change
   * @return the updated activity
   */
  public FeedActivity partialUpdate(PartialUpdate update) {
    return calls.partialUpdate(update);
  }

  /**
   * Sets and removes fields of several activities in one request.
   *
   * @param updates the changes; an empty list sends nothing
   * @return the updated activities
   */
  public List<FeedActivity> partialUpdate(List<PartialUpdate> updates) {
    return calls.partialUpdate(updates);
  }

  /**
   * Replaces activities whole, each found by its foreign id and time.
   *
   * @param activities the new content; each needs a foreign id and a time; an empty list sends
   *     nothing
   */
  public void updateActivities(List<NewActivity> activities) {
    calls.updateActivities(activities);
  }

  /**
   * Returns a token for a user session (front ends), with only the {@code user_id} claim.
   *
   * @param userId the user
   * @return the JWT
   */
  public String userToken(String userId) {
    return userToken(userId, Map.of(), null);
  }

  /**
   * Returns a token for a user session with extra claims.
   *
   * @param userId the user
   * @param extraClaims claims to add (strings, numbers, booleans, lists, maps); not {@code user_id}
   * @return the JWT
   */
  public String userToken(String userId, Map<String, ?> extraClaims) {
    return userToken(userId, extraClaims, null);
  }

  /**
   * Returns a token for a user session with extra claims and an expiry.
   *
   * @param userId the user
   * @param extraClaims claims to add; not {@code user_id}
   * @param expiresAt the {@code exp} claim, or null for a token that does not expire
   * @return the JWT
   */
  public String userToken(String userId, Map<String, ?> extraClaims, Instant expiresAt) {
    return calls.userToken(userId, extraClaims, expiresAt);
  }

  /**
   * Returns an analytics URL that records the events and then redirects to {@code targetUrl} (for
   * links in emails). Nothing is sent.
   *
   * @param targetUrl an absolute http or https URL
   * @param userId the user the events belong to
   * @param events impression events ({@code content_list}, {@code feed_id}, ...) and engagement
   *     events ({@code content}, {@code label}, ...)
   * @return the redirect URL
   */
  public String redirectUrl(String targetUrl, String userId, List<Map<String, Object>> events) {
    return calls.redirectUrl(targetUrl, userId, events);
  }

  /**
   * Maps an activity onto a class of the caller's with this client's {@link ObjectMapper}; named
   * fields use Stream's names ({@code foreign_id}, ...), custom fields their own.
   *
   * @param activity the activity
   * @param type the target class
   * @param <T> the target type
   * @return the mapped object
   * @throws IllegalArgumentException if Jackson cannot map it
   */
  public <T> T convert(FeedActivity activity, Class<T> type) {
    Checks.notNull(activity, "activity");
    Checks.notNull(type, "type");
    return json.mapper().convertValue(json.flatten(activity), type);
  }

  okhttp3.OkHttpClient okHttpClient() {
    return settings.http();
  }

  JsonNode send(Call call) {
    return engine.execute(call);
  }

  <T> T send(Call call, HttpEngine.Reader<T> reader) {
    return engine.execute(call, reader);
  }

  ActivityJson json() {
    return json;
  }

  JwtSigner signer() {
    return settings.signer();
  }

  java.time.Clock clock() {
    return settings.clock();
  }

  /** Describes the client without its secret. */
  @Override
  public String toString() {
    return "StreamClient{apiKey=" + apiKey() + ", baseUrl=" + baseUrl() + "}";
  }

  /**
   * Builds a {@link StreamClient}; every setting is optional.
   *
   * <p>Defaults: the hosted service without a location prefix, connect timeout 3 s, read and write
   * timeouts 6 s, no call timeout, {@link RetryPolicy#defaults()}. Of {@link #location(String)} and
   * {@link #baseUrl(String)}, the one called last applies. Builders are not thread-safe; the
   * clients they build are.
   */
  public static final class Builder {
    final StreamClientSettings.Draft draft;

    Builder(String apiKey, String apiSecret) {
      this.draft = new StreamClientSettings.Draft(apiKey, apiSecret);
    }

    Builder(StreamClientSettings settings) {
      this.draft = settings.toDraft();
    }

    /**
     * Uses the hosted service in a location ({@code us-east}, {@code eu-west}, {@code singapore},
     * ...): {@code https://us-east-api.stream-io-api.com/api/v1.0/}.
     *
     * @param location the region name, or null for the default host
     * @return this builder
     */
    public Builder location(String location) {
      draft.endpoints = Endpoints.forLocation(location);
      return this;
    }

    /**
     * Uses another server, such as the emulator; {@code /api/v1.0/} is appended.
     *
     * @param url for example {@code http://127.0.0.1:8000}
     * @return this builder
     */
    public Builder baseUrl(String url) {
      draft.endpoints = Endpoints.forBaseUrl(url);
      return this;
    }

    /**
     * Sets the timeout for opening a connection.
     *
     * @param timeout positive, or zero for none
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      draft.connectTimeout = StreamClientSettings.timeout(timeout, "connect timeout");
      return this;
    }

    /**
     * Sets the timeout between bytes of a response.
     *
     * @param timeout positive, or zero for none
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      draft.readTimeout = StreamClientSettings.timeout(timeout, "read timeout");
      return this;
    }

    /**
     * Sets the timeout between bytes of a request body.
     *
     * @param timeout positive, or zero for none
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      draft.writeTimeout = StreamClientSettings.timeout(timeout, "write timeout");
      return this;
    }

    /**
     * Sets the timeout for a whole call, retries and waits between them included.
     *
     * @param timeout positive, or zero for none
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      draft.callTimeout = StreamClientSettings.timeout(timeout, "call timeout");
      return this;
    }

    /**
     * Sets how failed requests are retried; {@link RetryPolicy#none()} turns retries off.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      draft.retryPolicy = Checks.notNull(policy, "retry policy");
      return this;
    }

    /**
     * Sends requests through the caller's OkHttp client (its pool, dispatcher, proxy, own
     * interceptors); the client's own timeouts apply unless set on this builder.
     *
     * @param client the OkHttp client
     * @return this builder
     */
    public Builder okHttpClient(okhttp3.OkHttpClient client) {
      draft.okHttpClient = Checks.notNull(client, "OkHttp client");
      draft.connectionCheck = null;
      return this;
    }

    /**
     * Uses a copy of the caller's Jackson mapper for custom fields and {@link
     * StreamClient#convert}.
     *
     * @param mapper the mapper; it is copied, so later changes to it have no effect
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      draft.objectMapper = Checks.notNull(mapper, "object mapper");
      return this;
    }

    Builder sleeper(io.github.streamjpa.core.internal.Sleeper sleeper) {
      draft.sleeper = Checks.notNull(sleeper, "sleeper");
      return this;
    }

    Builder clock(java.time.Clock clock) {
      draft.clock = Checks.notNull(clock, "clock");
      return this;
    }

    Builder random(java.util.function.DoubleSupplier random) {
      draft.random = Checks.notNull(random, "random");
      return this;
    }

    /**
     * Returns the client.
     *
     * @return the immutable client
     */
    public StreamClient build() {
      return new StreamClient(draft.freeze());
    }

    /** Describes the builder without the secret. */
    @Override
    public String toString() {
      return "StreamClient.Builder{apiKey=" + draft.apiKey + "}";
    }
  }
}
