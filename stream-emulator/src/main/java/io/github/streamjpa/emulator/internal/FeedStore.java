package io.github.streamjpa.emulator.internal;

import static io.github.streamjpa.emulator.internal.FeedData.DIRECT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.emulator.FeedGroupType;
import io.github.streamjpa.emulator.internal.FeedData.Entry;
import io.github.streamjpa.emulator.internal.FeedData.Group;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All feeds, activities and follows, behind one lock. Every public method validates everything it
 * needs before changing anything, so a refused request leaves no trace.
 */
final class FeedStore {
  final Times times;
  final int maxGroupActivities;
  final Map<String, StoredActivity> activities = new HashMap<>();
  final Map<String, FeedData> feeds = new HashMap<>();

  /** Positions of activities that are gone, so an id_lt cursor naming one still pages. */
  final Map<String, SortKey> removedActivities = new HashMap<>();

  /** The creation sequence number of the newest activity. */
  private long created;

  /** source feed id → (target feed id → follow), in follow order. */
  final Map<String, LinkedHashMap<String, Follow>> following = new HashMap<>();

  /** target feed id → (source feed id → follow), in follow order. */
  final Map<String, LinkedHashMap<String, Follow>> followers = new HashMap<>();

  /** A follow relation. */
  record Follow(FeedRef source, FeedRef target, long createdMicros, long updatedMicros) {}

  FeedStore(Times times, int maxGroupActivities) {
    this.times = times;
    this.maxGroupActivities = maxGroupActivities;
  }

  synchronized void reset() {
    activities.clear();
    feeds.clear();
    removedActivities.clear();
    created = 0;
    following.clear();
    followers.clear();
  }

  // ---- adds -------------------------------------------------------------------------------

  synchronized List<ObjectNode> addActivities(FeedRef feed, List<ActivityInput> inputs) {
    List<ObjectNode> out = new ArrayList<>();
    for (ActivityInput input : inputs) {
      StoredActivity activity = upsert(input);
      fanOut(feed, activity, input.to());
      out.add(Views.activity(activity, null));
    }
    return out;
  }

  synchronized void addToMany(ActivityInput input, List<FeedRef> targets) {
    StoredActivity activity = upsert(input);
    for (FeedRef target : targets) {
      insert(feed(target), activity, DIRECT);
    }
  }

  /** Stores the activity, or replaces the content of the one with the same identity. */
  private StoredActivity upsert(ActivityInput input) {
    long micros = input.micros() != null ? input.micros() : times.nowMicros();
    String id;
    if (!input.foreignId().isEmpty()) {
      id = idOf(input.foreignId(), micros);
    } else if (input.micros() != null) {
      id = ActivityIds.derived(micros, "c|" + Json.canonical(input.content()));
    } else {
      id = ActivityIds.random(micros);
    }
    StoredActivity activity = activities.get(id);
    ObjectNode content = input.content().deepCopy();
    if (activity == null) {
      activity = new StoredActivity(id, micros, ++created, content);
      activities.put(id, activity);
    } else {
      // Keep earlier `to` targets so a later removal still reaches them.
      Set<String> to = activity.to();
      to.addAll(StoredActivity.targetsOf(content));
      activity.content = content;
      setTo(activity, to);
    }
    return activity;
  }

  private void fanOut(FeedRef feed, StoredActivity activity, List<FeedRef> to) {
    insert(feed(feed), activity, DIRECT);
    copyToFollowers(feed, activity);
    for (FeedRef target : to) {
      insert(feed(target), activity, DIRECT);
      copyToFollowers(target, activity);
    }
  }

  void copyToFollowers(FeedRef feed, StoredActivity activity) {
    for (Follow follow : followsOf(feed.id(), true).values()) {
      insert(feed(follow.source()), activity, feed.id());
    }
  }

  FeedData feed(FeedRef ref) {
    return feeds.computeIfAbsent(ref.id(), k -> new FeedData(ref));
  }

  void insert(FeedData feed, StoredActivity activity, String source) {
    Entry existing = feed.byActivity.get(activity.id);
    if (existing != null) {
      existing.sources.add(source);
      return;
    }
    Entry entry = new Entry(activity);
    entry.sources.add(source);
    feed.entries.put(activity.key(), entry);
    feed.byActivity.put(activity.id, entry);
    activity.feeds.add(feed.ref.id());
    if (feed.grouped()) {
      String from = source.equals(DIRECT) ? feed.ref.id() : source;
      int colon = from.indexOf(':');
      String key =
          feed.format.render(
              activity.content,
              activity.micros,
              from.substring(0, colon),
              from.substring(colon + 1));
      long now = times.nowMicros();
      Group group = feed.groupsByKey.get(key);
      if (group == null) {
        group = new Group(ActivityIds.random(now) + "." + key, key, now);
        feed.groupsByKey.put(key, group);
        feed.groupsById.put(group.id, group);
      }
      group.members.put(activity.key(), entry);
      group.updatedMicros = now;
      group.seen = false;
      group.read = false;
      entry.group = group;
    }
  }

  // ---- removals ---------------------------------------------------------------------------

  synchronized void removeActivity(FeedRef feed, String activityId) {
    StoredActivity activity = activities.get(activityId);
    if (activity != null) {
      remove(feed, activity);
    }
  }

  synchronized void removeByForeignId(FeedRef feed, String foreignId) {
    FeedData data = feeds.get(feed.id());
    if (data == null) {
      return;
    }
    List<StoredActivity> matching = new ArrayList<>();
    for (Entry entry : data.entries.values()) {
      if (entry.activity.foreignId().equals(foreignId)) {
        matching.add(entry.activity);
      }
    }
    matching.forEach(activity -> remove(feed, activity));
  }

  /**
   * Removes the activity from the feed and from every copy made from it: follower copies, and when
   * this feed is where it was added, its {@code to} targets and their followers' copies.
   */
  private void remove(FeedRef feed, StoredActivity activity) {
    FeedData data = feeds.get(feed.id());
    Entry own = data == null ? null : data.byActivity.get(activity.id);
    if (own == null) {
      return;
    }
    Set<String> to = activity.to();
    boolean home = own.sources.contains(DIRECT) && !to.contains(feed.id());
    Set<String> reach = new LinkedHashSet<>();
    reach.add(feed.id());
    if (home) {
      reach.addAll(to);
    }
    for (String feedId : List.copyOf(activity.feeds)) {
      FeedData other = feeds.get(feedId);
      Entry entry = other.byActivity.get(activity.id);
      if (feedId.equals(feed.id())) {
        removeEntry(other, entry);
        continue;
      }
      entry.sources.removeAll(reach);
      if (home && to.contains(feedId)) {
        entry.sources.remove(DIRECT);
      }
      if (entry.sources.isEmpty()) {
        removeEntry(other, entry);
      }
    }
  }

  private void removeEntry(FeedData feed, Entry entry) {
    StoredActivity activity = entry.activity;
    feed.entries.remove(activity.key());
    feed.byActivity.remove(activity.id);
    Group group = entry.group;
    if (group != null) {
      group.members.remove(activity.key());
      if (group.members.isEmpty()) {
        feed.groupsByKey.remove(group.key);
        feed.groupsById.remove(group.id);
        feed.removedGroups.put(group.id, group.position());
      }
    }
    activity.feeds.remove(feed.ref.id());
    if (activity.feeds.isEmpty()) {
      activities.remove(activity.id);
      removedActivities.put(activity.id, activity.key());
    }
  }

  void removeSource(String feedId, StoredActivity activity, String source) {
    FeedData feed = feeds.get(feedId);
    Entry entry = feed == null ? null : feed.byActivity.get(activity.id);
    if (entry != null && entry.sources.remove(source) && entry.sources.isEmpty()) {
      removeEntry(feed, entry);
    }
  }

  // ---- follows ----------------------------------------------------------------------------

  synchronized void follow(List<FeedRef[]> pairs, List<Integer> copyLimits) {
    for (FeedRef[] pair : pairs) {
      checkFollowable(pair[0], pair[1]);
    }
    for (int i = 0; i < pairs.size(); i++) {
      follow(pairs.get(i)[0], pairs.get(i)[1], copyLimits.get(i));
    }
  }

  private void checkFollowable(FeedRef source, FeedRef target) {
    if (target.group().type() != FeedGroupType.FLAT) {
      throw ApiException.input(
          "target",
          "feed '"
              + target.id()
              + "' is "
              + target.group().type().name().toLowerCase(java.util.Locale.ROOT)
              + "; only flat feeds can be followed");
    }
    if (source.id().equals(target.id())) {
      throw ApiException.input("target", "feed '" + source.id() + "' cannot follow itself");
    }
  }

  private void follow(FeedRef source, FeedRef target, int copyLimit) {
    long now = times.nowMicros();
    Follow previous = followsOf(source.id(), false).get(target.id());
    Follow follow =
        new Follow(source, target, previous == null ? now : previous.createdMicros(), now);
    following.computeIfAbsent(source.id(), k -> new LinkedHashMap<>()).put(target.id(), follow);
    followers.computeIfAbsent(target.id(), k -> new LinkedHashMap<>()).put(source.id(), follow);
    FeedData targetFeed = feeds.get(target.id());
    if (targetFeed == null || copyLimit == 0) {
      return;
    }
    List<StoredActivity> newest = new ArrayList<>();
    for (Entry entry : targetFeed.entries.values()) {
      if (newest.size() >= copyLimit) {
        break;
      }
      if (entry.sources.contains(DIRECT)) {
        newest.add(entry.activity);
      }
    }
    Collections.reverse(newest);
    FeedData sourceFeed = feed(source);
    newest.forEach(activity -> insert(sourceFeed, activity, target.id()));
  }

  synchronized void unfollow(List<FeedRef[]> pairs, List<Boolean> keepHistory) {
    for (int i = 0; i < pairs.size(); i++) {
      FeedRef source = pairs.get(i)[0];
      FeedRef target = pairs.get(i)[1];
      Map<String, Follow> out = following.get(source.id());
      if (out != null) {
        out.remove(target.id());
      }
      Map<String, Follow> in = followers.get(target.id());
      if (in != null) {
        in.remove(source.id());
      }
      FeedData feed = feeds.get(source.id());
      if (feed != null && !keepHistory.get(i)) {
        for (Entry entry : List.copyOf(feed.entries.values())) {
          if (entry.sources.contains(target.id())) {
            removeSource(source.id(), entry.activity, target.id());
          }
        }
      }
    }
  }

  synchronized List<ObjectNode> follows(
      FeedRef feed, boolean ofFollowers, int limit, int offset, Set<String> filter) {
    List<Follow> all = new ArrayList<>(followsOf(feed.id(), ofFollowers).values());
    Collections.reverse(all);
    List<ObjectNode> out = new ArrayList<>();
    int skipped = 0;
    for (Follow follow : all) {
      String other = ofFollowers ? follow.source().id() : follow.target().id();
      if (!filter.isEmpty() && !filter.contains(other)) {
        continue;
      }
      if (skipped++ < offset) {
        continue;
      }
      if (out.size() >= limit) {
        break;
      }
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("feed_id", follow.source().id());
      node.put("target_id", follow.target().id());
      node.put("created_at", Times.format(follow.createdMicros()));
      node.put("updated_at", Times.format(follow.updatedMicros()));
      out.add(node);
    }
    return out;
  }

  /** The number of follows of a feed whose other feed is in one of {@code slugs} (all if empty). */
  synchronized int countFollows(FeedRef feed, boolean ofFollowers, Set<String> slugs) {
    int count = 0;
    for (Follow follow : followsOf(feed.id(), ofFollowers).values()) {
      FeedRef other = ofFollowers ? follow.source() : follow.target();
      if (slugs.isEmpty() || slugs.contains(other.slug())) {
        count++;
      }
    }
    return count;
  }

  /** A feed's follows (by the other feed's id, in follow order); read-only use, may be empty. */
  private Map<String, Follow> followsOf(String feedId, boolean ofFollowers) {
    Map<String, Follow> follows = (ofFollowers ? followers : following).get(feedId);
    return follows == null ? Map.of() : follows;
  }

  // ---- lookups and updates ----------------------------------------------------------------

  synchronized List<ObjectNode> getActivities(List<String> ids) {
    List<ObjectNode> out = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      StoredActivity activity = activities.get(id);
      if (activity != null) {
        out.add(Views.activity(activity, null));
      }
    }
    return out;
  }

  /** The id of the activity with this foreign_id and time: both identify it, as in Stream. */
  static String idOf(String foreignId, long micros) {
    return ActivityIds.derived(micros, "f|" + foreignId);
  }

  synchronized List<ObjectNode> updateActivities(List<ActivityInput> inputs) {
    return Updates.updateActivities(this, inputs);
  }

  synchronized List<ObjectNode> partialUpdate(List<PartialChange> changes) {
    return Updates.partialUpdate(this, changes);
  }

  synchronized ObjectNode updateToTargets(
      FeedRef feed,
      String foreignId,
      long micros,
      List<FeedRef> replacement,
      List<FeedRef> added,
      List<FeedRef> removed) {
    return Updates.updateToTargets(this, feed, foreignId, micros, replacement, added, removed);
  }

  static void setTo(StoredActivity activity, Set<String> to) {
    if (to.isEmpty()) {
      activity.content.remove("to");
    } else {
      ArrayNode array = activity.content.putArray("to");
      to.forEach(array::add);
    }
  }

  // ---- reads ------------------------------------------------------------------------------

  synchronized ObjectNode read(FeedRef feed, ReadParams params) {
    FeedData data = feeds.get(feed.id());
    if (data == null) {
      data = new FeedData(feed);
    }
    return data.grouped()
        ? Views.readGroups(data, params, maxGroupActivities)
        : Views.readFlat(data, params, this::positionOf);
  }

  SortKey positionOf(String id, String parameter) {
    StoredActivity activity = activities.get(id);
    if (activity != null) {
      return activity.key();
    }
    SortKey removed = removedActivities.get(id);
    if (removed != null) {
      return removed;
    }
    // An id this emulator never made counts as newer than every activity of its time so far.
    return ActivityIds.micros(id)
        .map(micros -> new SortKey(micros, Long.MAX_VALUE, id))
        .orElseThrow(
            () ->
                ApiException.input(
                    parameter, parameter + " '" + id + "' is not an activity id of this app"));
  }

  synchronized List<Map<String, Object>> feedActivities(String feedId) {
    FeedData data = feeds.get(feedId);
    List<Map<String, Object>> out = new ArrayList<>();
    if (data != null) {
      for (Entry entry : data.entries.values()) {
        out.add(Json.toMap(Views.activity(entry.activity, entry.origin())));
      }
    }
    return List.copyOf(out);
  }

  synchronized List<String> followIds(String feedId, boolean ofFollowers) {
    List<String> ids = new ArrayList<>(followsOf(feedId, ofFollowers).keySet());
    Collections.reverse(ids);
    return List.copyOf(ids);
  }
}
