package io.github.streamjpa.jpa.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.FollowRelationEntity;
import io.github.streamjpa.jpa.StreamSyncException;
import jakarta.persistence.metamodel.EntityType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns entity changes into outbox messages: the activity (or follow) is read from the entity when
 * the change happens, entity values are written as references, and anything Stream would refuse
 * fails here, in the flush, with the entity and the field named.
 */
final class ChangeMessages {

  private final PayloadMapper mapper;
  private final FeedManager feeds;
  private final EntityNaming naming;
  private final Map<String, Boolean> overridden = new ConcurrentHashMap<>();

  ChangeMessages(PayloadMapper mapper, FeedManager feeds, EntityNaming naming) {
    this.mapper = mapper;
    this.feeds = feeds;
    this.naming = naming;
  }

  /** Returns the message for an activity change; {@code what} names the entity in errors. */
  OutboxMessage activity(OutboxOperation operation, Activity activity, String what) {
    String foreignId = foreignId(activity, what);
    Payload payload;
    if (operation == OutboxOperation.REMOVE) {
      payload = new Payload.Remove(feed(activity, what), foreignId);
    } else {
      payload = activityPayload(operation, activity, foreignId, what);
    }
    return new OutboxMessage(foreignId, operation, mapper.write(payload));
  }

  /** Returns the message following or unfollowing the users named by a follow entity. */
  OutboxMessage follow(boolean follow, FollowRelationEntity relation, String what) {
    Object follower = userKey(required(what, "followerId()", relation::followerId), what);
    Object followed = userKey(required(what, "followedId()", relation::followedId), what);
    List<FollowRelation> relations;
    String key;
    try {
      relations = feeds.followRelations(follower, followed);
      key = "follow " + FeedManager.userIdOf(follower) + ">" + FeedManager.userIdOf(followed);
    } catch (IllegalArgumentException e) {
      throw new StreamSyncException(what + ": followerId()/followedId(): " + e.getMessage(), e);
    }
    Payload payload =
        follow
            ? new Payload.Follow(relations, feeds.activityCopyLimit())
            : new Payload.Unfollow(relations, feeds.keepHistory());
    return new OutboxMessage(
        key, follow ? OutboxOperation.FOLLOW : OutboxOperation.UNFOLLOW, mapper.write(payload));
  }

  /** Returns the activity time at the precision Stream keeps (microseconds), checked present. */
  static Instant stableTime(Activity activity, String what) {
    return required(what, "activityTime()", activity::activityTime).truncatedTo(ChronoUnit.MICROS);
  }

  private Payload activityPayload(
      OutboxOperation operation, Activity activity, String foreignId, String what) {
    Object actor = required(what, "activityActor()", activity::activityActor);
    FeedId feed = feed(activity, actor, what);
    String actorText = reference(actor, what, "activityActor()");
    String verb =
        overrides(activity, "activityVerb")
            ? required(what, "activityVerb()", activity::activityVerb)
            : entityType(activity, what).getJavaType().getSimpleName().toLowerCase(Locale.ROOT);
    String object =
        reference(
            required(what, "activityObject()", activity::activityObject), what, "activityObject()");
    Object targetValue = call(what, "activityTarget()", activity::activityTarget);
    String target = targetValue == null ? null : reference(targetValue, what, "activityTarget()");
    Instant time = stableTime(activity, what);
    ObjectNode extra =
        new PlainJson(naming, what)
            .extra(call(what, "activityExtraData()", activity::activityExtraData));
    Payload.Add add =
        new Payload.Add(
            feed, foreignId, actorText, verb, object, target, time, notify(activity, what), extra);
    try {
      add.activity();
    } catch (IllegalArgumentException e) {
      // The client's own checks, run now so that a refusal fails the flush, not the send.
      throw new StreamSyncException(
          what + ": Stream would refuse the activity: " + e.getMessage(), e);
    }
    return operation == OutboxOperation.ADD
        ? add
        : new Payload.Update(feed, foreignId, actorText, verb, object, target, time, extra);
  }

  private String foreignId(Activity activity, String what) {
    String foreignId =
        overrides(activity, "activityForeignId")
            ? required(what, "activityForeignId()", activity::activityForeignId)
            : reference(activity, what, "activityForeignId()");
    if (foreignId.isBlank()) {
      throw new StreamSyncException(what + ": activityForeignId() returned a blank string");
    }
    return foreignId;
  }

  private FeedId feed(Activity activity, String what) {
    return feed(activity, null, what);
  }

  /** Returns the activity's feed; {@code actor} is the actor when already read, or null. */
  private FeedId feed(Activity activity, Object actor, String what) {
    if (overrides(activity, "activityFeed", FeedManager.class)) {
      return required(what, "activityFeed(FeedManager)", () -> activity.activityFeed(feeds));
    }
    // The default: the actor's user feed, checked here so that a missing actor is named.
    Object user =
        actor != null ? actor : required(what, "activityActor()", activity::activityActor);
    try {
      return FeedId.of(feeds.userFeedSlug(), FeedManager.userIdOf(userKey(user, what)));
    } catch (IllegalArgumentException e) {
      throw new StreamSyncException(
          what + ": activityActor() cannot name a user feed: " + e.getMessage(), e);
    }
  }

  private List<FeedId> notify(Activity activity, String what) {
    List<FeedId> notify = call(what, "activityNotify()", activity::activityNotify);
    if (notify == null) {
      return List.of();
    }
    List<FeedId> to = new ArrayList<>(notify.size());
    for (FeedId feed : notify) {
      if (feed == null) {
        throw new StreamSyncException(what + ": activityNotify() contains null");
      }
      to.add(feed);
    }
    return to;
  }

  /** Returns a string as it is and an entity as its reference. */
  private String reference(Object value, String what, String method) {
    if (value instanceof String text) {
      return text;
    }
    Optional<EntityType<?>> type = naming.entityType(value);
    if (type.isEmpty()) {
      throw new StreamSyncException(
          what
              + ": "
              + method
              + " returned a "
              + value.getClass().getName()
              + "; return an entity or a string such as \"User:42\"");
    }
    try {
      return naming.reference(type.get(), value);
    } catch (RuntimeException e) {
      throw new StreamSyncException(what + ": " + method + ": " + e.getMessage(), e);
    }
  }

  /** Returns a user given as entity by its id; other values as they are. */
  private Object userKey(Object user, String what) {
    if (naming.entityType(user).isEmpty()) {
      return user;
    }
    Object id = naming.identifier(user);
    if (id == null) {
      throw new StreamSyncException(what + ": user entity " + user + " has no identifier yet");
    }
    return String.valueOf(id);
  }

  private EntityType<?> entityType(Activity activity, String what) {
    return naming
        .entityType(activity)
        .orElseThrow(
            () ->
                new StreamSyncException(
                    what + ": " + activity.getClass().getName() + " is not a mapped entity"));
  }

  /** Returns whether the entity's class overrides an {@link Activity} default method. */
  private boolean overrides(Activity activity, String method, Class<?>... parameters) {
    Class<?> type =
        naming
            .entityType(activity)
            .<Class<?>>map(EntityType::getJavaType)
            .orElse(activity.getClass());
    return overridden.computeIfAbsent(
        type.getName() + "#" + method,
        key -> {
          try {
            return type.getMethod(method, parameters).getDeclaringClass() != Activity.class;
          } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static <T> T required(String what, String method, Supplier<T> call) {
    T value = call(what, method, call);
    if (value == null) {
      throw new StreamSyncException(what + ": " + method + " returned null; it is required");
    }
    return value;
  }

  private static <T> T call(String what, String method, Supplier<T> call) {
    try {
      return call.get();
    } catch (StreamSyncException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StreamSyncException(what + ": " + method + " failed: " + e, e);
    }
  }
}
