package io.github.streamjpa.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.core.HttpEngine.Call;
import io.github.streamjpa.core.internal.TokenScope;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One feed ({@code slug:userId}): reads, writes, follows and tokens.
 *
 * <p>Obtained from {@link StreamClient#feed(String, String)}; cheap, immutable and thread-safe.
 *
 * <pre>{@code
 * Feed user1 = client.feed("user", "1");
 * FeedActivity added = user1.addActivity(
 *     NewActivity.builder().actor("User:1").verb("tweet").object("Tweet:1").build());
 * FeedPage<FeedActivity> page = user1.getActivities(ReadOptions.limit(10));
 * client.feed("timeline", "2").follow(user1.id());
 * }</pre>
 */
public final class Feed {
  private final StreamClient client;
  private final FeedId id;

  Feed(StreamClient client, FeedId id) {
    this.client = client;
    this.id = Checks.notNull(id, "feed id");
  }

  /**
   * Returns this feed's id.
   *
   * @return the id
   */
  public FeedId id() {
    return id;
  }

  /**
   * Returns this feed's group.
   *
   * @return the slug, for example {@code "user"}
   */
  public String slug() {
    return id.slug();
  }

  /**
   * Returns this feed's user id.
   *
   * @return the user id, for example {@code "1"}
   */
  public String userId() {
    return id.userId();
  }

  private TokenScope scope(String resource, String action) {
    return new TokenScope(resource, action, id.tokenFeedId());
  }

  /**
   * Adds one activity to this feed (and, through Stream, to its followers and {@code to} feeds).
   *
   * @param activity the activity
   * @return the stored activity, with its id
   */
  public FeedActivity addActivity(NewActivity activity) {
    Checks.notNull(activity, "activity");
    byte[] body = client.json().writeBytes(activity);
    return client.send(
        Call.post(
            scope("feed", "write"),
            activity.hasForeignIdTime(),
            Map.of(),
            body,
            "feed",
            slug(),
            userId()),
        client.json().activity);
  }

  /**
   * Adds several activities to this feed in one request; an empty list sends nothing.
   *
   * @param activities the activities
   * @return the stored activities in request order
   */
  public List<FeedActivity> addActivities(List<NewActivity> activities) {
    List<NewActivity> list = Checks.list(activities, "activities");
    if (list.isEmpty()) {
      return List.of();
    }
    ObjectNode body = client.json().mapper().createObjectNode();
    list.forEach(a -> body.withArray("activities").add(client.json().write(a)));
    boolean safe = list.stream().allMatch(NewActivity::hasForeignIdTime);
    JsonNode json =
        client.send(
            Call.post(scope("feed", "write"), safe, Map.of(), body, "feed", slug(), userId()));
    return client.json().readAll(json.path("activities"));
  }

  /**
   * Removes an activity by its Stream id, from this feed and every copy.
   *
   * @param activityId the id Stream assigned
   */
  public void removeActivity(String activityId) {
    Checks.notBlank(activityId, "activity id");
    client.send(
        Call.delete(scope("feed", "delete"), Map.of(), "feed", slug(), userId(), activityId));
  }

  /**
   * Removes the activities with a foreign id, from this feed and every copy; an unknown foreign id
   * is not an error.
   *
   * @param foreignId the foreign id
   */
  public void removeActivityByForeignId(String foreignId) {
    Checks.notBlank(foreignId, "foreign id");
    client.send(
        Call.delete(
            scope("feed", "delete"),
            Map.of("foreign_id", "1"),
            "feed",
            slug(),
            userId(),
            foreignId));
  }

  /**
   * Reads the newest activities of a flat feed with the server's default page size.
   *
   * @return the first page
   */
  public FeedPage<FeedActivity> getActivities() {
    return getActivities(ReadOptions.none());
  }

  /**
   * Reads a page of a flat feed.
   *
   * @param options limit, offset, id filters, ranking
   * @return the page
   */
  public FeedPage<FeedActivity> getActivities(ReadOptions options) {
    Checks.notNull(options, "read options");
    return client.send(readCall(options), client.json().page);
  }

  /**
   * Reads the newest groups of an aggregated feed with the server's default page size.
   *
   * @return the first page
   */
  public FeedPage<ActivityGroup> getAggregatedActivities() {
    return getAggregatedActivities(ReadOptions.none());
  }

  /**
   * Reads a page of an aggregated feed.
   *
   * @param options limit, offset, id filters (group ids)
   * @return the page of groups
   */
  public FeedPage<ActivityGroup> getAggregatedActivities(ReadOptions options) {
    JsonNode json = read(options);
    return new FeedPage<>(
        client.json().readGroups(json.path("results")), json.path("next").asText());
  }

  /**
   * Reads the newest groups of a notification feed with the server's default page size.
   *
   * @return the first page
   */
  public NotificationPage getNotificationActivities() {
    return getNotificationActivities(ReadOptions.none());
  }

  /**
   * Reads a page of a notification feed, optionally marking groups seen or read.
   *
   * @param options paging plus {@code markSeen*}/{@code markRead*}
   * @return the groups with their flags, and the feed's unseen and unread counts
   */
  public NotificationPage getNotificationActivities(ReadOptions options) {
    JsonNode json = read(options);
    return new NotificationPage(
        client.json().readGroups(json.path("results")),
        json.path("next").asText(),
        json.path("unseen").asInt(0),
        json.path("unread").asInt(0));
  }

  private JsonNode read(ReadOptions options) {
    Checks.notNull(options, "read options");
    return client.send(readCall(options));
  }

  private Call readCall(ReadOptions options) {
    return Call.get(scope("feed", "read"), options.toQuery(), "feed", slug(), userId());
  }

  /**
   * Makes this feed follow a flat feed; Stream copies the target's newest 100 activities.
   *
   * @param target the feed to follow
   */
  public void follow(FeedId target) {
    follow(target, null);
  }

  /**
   * Makes this feed follow a flat feed, copying its newest {@code activityCopyLimit} activities.
   *
   * @param target the feed to follow
   * @param activityCopyLimit 0 to 1000
   */
  public void follow(FeedId target, int activityCopyLimit) {
    follow(
        target, Integer.valueOf(Checks.range(activityCopyLimit, 0, 1000, "activity_copy_limit")));
  }

  private void follow(FeedId target, Integer activityCopyLimit) {
    notSelf(target, "follow");
    ObjectNode body = client.json().mapper().createObjectNode();
    body.put("target", target.toString());
    if (activityCopyLimit != null) {
      body.put("activity_copy_limit", activityCopyLimit);
    }
    client.send(
        Call.post(
            scope("follower", "write"),
            true,
            Map.of(),
            body,
            "feed",
            slug(),
            userId(),
            "following"));
  }

  /**
   * Stops following a feed and removes the activities copied from it.
   *
   * @param target the followed feed
   */
  public void unfollow(FeedId target) {
    unfollow(target, false);
  }

  /**
   * Stops following a feed.
   *
   * @param target the followed feed
   * @param keepHistory true to keep the activities already copied from it
   */
  public void unfollow(FeedId target, boolean keepHistory) {
    notSelf(target, "unfollow");
    Map<String, String> query = keepHistory ? Map.of("keep_history", "true") : Map.of();
    client.send(
        Call.delete(
            scope("follower", "delete"),
            query,
            "feed",
            slug(),
            userId(),
            "following",
            target.toString()));
  }

  private void notSelf(FeedId target, String what) {
    Checks.notNull(target, what + " target");
    if (target.equals(id)) {
      throw new IllegalArgumentException("feed " + id + " cannot " + what + " itself");
    }
  }

  /**
   * Lists the feeds that follow this feed, newest first.
   *
   * @param query paging and an optional filter
   * @return the relations ({@code feedId} is the follower)
   */
  public List<FollowInfo> followers(FollowQuery query) {
    return follows("followers", query);
  }

  /**
   * Lists the first 25 feeds that follow this feed.
   *
   * @return the relations
   */
  public List<FollowInfo> followers() {
    return followers(FollowQuery.defaults());
  }

  /**
   * Lists the feeds this feed follows, newest first; with a filter, an empty result means "does not
   * follow".
   *
   * @param query paging and an optional filter
   * @return the relations ({@code targetId} is the followed feed)
   */
  public List<FollowInfo> following(FollowQuery query) {
    return follows("following", query);
  }

  /**
   * Lists the first 25 feeds this feed follows.
   *
   * @return the relations
   */
  public List<FollowInfo> following() {
    return following(FollowQuery.defaults());
  }

  private List<FollowInfo> follows(String which, FollowQuery query) {
    Checks.notNull(query, "follow query");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("limit", Integer.toString(query.limit()));
    q.put("offset", Integer.toString(query.offset()));
    if (!query.filter().isEmpty()) {
      q.put("filter", String.join(",", query.filter().stream().map(FeedId::toString).toList()));
    }
    JsonNode json =
        client.send(Call.get(scope("follower", "read"), q, "feed", slug(), userId(), which));
    return client.json().readFollows(json.path("results"));
  }

  /**
   * Replaces all {@code to} targets of an activity of this feed.
   *
   * @param key the activity's foreign id and time
   * @param newTargets the complete new list (may be empty)
   * @return the activity with its new targets and what was added and removed
   */
  public ToTargetsUpdate updateActivityToTargets(ForeignIdTime key, List<FeedId> newTargets) {
    Checks.notNull(key, "activity foreign id and time");
    List<FeedId> targets = Checks.list(newTargets, "new targets");
    ObjectNode body = targetsBody(key);
    body.set("new_targets", client.json().feedIds(targets));
    return sendTargets(body);
  }

  /**
   * Adds and removes {@code to} targets of an activity of this feed.
   *
   * @param key the activity's foreign id and time
   * @param added feeds to add
   * @param removed feeds to remove; must not overlap {@code added}
   * @return the activity with its new targets and what was added and removed
   */
  public ToTargetsUpdate updateActivityToTargets(
      ForeignIdTime key, List<FeedId> added, List<FeedId> removed) {
    Checks.notNull(key, "activity foreign id and time");
    List<FeedId> add = Checks.list(added, "added targets");
    List<FeedId> remove = Checks.list(removed, "removed targets");
    if (add.isEmpty() && remove.isEmpty()) {
      throw new IllegalArgumentException("added and removed targets must not both be empty");
    }
    Set<FeedId> both = new HashSet<>(add);
    both.retainAll(remove);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException(
          "feeds " + both + " must not be both added and removed as targets");
    }
    ObjectNode body = targetsBody(key);
    body.set("added_targets", client.json().feedIds(add));
    body.set("removed_targets", client.json().feedIds(remove));
    return sendTargets(body);
  }

  private ObjectNode targetsBody(ForeignIdTime key) {
    ObjectNode body = client.json().mapper().createObjectNode();
    body.put("foreign_id", key.foreignId());
    body.put("time", StreamTimes.format(key.time()));
    return body;
  }

  private ToTargetsUpdate sendTargets(ObjectNode body) {
    JsonNode json =
        client.send(
            Call.post(
                scope("feed_targets", "write"),
                true,
                Map.of(),
                body,
                "feed_targets",
                slug(),
                userId(),
                "activity_to_targets"));
    return new ToTargetsUpdate(
        client.json().read(json.path("activity")),
        client.json().readStrings(json.path("added")),
        client.json().readStrings(json.path("removed")));
  }

  /**
   * Returns a token with full rights on this feed (resource {@code *}, action {@code *}) that never
   * expires; prefer {@link #token(Duration)} for tokens handed to a browser or app.
   *
   * @return the JWT
   */
  public String token() {
    return client.signer().token(scope("*", "*"));
  }

  /**
   * Returns a token with full rights on this feed that expires after {@code lifetime}: a leaked one
   * is useless once it has expired, while one without expiry lasts until the secret is rotated.
   *
   * @param lifetime how long the token is valid, from now; positive
   * @return the JWT (resource {@code *}, action {@code *}, with {@code exp})
   */
  public String token(Duration lifetime) {
    return expiringToken("*", lifetime);
  }

  /**
   * Returns a token that can only read this feed and never expires; prefer {@link
   * #readOnlyToken(Duration)} for tokens handed to a browser or app.
   *
   * @return the JWT (resource {@code *}, action {@code read})
   */
  public String readOnlyToken() {
    return client.signer().token(scope("*", "read"));
  }

  /**
   * Returns a token that can only read this feed and expires after {@code lifetime}, for a browser
   * or app that renders the feed.
   *
   * @param lifetime how long the token is valid, from now; positive
   * @return the JWT (resource {@code *}, action {@code read}, with {@code exp})
   */
  public String readOnlyToken(Duration lifetime) {
    return expiringToken("read", lifetime);
  }

  private String expiringToken(String action, Duration lifetime) {
    Checks.notNull(lifetime, "token lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime " + lifetime + " must be positive");
    }
    Instant expiresAt;
    try {
      expiresAt = client.clock().instant().plus(lifetime);
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException(
          "token lifetime " + lifetime + " must end before the year 10000", e);
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("resource", "*");
    claims.put("action", action);
    claims.put("feed_id", id.tokenFeedId());
    return client.signer().sign(claims, expiresAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Feed other && id.equals(other.id) && client == other.client;
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Feed{" + id + "}";
  }
}
