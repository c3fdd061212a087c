package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Routes {@code /api/v1.0/...} requests to the feed store: finds the operation and the scope it
 * needs, checks credentials, validates the whole request, then applies it.
 */
final class Operations {
  private static final int DEFAULT_COPY_LIMIT = 100;
  private static final int MAX_COPY_LIMIT = 1000;

  private final FeedStore store;
  private final FeedResolver resolver;
  private final Authenticator auth;
  private final ActivityOperations activities;

  Operations(FeedStore store, FeedResolver resolver, Authenticator auth) {
    this.store = store;
    this.resolver = resolver;
    this.auth = auth;
    this.activities = new ActivityOperations(store, resolver);
  }

  /** A success answer. */
  record Result(int status, ObjectNode body) {}

  Result handle(ApiRequest r) {
    List<String> s = r.segments();
    if (s.size() < 3 || !s.get(0).equals("api") || !s.get(1).equals("v1.0")) {
      throw unknown(r);
    }
    List<String> p = s.subList(2, s.size());
    // HEAD is answered like GET, without a body: it selects the same read paths and never a write.
    String m = r.method().equals("HEAD") ? "GET" : r.method();
    switch (p.get(0)) {
      case "feed":
        return feed(r, p, m, "/api/v1.0/feed/");
      case "enrich":
        if (p.size() == 4 && p.get(1).equals("feed")) {
          return feed(r, p.subList(1, 4), m, "/api/v1.0/enrich/feed/");
        }
        if (p.size() == 2 && p.get(1).equals("activities")) {
          return activityLookups(r, m);
        }
        throw unknown(r);
      case "follow_many":
        require(p.size() == 1, r);
        allow(r, "POST");
        auth.check(r, new Scope("follower", "write", null, true));
        return followMany(r);
      case "unfollow_many":
        require(p.size() == 1, r);
        allow(r, "POST");
        auth.check(r, new Scope("follower", "write", null, true));
        return unfollowMany(r);
      case "activities":
        require(p.size() == 1, r);
        return activityLookups(r, m);
      case "activity":
        require(p.size() == 1, r);
        allow(r, "POST");
        auth.check(r, new Scope("activities", "write", null, false));
        return activities.partialUpdate(r);
      case "stats":
        require(p.size() == 2 && p.get(1).equals("follow"), r);
        allow(r, "GET");
        auth.check(r, new Scope("follower", "read", null, false));
        return followStats(r);
      case "feed_targets":
        require(p.size() == 4 && p.get(3).equals("activity_to_targets"), r);
        allow(r, "POST");
        FeedRef feed = resolver.resolve(p.get(1), p.get(2));
        auth.check(r, new Scope("feed_targets", "write", feed, false));
        return activities.updateToTargets(r, feed);
      default:
        throw unknown(r);
    }
  }

  private Result feed(ApiRequest r, List<String> p, String m, String nextPrefix) {
    if (p.size() == 2 && p.get(1).equals("add_to_many")) {
      allow(r, "POST");
      auth.check(r, new Scope("feed", "write", null, true));
      return addToMany(r);
    }
    require(p.size() >= 3 && p.size() <= 5, r);
    FeedRef feed = resolver.resolve(p.get(1), p.get(2));
    if (p.size() == 3) {
      allow(r, "GET", "POST");
      if (m.equals("GET")) {
        auth.check(r, new Scope("feed", "read", feed, false));
        return read(r, feed, nextPrefix + feed.slug() + "/" + feed.userId() + "/");
      }
      return add(r, feed);
    }
    String sub = p.get(3);
    boolean follows = sub.equals("following") || sub.equals("follows");
    if (p.size() == 5) {
      require(follows, r);
      allow(r, "DELETE");
      return unfollow(r, feed, p.get(4));
    }
    if (follows || sub.equals("followers")) {
      allow(r, follows ? new String[] {"GET", "POST"} : new String[] {"GET"});
      if (m.equals("POST")) {
        return follow(r, feed);
      }
      auth.check(r, new Scope("follower", "read", feed, false));
      return follows(r, feed, sub.equals("followers"));
    }
    allow(r, "DELETE");
    return remove(r, feed, sub);
  }

  // Each write below checks the write (or delete) scope itself, whatever the method table says.

  private Result remove(ApiRequest r, FeedRef feed, String idOrForeignId) {
    auth.check(r, new Scope("feed", "delete", feed, false));
    if (Params.bool(r, "foreign_id")) {
      store.removeByForeignId(feed, idOrForeignId);
    } else {
      store.removeActivity(feed, idOrForeignId);
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("removed", idOrForeignId);
    return new Result(200, body);
  }

  private Result read(ApiRequest r, FeedRef feed, String nextBase) {
    ReadParams params =
        new ReadParams(
            Params.integer(r, "limit", 25, 1, 1000),
            Params.integer(r, "offset", 0, 0, Integer.MAX_VALUE),
            blankToNull(r.query("id_lt")),
            blankToNull(r.query("id_lte")),
            blankToNull(r.query("id_gt")),
            blankToNull(r.query("id_gte")),
            Params.marks(r, "mark_seen"),
            Params.marks(r, "mark_read"),
            nextBase);
    return new Result(200, store.read(feed, params));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Result add(ApiRequest r, FeedRef feed) {
    auth.check(r, new Scope("feed", "write", feed, false));
    JsonNode body = Params.object(r);
    JsonNode many = body.get("activities");
    if (many != null && many.isArray()) {
      List<ActivityInput> inputs = ActivityInput.parseAll(many, "activities", resolver);
      ObjectNode response = Json.MAPPER.createObjectNode();
      ArrayNode out = response.putArray("activities");
      store.addActivities(feed, inputs).forEach(out::add);
      return new Result(201, response);
    }
    ActivityInput input = ActivityInput.parse(body, "", resolver);
    return new Result(201, store.addActivities(feed, List.of(input)).get(0));
  }

  private Result addToMany(ApiRequest r) {
    JsonNode body = Params.object(r);
    JsonNode feeds = body.get("feeds");
    if (feeds == null || !feeds.isArray()) {
      throw ApiException.input("feeds", "feeds must be a list of feed ids");
    }
    if (feeds.size() > 5000) {
      throw ApiException.input(
          "feeds", "add_to_many takes at most 5000 feeds, got " + feeds.size());
    }
    JsonNode activity = body.get("activity");
    if (activity != null && activity.has("to") && !activity.get("to").isNull()) {
      throw ApiException.input("activity.to", "to is not allowed in add_to_many");
    }
    ActivityInput input = ActivityInput.parse(activity, "activity.", resolver);
    List<FeedRef> targets = new ArrayList<>();
    for (JsonNode feed : feeds) {
      targets.add(resolver.parseFeedId(feed.asText(), "feeds"));
    }
    store.addToMany(input, targets);
    return new Result(201, Json.MAPPER.createObjectNode());
  }

  private Result follow(ApiRequest r, FeedRef feed) {
    auth.check(r, new Scope("follower", "write", feed, false));
    JsonNode body = Params.object(r);
    String target = Params.text(body, "target", "target");
    if (target == null) {
      throw ApiException.input("target", "target is required, as slug:user_id");
    }
    FeedRef targetFeed = resolver.parseFeedId(target, "target");
    int limit = Params.integer(body, "activity_copy_limit", DEFAULT_COPY_LIMIT, 0, MAX_COPY_LIMIT);
    store.follow(List.<FeedRef[]>of(new FeedRef[] {feed, targetFeed}), List.of(limit));
    return new Result(201, Json.MAPPER.createObjectNode());
  }

  private Result unfollow(ApiRequest r, FeedRef feed, String target) {
    auth.check(r, new Scope("follower", "delete", feed, false));
    FeedRef targetFeed = resolver.parseFeedId(target, "target");
    boolean keep = Params.bool(r, "keep_history");
    store.unfollow(List.<FeedRef[]>of(new FeedRef[] {feed, targetFeed}), List.of(keep));
    return new Result(200, Json.MAPPER.createObjectNode());
  }

  private Result follows(ApiRequest r, FeedRef feed, boolean ofFollowers) {
    int limit = Params.integer(r, "limit", 25, 0, 500);
    int offset = Params.integer(r, "offset", 0, 0, Integer.MAX_VALUE);
    Set<String> filter = new LinkedHashSet<>();
    for (String id : r.queryList("filter")) {
      filter.add(resolver.parseFeedId(id, "filter").id());
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode results = response.putArray("results");
    store.follows(feed, ofFollowers, limit, offset, filter).forEach(results::add);
    return new Result(200, response);
  }

  private Result followStats(ApiRequest r) {
    ObjectNode response = Json.MAPPER.createObjectNode();
    ObjectNode results = response.putObject("results");
    for (String side : List.of("followers", "following")) {
      String id = r.query(side);
      if (id == null || id.isBlank()) {
        continue;
      }
      FeedRef feed = resolver.parseFeedId(id, side);
      Set<String> slugs = new LinkedHashSet<>(r.queryList(side + "_slugs"));
      ObjectNode stat = results.putObject(side);
      stat.put("feed", feed.id());
      stat.put("count", store.countFollows(feed, side.equals("followers"), slugs));
    }
    if (results.isEmpty()) {
      throw ApiException.input("followers", "give followers or following (a feed id) or both");
    }
    return new Result(200, response);
  }

  private Result followMany(ApiRequest r) {
    JsonNode body = Params.pairList(r, "follow_many");
    int limit = Params.integer(r, "activity_copy_limit", DEFAULT_COPY_LIMIT, 0, MAX_COPY_LIMIT);
    List<FeedRef[]> pairs = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      pairs.add(pair(body.get(i), i));
    }
    // A per-item limit (Java 3) overrides the query parameter for that item.
    List<Integer> limits = new ArrayList<>();
    for (JsonNode item : body) {
      limits.add(Params.integer(item, "activity_copy_limit", limit, 0, MAX_COPY_LIMIT));
    }
    store.follow(pairs, limits);
    return new Result(201, Json.MAPPER.createObjectNode());
  }

  private Result unfollowMany(ApiRequest r) {
    JsonNode body = Params.pairList(r, "unfollow_many");
    List<FeedRef[]> pairs = new ArrayList<>();
    List<Boolean> keep = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      pairs.add(pair(item, i));
      JsonNode flag = item.has("keep_history") ? item.get("keep_history") : item.get("keepHistory");
      String field = "[" + i + "].keep_history";
      keep.add(
          flag == null || flag.isNull()
              ? false
              : flag.isBoolean() ? flag.asBoolean() : keepHistory(field, flag.asText()));
    }
    store.unfollow(pairs, keep);
    return new Result(201, Json.MAPPER.createObjectNode());
  }

  private static boolean keepHistory(String field, String text) {
    return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
      case "YES" -> true;
      case "NO" -> false;
      default -> Params.bool(field, text);
    };
  }

  private FeedRef[] pair(JsonNode item, int i) {
    if (item == null || !item.isObject()) {
      throw ApiException.input(
          "[" + i + "]", "item " + i + " must be {source, target}, got " + item);
    }
    String source = Params.text(item, "source", "[" + i + "].source");
    String target = Params.text(item, "target", "[" + i + "].target");
    if (source == null || target == null) {
      throw ApiException.input("[" + i + "]", "item " + i + " needs both source and target");
    }
    return new FeedRef[] {
      resolver.parseFeedId(source, "[" + i + "].source"),
      resolver.parseFeedId(target, "[" + i + "].target")
    };
  }

  private Result activityLookups(ApiRequest r, String m) {
    allow(r, "GET", "POST");
    if (m.equals("GET")) {
      auth.check(r, new Scope("activities", "read", null, false));
      return activities.get(r);
    }
    auth.check(r, new Scope("activities", "write", null, false));
    return activities.update(r);
  }

  private static void require(boolean condition, ApiRequest r) {
    if (!condition) {
      throw unknown(r);
    }
  }

  private static void allow(ApiRequest r, String... methods) {
    for (String method : methods) {
      if (method.equals(r.method()) || (method.equals("GET") && r.method().equals("HEAD"))) {
        return;
      }
    }
    throw ApiException.methodNotAllowed(
        "method "
            + r.method()
            + " is not allowed on "
            + r.rawPath()
            + " (allowed: "
            + String.join(", ", methods)
            + ")");
  }

  private static ApiException unknown(ApiRequest r) {
    return ApiException.notFound(
        "the emulator has no resource at "
            + r.method()
            + " "
            + r.rawPath()
            + " (feeds, follows, activities and batch endpoints are emulated)");
  }
}
