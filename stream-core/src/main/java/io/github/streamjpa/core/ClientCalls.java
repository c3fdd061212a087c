package io.github.streamjpa.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.core.HttpEngine.Call;
import io.github.streamjpa.core.internal.TokenScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** The client-wide operations behind {@link StreamClient}: batches, activities, tokens. */
final class ClientCalls {
  // Client-wide calls are signed for every feed.
  private static final TokenScope ACTIVITIES = new TokenScope("activities", "*", "*");
  private static final TokenScope FOLLOWER = new TokenScope("follower", "*", "*");

  private final StreamClientSettings settings;
  private final HttpEngine engine;
  private final ActivityJson json;

  ClientCalls(StreamClientSettings settings, HttpEngine engine, ActivityJson json) {
    this.settings = settings;
    this.engine = engine;
    this.json = json;
  }

  void followMany(List<FollowRelation> follows, Integer activityCopyLimit) {
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
    engine.execute(Call.post(FOLLOWER, true, query, body, "follow_many"));
  }

  void unfollowMany(List<UnfollowRelation> unfollows) {
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
    engine.execute(Call.post(FOLLOWER, true, Map.of(), body, "unfollow_many"));
  }

  void addToMany(NewActivity activity, List<FeedId> feeds) {
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
    engine.execute(
        Call.post(
            new TokenScope("feed", "*", "*"),
            activity.hasForeignIdTime(),
            Map.of(),
            body,
            "feed",
            "add_to_many"));
  }

  List<FeedActivity> getActivities(List<String> ids) {
    List<String> list = Checks.nonEmptyList(ids, "activity ids");
    Checks.atMost(list, 100, "activity ids", "Stream looks up");
    list.forEach(id -> Checks.noComma(id, "activity id"));
    JsonNode result =
        engine.execute(Call.get(ACTIVITIES, Map.of("ids", String.join(",", list)), "activities"));
    return json.readAll(result.path("results"));
  }

  List<FeedActivity> getActivitiesByForeignIdTime(List<ForeignIdTime> keys) {
    List<ForeignIdTime> list = Checks.nonEmptyList(keys, "foreign id and time keys");
    Checks.atMost(list, 100, "foreign id and time keys", "Stream looks up");
    List<String> foreignIds = new ArrayList<>();
    List<String> times = new ArrayList<>();
    for (ForeignIdTime k : list) {
      foreignIds.add(Checks.noComma(k.foreignId(), "foreign id"));
      times.add(StreamTimes.format(k.time()));
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("foreign_ids", String.join(",", foreignIds));
    query.put("timestamps", String.join(",", times));
    JsonNode result = engine.execute(Call.get(ACTIVITIES, query, "activities"));
    return json.readAll(result.path("results"));
  }

  FeedActivity partialUpdate(PartialUpdate update) {
    Checks.notNull(update, "partial update");
    JsonNode result =
        engine.execute(
            Call.post(
                ACTIVITIES, update.foreignIdTime() != null, Map.of(), change(update), "activity"));
    return json.read(result);
  }

  List<FeedActivity> partialUpdate(List<PartialUpdate> updates) {
    List<PartialUpdate> list = Checks.list(updates, "partial updates");
    if (list.isEmpty()) {
      return List.of();
    }
    ObjectNode body = json.mapper().createObjectNode();
    ArrayNode changes = body.putArray("changes");
    list.forEach(u -> changes.add(change(u)));
    boolean safe = list.stream().allMatch(u -> u.foreignIdTime() != null);
    JsonNode result = engine.execute(Call.post(ACTIVITIES, safe, Map.of(), body, "activity"));
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

  void updateActivities(List<NewActivity> activities) {
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
    engine.execute(Call.post(ACTIVITIES, true, Map.of(), body, "activities"));
  }

  String userToken(String userId, Map<String, ?> extraClaims, Instant expiresAt) {
    Checks.notBlank(userId, "user id");
    Map<String, Object> extra = Checks.map(extraClaims, "extra claims");
    extra.forEach((name, value) -> Checks.customValue(value, "claim '" + name + "'"));
    if (extra.containsKey("user_id")) {
      throw new IllegalArgumentException(
          "extra claims must not contain 'user_id'; it is set from the userId argument");
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("user_id", userId);
    claims.putAll(extra);
    return settings.signer().sign(claims, expiresAt);
  }

  String redirectUrl(String targetUrl, String userId, List<Map<String, Object>> events) {
    Checks.notNull(targetUrl, "target URL");
    HttpUrl target = HttpUrl.parse(targetUrl);
    if (target == null || target.host().isEmpty()) {
      throw new IllegalArgumentException(
          "target URL '" + targetUrl + "' must be an absolute http or https URL");
    }
    Checks.notBlank(userId, "user id");
    List<Map<String, Object>> list = Checks.list(events, "events");
    Checks.customValue(list, "events");
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
        .addQueryParameter("authorization", settings.signer().sign(claims, null))
        .addQueryParameter("url", targetUrl)
        .addQueryParameter("api_key", settings.apiKey())
        .addQueryParameter("events", eventsJson)
        .build()
        .toString();
  }
}
