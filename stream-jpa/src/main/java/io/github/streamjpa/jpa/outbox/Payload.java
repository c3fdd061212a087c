package io.github.streamjpa.jpa.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.UnfollowRelation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an outbox row asks Stream to do: one record per operation, written and read by {@link
 * PayloadMapper}. Rows outlive releases, so a field is never renamed or given a new meaning: a
 * change of shape is a new format version that the mapper reads beside the old ones.
 */
sealed interface Payload
    permits Payload.Add, Payload.Update, Payload.Remove, Payload.Follow, Payload.Unfollow {

  /** Returns the operation this payload belongs to. */
  OutboxOperation operation();

  /** Adds an activity to its feed and to the {@code to} feeds. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Add(
      FeedId feed,
      @JsonProperty("foreign_id") String foreignId,
      String actor,
      String verb,
      String object,
      String target,
      Instant time,
      List<FeedId> to,
      ObjectNode extra)
      implements Payload {

    public Add {
      Objects.requireNonNull(feed, "feed");
      Objects.requireNonNull(foreignId, "foreign_id");
      to = to == null ? List.of() : List.copyOf(to);
    }

    @Override
    public OutboxOperation operation() {
      return OutboxOperation.ADD;
    }

    NewActivity activity() {
      return Payload.activity(foreignId, actor, verb, object, target, time, to, extra);
    }
  }

  /** Updates an activity, found by foreign id and time. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Update(
      FeedId feed,
      @JsonProperty("foreign_id") String foreignId,
      String actor,
      String verb,
      String object,
      String target,
      Instant time,
      ObjectNode extra)
      implements Payload {

    public Update {
      Objects.requireNonNull(foreignId, "foreign_id");
    }

    @Override
    public OutboxOperation operation() {
      return OutboxOperation.UPDATE;
    }

    NewActivity activity() {
      // Stream refuses "to" in updates.
      return Payload.activity(foreignId, actor, verb, object, target, time, List.of(), extra);
    }
  }

  /** Removes an activity from its feed by foreign id. */
  record Remove(FeedId feed, @JsonProperty("foreign_id") String foreignId) implements Payload {

    public Remove {
      Objects.requireNonNull(feed, "feed");
      Objects.requireNonNull(foreignId, "foreign_id");
    }

    @Override
    public OutboxOperation operation() {
      return OutboxOperation.REMOVE;
    }
  }

  /** Makes news feeds follow a user feed, copying up to {@code copyLimit} activities. */
  record Follow(List<FollowRelation> relations, @JsonProperty("copy_limit") Integer copyLimit)
      implements Payload {

    public Follow {
      relations = List.copyOf(Objects.requireNonNull(relations, "relations"));
      Objects.requireNonNull(copyLimit, "copy_limit");
    }

    @Override
    public OutboxOperation operation() {
      return OutboxOperation.FOLLOW;
    }
  }

  /** Makes news feeds stop following a user feed. */
  record Unfollow(List<FollowRelation> relations, @JsonProperty("keep_history") Boolean keepHistory)
      implements Payload {

    public Unfollow {
      relations = List.copyOf(Objects.requireNonNull(relations, "relations"));
      Objects.requireNonNull(keepHistory, "keep_history");
    }

    @Override
    public OutboxOperation operation() {
      return OutboxOperation.UNFOLLOW;
    }

    List<UnfollowRelation> unfollowRelations() {
      List<UnfollowRelation> result = new ArrayList<>(relations.size());
      for (FollowRelation relation : relations) {
        result.add(new UnfollowRelation(relation.source(), relation.target(), keepHistory));
      }
      return result;
    }
  }

  private static NewActivity activity(
      String foreignId,
      String actor,
      String verb,
      String object,
      String target,
      Instant time,
      List<FeedId> to,
      ObjectNode extra) {
    NewActivity.Builder builder =
        NewActivity.builder()
            .actor(actor)
            .verb(verb)
            .object(object)
            .target(target)
            .time(time)
            .foreignId(foreignId)
            .to(to);
    if (extra != null) {
      extra.fields().forEachRemaining(field -> builder.extra(field.getKey(), field.getValue()));
    }
    return builder.build();
  }
}
