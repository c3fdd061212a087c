package io.github.streamjpa.emulator.internal;

import static io.github.streamjpa.emulator.internal.FeedData.DIRECT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to stored activities: full updates, partial updates and {@code to} target edits. Called
 * by {@link FeedStore} with its lock held.
 */
final class Updates {
  private Updates() {}

  static List<ObjectNode> updateActivities(FeedStore store, List<ActivityInput> inputs) {
    for (int i = 0; i < inputs.size(); i++) {
      ActivityInput input = inputs.get(i);
      StoredActivity activity =
          store.activities.get(FeedStore.idOf(input.foreignId(), input.micros()));
      if (activity != null
          && input.content().has("to")
          && !activity.to().equals(StoredActivity.targetsOf(input.content()))) {
        throw ApiException.input(
            "activities[" + i + "].to",
            "to cannot be changed by an update; use activity_to_targets for " + input.foreignId());
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    for (ActivityInput input : inputs) {
      StoredActivity activity =
          store.activities.get(FeedStore.idOf(input.foreignId(), input.micros()));
      if (activity == null) {
        continue;
      }
      ObjectNode content = input.content().deepCopy();
      content.remove("to");
      if (activity.content.has("to")) {
        content.set("to", activity.content.get("to"));
      }
      activity.content = content;
      out.add(Views.activity(activity, null));
    }
    return out;
  }

  static List<ObjectNode> partialUpdate(FeedStore store, List<PartialChange> changes) {
    Map<String, ObjectNode> pending = new LinkedHashMap<>();
    Map<String, StoredActivity> targets = new HashMap<>();
    for (PartialChange change : changes) {
      String id =
          change.id() != null ? change.id() : FeedStore.idOf(change.foreignId(), change.micros());
      StoredActivity activity = store.activities.get(id);
      if (activity == null) {
        throw ApiException.notFound(change.describe() + " does not exist");
      }
      targets.put(id, activity);
      ObjectNode content = pending.computeIfAbsent(id, k -> activity.content.deepCopy());
      PartialUpdates.apply(content, change);
    }
    List<ObjectNode> out = new ArrayList<>();
    pending.forEach(
        (id, content) -> {
          StoredActivity activity = targets.get(id);
          activity.content = content;
          out.add(Views.activity(activity, null));
        });
    return out;
  }

  static ObjectNode updateToTargets(
      FeedStore store,
      FeedRef feed,
      String foreignId,
      long micros,
      List<FeedRef> replacement,
      List<FeedRef> added,
      List<FeedRef> removed) {
    StoredActivity activity = store.activities.get(FeedStore.idOf(foreignId, micros));
    if (activity == null || !activity.feeds.contains(feed.id())) {
      throw ApiException.notFound(
          "activity with foreign_id '"
              + foreignId
              + "' and time '"
              + Times.format(micros)
              + "' is not in feed '"
              + feed.id()
              + "'");
    }
    Set<String> old = activity.to();
    Map<String, FeedRef> desired = new LinkedHashMap<>();
    if (replacement != null) {
      replacement.forEach(r -> desired.put(r.id(), r));
    } else {
      for (String id : old) {
        desired.put(id, null);
      }
      added.forEach(r -> desired.put(r.id(), r));
      removed.forEach(r -> desired.remove(r.id()));
    }
    List<String> removedIds = new ArrayList<>();
    for (String id : old) {
      if (!desired.containsKey(id)) {
        removedIds.add(id);
        for (String feedId : List.copyOf(activity.feeds)) {
          if (feedId.equals(id)) {
            store.removeSource(feedId, activity, DIRECT);
          }
          store.removeSource(feedId, activity, id);
        }
      }
    }
    List<String> addedIds = new ArrayList<>();
    for (Map.Entry<String, FeedRef> target : desired.entrySet()) {
      if (!old.contains(target.getKey())) {
        addedIds.add(target.getKey());
        store.insert(store.feed(target.getValue()), activity, DIRECT);
        store.copyToFollowers(target.getValue(), activity);
      }
    }
    FeedStore.setTo(activity, desired.keySet());
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.set("activity", Views.activity(activity, null));
    ArrayNode a = response.putArray("added");
    addedIds.forEach(a::add);
    ArrayNode r = response.putArray("removed");
    removedIds.forEach(r::add);
    return response;
  }
}
