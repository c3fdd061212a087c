package io.github.streamjpa.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.core.HttpEngine.Call;
import io.github.streamjpa.core.internal.JwtSigner;
import io.github.streamjpa.core.internal.TokenScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

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
  private final JwtSigner signer;

  StreamClient(StreamClientSettings settings) {
    this.settings = settings;
    this.signer = settings.signer();
    this.json = new ActivityJson(settings.wireMapper());
    this.engine =
        new HttpEngine(
            settings.http(), settings.endpoints().api(), json.mapper(), settings.clock());
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
   * @param slug the feed group, matching {@code [\w-]+}
   * @param userId the user id, matching {@code [\w-]+}
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
    followMany(follows, null);
  }

  /**
   * Creates many follows in one request, copying the newest {@code activityCopyLimit} activities.
   *
   * @param follows the relations; an empty list sends nothing
   * @param activityCopyLimit 0 to 1000
   */
  public void followMany(List<FollowRelation> follows, int activityCopyLimit) {
    followMany(
        follows, Integer.valueOf(Checks.range(activityCopyLimit, 0, 1000, "activity_copy_limit")));
  }

  private void followMany(List<FollowRelation> follows, Integer activityCopyLimit) {
    List<FollowRelation> list = Checks.list(follows, "follows");
    if (list.isEmpty()) {
      return;
    }
    ArrayNode body = json.mapper().createArrayNode();
    for (FollowRelation f : list) {
      body.addObject().put("source", f.source().toString()).put("target", f.target().toString());
    }
    Map<String, String> query =
        activityCopyLimit == null
            ? Map.of()
            : Map.of("activity_copy_limit", activityCopyLimit.toString());
    send(Call.post(new TokenScope("follower", "*", "*"), true, query, body, "follow_many"));
  }

  /**
   * Removes many follows in one request.
   *
   * @param unfollows the relations; an empty list sends nothing
   */
  public void unfollowMany(List<UnfollowRelation> unfollows) {
    List<UnfollowRelation> list = Checks.list(unfollows, "unfollows");
    if (list.isEmpty()) {
      return;
    }
    ArrayNode body = json.mapper().createArrayNode();
    for (UnfollowRelation u : list) {
      body.addObject()
          .put("source", u.source().toString())
          .put("target", u.target().toString())
          .put("keep_history", u.keepHistory());
    }
    send(Call.post(new TokenScope("follower", "*", "*"), true, Map.of(), body, "unfollow_many"));
  }

  /**
   * Adds one activity to many feeds, without fan-out to their followers.
   *
   * @param activity the activity; must not have {@code to} targets (Stream refuses them here)
   * @param feeds 1 to 5000 feeds
   */
  public void addToMany(NewActivity activity, List<FeedId> feeds) {
    Checks.notNull(activity, "activity");
    List<FeedId> targets = Checks.nonEmptyList(feeds, "feeds");
    if (targets.size() > 5000) {
      throw new IllegalArgumentException(
          "feeds has " + targets.size() + " entries; add_to_many accepts at most 5000");
    }
    if (!activity.to().isEmpty()) {
      throw new IllegalArgumentException(
          "activity for add_to_many must not have 'to' targets " + activity.to());
    }
    ObjectNode body = json.mapper().createObjectNode();
    body.set("activity", json.write(activity));
    body.set("feeds", json.feedIds(targets));
    send(
        Call.post(
            new TokenScope("feed", "*", "*"),
            activity.hasForeignIdTime(),
            Map.of(),
            body,
            "feed",
            "add_to_many"));
  }

  /**
   * Returns activities by their Stream ids; unknown ids are simply absent.
   *
   * @param ids at least one id
   * @return the activities found
   */
  public List<FeedActivity> getActivities(List<String> ids) {
    List<String> list = Checks.nonEmptyList(ids, "activity ids");
    list.forEach(id -> Checks.noComma(id, "activity id"));
    JsonNode result =
        send(
            Call.get(
                new TokenScope("activities", "*", "*"),
                Map.of("ids", String.join(",", list)),
                "activities"));
    return json.readAll(result.path("results"));
  }

  /**
   * Returns activities by foreign id and time; unknown keys are simply absent.
   *
   * @param keys at least one key
   * @return the activities found
   */
  public List<FeedActivity> getActivitiesByForeignIdTime(List<ForeignIdTime> keys) {
    List<ForeignIdTime> list = Checks.nonEmptyList(keys, "foreign id and time keys");
    List<String> foreignIds = new ArrayList<>();
    List<String> times = new ArrayList<>();
    for (ForeignIdTime k : list) {
      foreignIds.add(Checks.noComma(k.foreignId(), "foreign id"));
      times.add(StreamTimes.format(k.time()));
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("foreign_ids", String.join(",", foreignIds));
    query.put("timestamps", String.join(",", times));
    JsonNode result = send(Call.get(new TokenScope("activities", "*", "*"), query, "activities"));
    return json.readAll(result.path("results"));
  }

  /**
   * Sets and removes fields of one activity.
   *
   * @param update the change
   * @return the updated activity
   */
  public FeedActivity partialUpdate(PartialUpdate update) {
    Checks.notNull(update, "partial update");
    JsonNode result =
        send(
            Call.post(
                new TokenScope("activities", "*", "*"),
                update.foreignIdTime() != null,
                Map.of(),
                change(update),
                "activity"));
    return json.read(result);
  }

  /**
   * Sets and removes fields of several activities in one request.
   *
   * @param updates the changes; an empty list sends nothing
   * @return the updated activities
   */
  public List<FeedActivity> partialUpdate(List<PartialUpdate> updates) {
    List<PartialUpdate> list = Checks.list(updates, "partial updates");
    if (list.isEmpty()) {
      return List.of();
    }
    ObjectNode body = json.mapper().createObjectNode();
    ArrayNode changes = body.putArray("changes");
    list.forEach(u -> changes.add(change(u)));
    boolean safe = list.stream().allMatch(u -> u.foreignIdTime() != null);
    JsonNode result =
        send(Call.post(new TokenScope("activities", "*", "*"), safe, Map.of(), body, "activity"));
    return json.readAll(result.path("activities"));
  }

  private ObjectNode change(PartialUpdate u) {
    ObjectNode n = json.mapper().createObjectNode();
    if (u.id() != null) {
      n.put("id", u.id());
    } else {
      n.put("foreign_id", u.foreignIdTime().foreignId());
      n.put("time", StreamTimes.format(u.foreignIdTime().time()));
    }
    n.set("set", json.mapper().valueToTree(u.set()));
    n.set("unset", json.mapper().valueToTree(u.unset()));
    return n;
  }

  /**
   * Replaces activities whole, each found by its foreign id and time.
   *
   * @param activities the new content; each needs a foreign id and a time; an empty list sends
   *     nothing
   */
  public void updateActivities(List<NewActivity> activities) {
    List<NewActivity> list = Checks.list(activities, "activities");
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).hasForeignIdTime()) {
        throw new IllegalArgumentException(
            "activities["
                + i
                + "] (verb '"
                + list.get(i).verb()
                + "', object '"
                + list.get(i).object()
                + "') needs both foreign id and time to be updated");
      }
    }
    if (list.isEmpty()) {
      return;
    }
    ObjectNode body = json.mapper().createObjectNode();
    ArrayNode array = body.putArray("activities");
    list.forEach(a -> array.add(json.write(a)));
    send(Call.post(new TokenScope("activities", "*", "*"), true, Map.of(), body, "activities"));
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
    Checks.notBlank(userId, "user id");
    Map<String, Object> extra = Checks.map(extraClaims, "extra claims");
    if (extra.containsKey("user_id")) {
      throw new IllegalArgumentException(
          "extra claims must not contain 'user_id'; it is set from the userId argument");
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("user_id", userId);
    claims.putAll(extra);
    return signer.sign(claims, expiresAt);
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
    Checks.notNull(targetUrl, "target URL");
    HttpUrl target = HttpUrl.parse(targetUrl);
    if (target == null || target.host().isEmpty()) {
      throw new IllegalArgumentException(
          "target URL '" + targetUrl + "' must be an absolute http or https URL");
    }
    Checks.notBlank(userId, "user id");
    List<Map<String, Object>> list = Checks.list(events, "events");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("resource", "redirect_and_track");
    claims.put("action", "*");
    claims.put("feed_id", "*");
    claims.put("user_id", userId);
    String eventsJson;
    try {
      eventsJson = json.mapper().writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("events could not be written as JSON: " + e.getMessage());
    }
    return settings
        .endpoints()
        .analyticsRedirect()
        .newBuilder()
        .addQueryParameter("auth_type", "jwt")
        .addQueryParameter("authorization", signer.sign(claims, null))
        .addQueryParameter("url", targetUrl)
        .addQueryParameter("api_key", apiKey())
        .addQueryParameter("events", eventsJson)
        .build()
        .toString();
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

  ActivityJson json() {
    return json;
  }

  JwtSigner signer() {
    return signer;
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
   * timeouts 6 s, no call timeout, {@link RetryPolicy#defaults()}.
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
