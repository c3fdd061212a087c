package io.github.streamjpa.jpa.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.EntityReferences;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.FollowRelationEntity;
import io.github.streamjpa.jpa.StreamSyncException;
import io.github.streamjpa.jpa.internal.hibernate.EntityIntrospection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns entity changes into outbox messages: the activity (or follow) is read from the entity when
 * the change happens, with entity values written as references.
 */
final class ChangeMessages {

  private final ObjectMapper json;
  private final FeedManager feeds;

  /** Creates the message factory for one SessionFactory's feed conventions. */
  public ChangeMessages(ObjectMapper json, FeedManager feeds) {
    this.json = json;
    this.feeds = feeds;
  }

  /** Returns the message for an activity change; {@code what} names the entity in errors. */
  public OutboxMessage activity(OutboxOperation operation, Activity activity, String what) {
    String foreignId = require(activity.activityForeignId(), what, "activityForeignId()");
    FeedId feed = require(activity.activityFeed(feeds), what, "activityFeed(FeedManager)");
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("feed", feed.toString());
    payload.put("foreign_id", foreignId);
    if (operation != OutboxOperation.REMOVE) {
      payload.put("actor", wire(require(activity.activityActor(), what, "activityActor()")));
      payload.put("verb", require(activity.activityVerb(), what, "activityVerb()"));
      payload.put("object", wire(require(activity.activityObject(), what, "activityObject()")));
      Object target = activity.activityTarget();
      if (target != null) {
        payload.put("target", wire(target));
      }
      payload.put("time", stableTime(activity, what).toString());
      List<String> to = new ArrayList<>();
      List<FeedId> notify = activity.activityNotify();
      if (notify != null) {
        notify.forEach(id -> to.add(id.toString()));
      }
      payload.put("to", to);
      Map<String, Object> extra = activity.activityExtraData();
      payload.put("extra", extra == null ? Map.of() : wire(extra));
    }
    return new OutboxMessage(foreignId, operation, write(payload));
  }

  /** Returns the message following or unfollowing the users named by a follow entity. */
  public OutboxMessage follow(boolean follow, FollowRelationEntity relation, String what) {
    Object follower = require(relation.followerId(), what, "followerId()");
    Object followed = require(relation.followedId(), what, "followedId()");
    List<Map<String, String>> pairs = new ArrayList<>();
    for (FollowRelation pair : feeds.followRelations(follower, followed)) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("source", pair.source().toString());
      entry.put("target", pair.target().toString());
      pairs.add(entry);
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("relations", pairs);
    if (follow) {
      payload.put("copy_limit", feeds.activityCopyLimit());
    } else {
      payload.put("keep_history", feeds.keepHistory());
    }
    String key = "follow " + FeedManager.userIdOf(follower) + ">" + FeedManager.userIdOf(followed);
    return new OutboxMessage(
        key, follow ? OutboxOperation.FOLLOW : OutboxOperation.UNFOLLOW, write(payload));
  }

  /** Returns the activity time at the precision Stream keeps (microseconds), checked present. */
  public static Instant stableTime(Activity activity, String what) {
    Instant time = require(activity.activityTime(), what, "activityTime()");
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  /** Converts a value to what is written: entities become references, collections recurse. */
  static Object wire(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), wire(v)));
      return copy;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      collection.forEach(v -> copy.add(wire(v)));
      return copy;
    }
    if (value instanceof FeedId feedId) {
      return feedId.toString();
    }
    if (EntityIntrospection.isEntity(value)) {
      return EntityReferences.of(
          EntityIntrospection.entityName(value), EntityIntrospection.identifier(value));
    }
    return value.toString();
  }

  private String write(Map<String, Object> payload) {
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new StreamSyncException("cannot write outbox payload as JSON: " + e.getMessage(), e);
    }
  }

  private static <T> T require(T value, String what, String method) {
    if (value == null) {
      throw new StreamSyncException(what + ": " + method + " returned null; it is required");
    }
    return value;
  }
}
