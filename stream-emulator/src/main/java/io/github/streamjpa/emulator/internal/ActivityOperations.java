package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity endpoints: get by ids or foreign id and time, full update, partial update and {@code
 * to} target edits. Credentials are already checked by {@link Operations}.
 */
final class ActivityOperations {
  private final FeedStore store;
  private final FeedResolver resolver;

  ActivityOperations(FeedStore store, FeedResolver resolver) {
    this.store = store;
    this.resolver = resolver;
  }

  Operations.Result get(ApiRequest r) {
    List<String> ids = r.queryList("ids");
    List<String> foreignIds = r.queryList("foreign_ids");
    List<String> timestamps = r.queryList("timestamps");
    boolean byIds = !ids.isEmpty();
    boolean byForeign = !foreignIds.isEmpty() || !timestamps.isEmpty();
    if (byIds == byForeign) {
      throw ApiException.input(
          "ids", "give either ids, or foreign_ids with timestamps (exactly one of the two)");
    }
    if (byForeign) {
      if (foreignIds.size() != timestamps.size()) {
        throw ApiException.input(
            "timestamps",
            "foreign_ids has "
                + foreignIds.size()
                + " items but timestamps has "
                + timestamps.size());
      }
      ids = new ArrayList<>();
      for (int i = 0; i < foreignIds.size(); i++) {
        ids.add(FeedStore.idOf(foreignIds.get(i), Params.time(timestamps.get(i), "timestamps")));
      }
    }
    if (ids.size() > 100) {
      throw ApiException.input("ids", "at most 100 activities per request, got " + ids.size());
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode results = response.putArray("results");
    store.getActivities(ids).forEach(results::add);
    return new Operations.Result(200, response);
  }

  Operations.Result update(ApiRequest r) {
    JsonNode list = Params.object(r).get("activities");
    if (list == null || !list.isArray()) {
      throw ApiException.input("activities", "activities must be a list");
    }
    List<ActivityInput> inputs = ActivityInput.parseAll(list, "activities", resolver);
    for (int i = 0; i < inputs.size(); i++) {
      ActivityInput input = inputs.get(i);
      if (input.foreignId().isEmpty() || input.micros() == null) {
        throw ApiException.input(
            "activities[" + i + "].foreign_id",
            "an updated activity needs both foreign_id and time");
      }
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode out = response.putArray("activities");
    store.updateActivities(inputs).forEach(out::add);
    return new Operations.Result(201, response);
  }

  Operations.Result partialUpdate(ApiRequest r) {
    JsonNode body = Params.object(r);
    JsonNode changes = body.get("changes");
    boolean batch = changes != null && changes.isArray();
    List<PartialChange> parsed = new ArrayList<>();
    if (batch) {
      for (int i = 0; i < changes.size(); i++) {
        parsed.add(change(changes.get(i), "changes[" + i + "]."));
      }
    } else {
      parsed.add(change(body, ""));
    }
    List<ObjectNode> updated = store.partialUpdate(parsed);
    if (!batch) {
      return new Operations.Result(201, updated.get(0));
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode out = response.putArray("activities");
    updated.forEach(out::add);
    return new Operations.Result(201, response);
  }

  private static PartialChange change(JsonNode node, String prefix) {
    if (node == null || !node.isObject()) {
      throw ApiException.input(prefix + "change", "a change must be a JSON object");
    }
    String id = Params.text(node, "id", prefix + "id");
    String foreignId = Params.foreignId(node, "foreign_id", prefix + "foreign_id");
    if (foreignId == null) {
      foreignId = Params.foreignId(node, "foreignID", prefix + "foreign_id");
    }
    String time = Params.text(node, "time", prefix + "time");
    Long micros = null;
    if (id == null) {
      if (foreignId == null || time == null) {
        throw ApiException.input(prefix + "id", "give id, or foreign_id together with time");
      }
      micros = Params.time(time, prefix + "time");
    } else if (foreignId != null) {
      throw ApiException.input(prefix + "id", "give id or foreign_id with time, not both");
    }
    JsonNode set = node.get("set");
    if (set != null && !set.isNull() && !set.isObject()) {
      throw ApiException.input(prefix + "set", "set must be an object of field paths to values");
    }
    JsonNode unset = node.get("unset");
    List<String> unsetPaths = new ArrayList<>();
    if (unset != null && !unset.isNull()) {
      if (!unset.isArray()) {
        throw ApiException.input(prefix + "unset", "unset must be a list of field paths");
      }
      unset.forEach(n -> unsetPaths.add(n.asText()));
    }
    ObjectNode setNode =
        set == null || set.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) set;
    return new PartialChange(id, foreignId, micros, setNode, List.copyOf(unsetPaths));
  }

  Operations.Result updateToTargets(ApiRequest r, FeedRef feed) {
    JsonNode body = Params.object(r);
    String foreignId = Params.foreignId(body, "foreign_id", "foreign_id");
    String time = Params.text(body, "time", "time");
    if (foreignId == null || time == null) {
      throw ApiException.input("foreign_id", "foreign_id and time are both required");
    }
    long micros = Params.time(time, "time");
    List<FeedRef> replacement = targets(body, "new_targets");
    List<FeedRef> added = targets(body, "added_targets");
    List<FeedRef> removed = targets(body, "removed_targets");
    if (replacement != null && !replacement.isEmpty() && (nonEmpty(added) || nonEmpty(removed))) {
      throw ApiException.input(
          "new_targets", "new_targets cannot be combined with added_targets or removed_targets");
    }
    if (nonEmpty(added) && nonEmpty(removed)) {
      for (FeedRef a : added) {
        if (removed.stream().anyMatch(x -> x.id().equals(a.id()))) {
          throw ApiException.input(
              "added_targets",
              "feed '" + a.id() + "' is both in added_targets and removed_targets");
        }
      }
    }
    boolean replace =
        nonEmpty(replacement) || (replacement != null && added == null && removed == null);
    ObjectNode response =
        store.updateToTargets(
            feed,
            foreignId,
            micros,
            replace ? replacement : null,
            added == null ? List.of() : added,
            removed == null ? List.of() : removed);
    return new Operations.Result(201, response);
  }

  private static boolean nonEmpty(List<FeedRef> list) {
    return list != null && !list.isEmpty();
  }

  private List<FeedRef> targets(JsonNode body, String name) {
    JsonNode list = body.get(name);
    if (list == null || list.isNull()) {
      return null;
    }
    if (!list.isArray()) {
      throw ApiException.input(name, name + " must be a list of feed ids");
    }
    List<FeedRef> out = new ArrayList<>();
    list.forEach(n -> out.add(resolver.parseFeedId(n.asText(), name)));
    return out;
  }
}
