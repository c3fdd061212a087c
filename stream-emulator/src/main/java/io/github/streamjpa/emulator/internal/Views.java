package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.emulator.internal.FeedData.Entry;
import io.github.streamjpa.emulator.internal.FeedData.Group;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The JSON Stream returns for activities, flat pages and group pages. */
final class Views {
  private static final Set<String> LEADING =
      Set.of("actor", "verb", "object", "target", "foreign_id");

  private Views() {}

  static ObjectNode activity(StoredActivity activity, String origin) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    JsonNode content = activity.content;
    node.put("id", activity.id);
    node.put("actor", content.path("actor").asText(""));
    node.put("verb", content.path("verb").asText(""));
    node.put("object", content.path("object").asText(""));
    node.put("target", content.path("target").asText(""));
    node.put("time", Times.format(activity.micros));
    node.put("foreign_id", content.path("foreign_id").asText(""));
    for (Map.Entry<String, JsonNode> field : content.properties()) {
      if (!LEADING.contains(field.getKey())) {
        node.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    node.put("origin", origin);
    return node;
  }

  static ObjectNode readFlat(
      FeedData feed, ReadParams params, BiFunction<String, String, SortKey> positionOf) {
    Page<Map.Entry<SortKey, Entry>> page =
        page(feed.entries.entrySet(), Map.Entry::getKey, params, positionOf);
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode results = response.putArray("results");
    page.items().forEach(e -> results.add(activity(e.getValue().activity, e.getValue().origin())));
    response.put("next", page.more() ? next(params, page.last().getValue().activity.id) : "");
    return response;
  }

  /** The items of one read: those within its id filters, after its offset, at most its limit. */
  private record Page<T>(List<T> items, boolean more) {
    T last() {
      return items.get(items.size() - 1);
    }
  }

  /**
   * Pages items given in feed order (newest first). Positions of the id filters are looked up in
   * the order id_lt, id_lte, id_gt, id_gte, so the first bad one is the one reported.
   */
  private static <T> Page<T> page(
      Iterable<T> ordered,
      Function<T, SortKey> position,
      ReadParams params,
      BiFunction<String, String, SortKey> positionOf) {
    SortKey lt = params.idLt() == null ? null : positionOf.apply(params.idLt(), "id_lt");
    SortKey lte = params.idLte() == null ? null : positionOf.apply(params.idLte(), "id_lte");
    SortKey gt = params.idGt() == null ? null : positionOf.apply(params.idGt(), "id_gt");
    SortKey gte = params.idGte() == null ? null : positionOf.apply(params.idGte(), "id_gte");
    List<T> items = new ArrayList<>();
    int skipped = 0;
    for (T item : ordered) {
      if (!within(position.apply(item), lt, lte, gt, gte)) {
        continue;
      }
      if (skipped++ < params.offset()) {
        continue;
      }
      if (items.size() == params.limit()) {
        return new Page<>(items, true);
      }
      items.add(item);
    }
    return new Page<>(items, false);
  }

  /** Older entries sort after newer ones, so "less than" an id means "after" it in feed order. */
  private static boolean within(SortKey key, SortKey lt, SortKey lte, SortKey gt, SortKey gte) {
    return (lt == null || key.compareTo(lt) > 0)
        && (lte == null || key.compareTo(lte) >= 0)
        && (gt == null || key.compareTo(gt) < 0)
        && (gte == null || key.compareTo(gte) <= 0);
  }

  private static String next(ReadParams params, String lastId) {
    return params.nextBase()
        + "?id_lt="
        + URLEncoder.encode(lastId, StandardCharsets.UTF_8)
        + "&limit="
        + params.limit();
  }

  static ObjectNode readGroups(FeedData feed, ReadParams params, int maxGroupActivities) {
    List<Group> groups = new ArrayList<>(feed.groupsByKey.values());
    groups.sort(Comparator.comparing(Group::position));
    Page<Group> page =
        page(groups, Group::position, params, (id, name) -> groupPosition(feed, id, name));
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode results = response.putArray("results");
    for (Group group : page.items()) {
      results.add(group(group, feed.notification(), maxGroupActivities));
    }
    response.put("next", page.more() ? next(params, page.last().id) : "");
    if (feed.notification()) {
      response.put("unseen", groups.stream().filter(g -> !g.seen).count());
      response.put("unread", groups.stream().filter(g -> !g.read).count());
      mark(groups, params.markSeen(), true);
      mark(groups, params.markRead(), false);
    }
    return response;
  }

  private static SortKey groupPosition(FeedData feed, String id, String parameter) {
    Group group = feed.groupsById.get(id);
    if (group != null) {
      return group.position();
    }
    SortKey removed = feed.removedGroups.get(id);
    if (removed != null) {
      return removed;
    }
    throw ApiException.input(
        parameter, parameter + " '" + id + "' is not a group id of feed '" + feed.ref.id() + "'");
  }

  private static ObjectNode group(Group group, boolean notification, int maxActivities) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", group.id);
    node.put("group", group.key);
    Entry newest = group.members.firstEntry().getValue();
    node.put("verb", newest.activity.content.path("verb").asText(""));
    ArrayNode list = node.putArray("activities");
    Set<String> actors = new HashSet<>();
    for (Entry entry : group.members.values()) {
      actors.add(entry.activity.content.path("actor").asText(""));
      if (list.size() < maxActivities) {
        list.add(activity(entry.activity, entry.origin()));
      }
    }
    node.put("activity_count", group.members.size());
    node.put("actor_count", actors.size());
    node.put("created_at", Times.format(group.createdMicros));
    node.put("updated_at", Times.format(group.updatedMicros));
    if (notification) {
      node.put("is_seen", group.seen);
      node.put("is_read", group.read);
    }
    return node;
  }

  private static void mark(List<Group> groups, Set<String> ids, boolean seen) {
    if (ids.isEmpty()) {
      return;
    }
    for (Group group : groups) {
      if (ReadParams.marksAll(ids) || ids.contains(group.id)) {
        if (seen) {
          group.seen = true;
        } else {
          group.read = true;
        }
      }
    }
  }
}
