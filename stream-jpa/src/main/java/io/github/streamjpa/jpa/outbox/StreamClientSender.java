package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.core.StreamClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends outbox rows with a {@link StreamClient}: adds batched per feed, updates batched by foreign
 * id and time, removes one by one, follows and unfollows batched. A batch refused as bad data is
 * retried row by row so only the bad row fails.
 */
final class StreamClientSender implements OutboxSender {

  private static final int MAX_BATCH = 100;

  private final StreamClient client;
  private final PayloadMapper mapper;

  StreamClientSender(StreamClient client, PayloadMapper mapper) {
    this.client = client;
    this.mapper = mapper;
  }

  @Override
  public Map<Long, RuntimeException> send(List<OutboxRow> rows) {
    Map<Long, RuntimeException> failures = new HashMap<>();
    Map<FeedId, List<Sendable<Payload.Add>>> addsByFeed = new LinkedHashMap<>();
    List<Sendable<Payload.Update>> updates = new ArrayList<>();
    Map<Integer, List<Sendable<Payload.Follow>>> followsByLimit = new LinkedHashMap<>();
    List<Sendable<Payload.Unfollow>> unfollows = new ArrayList<>();
    for (OutboxRow row : rows) {
      Payload payload;
      try {
        payload = mapper.read(row.operation(), row.payload());
      } catch (RuntimeException e) {
        failures.put(row.id(), e);
        continue;
      }
      if (payload instanceof Payload.Add add) {
        addsByFeed
            .computeIfAbsent(add.feed(), f -> new ArrayList<>())
            .add(new Sendable<>(row, add));
      } else if (payload instanceof Payload.Update update) {
        updates.add(new Sendable<>(row, update));
      } else if (payload instanceof Payload.Remove remove) {
        remove(row, remove, failures);
      } else if (payload instanceof Payload.Follow follow) {
        followsByLimit
            .computeIfAbsent(follow.copyLimit(), l -> new ArrayList<>())
            .add(new Sendable<>(row, follow));
      } else if (payload instanceof Payload.Unfollow unfollow) {
        unfollows.add(new Sendable<>(row, unfollow));
      }
    }
    addsByFeed.forEach(
        (feed, group) ->
            inBatches(
                group,
                batch -> client.feed(feed).addActivities(each(batch, Payload.Add::activity)),
                failures));
    inBatches(
        updates, batch -> client.updateActivities(each(batch, Payload.Update::activity)), failures);
    followsByLimit.forEach(
        (limit, group) ->
            inBatches(
                group,
                batch -> client.followMany(all(batch, Payload.Follow::relations), limit),
                failures));
    inBatches(
        unfollows,
        batch -> client.unfollowMany(all(batch, Payload.Unfollow::unfollowRelations)),
        failures);
    return failures;
  }

  private void remove(OutboxRow row, Payload.Remove remove, Map<Long, RuntimeException> out) {
    try {
      client.feed(remove.feed()).removeActivityByForeignId(remove.foreignId());
    } catch (StreamApiException e) {
      // Already gone is what a remove wants.
      if (e.httpStatus() != 404) {
        out.put(row.id(), e);
      }
    } catch (RuntimeException e) {
      out.put(row.id(), e);
    }
  }

  private static <P extends Payload> void inBatches(
      List<Sendable<P>> rows, Consumer<List<Sendable<P>>> call, Map<Long, RuntimeException> out) {
    for (int from = 0; from < rows.size(); from += MAX_BATCH) {
      List<Sendable<P>> batch = rows.subList(from, Math.min(rows.size(), from + MAX_BATCH));
      try {
        call.accept(batch);
      } catch (RuntimeException e) {
        if (batch.size() > 1 && FailurePolicy.isDataError(e)) {
          for (Sendable<P> row : batch) {
            try {
              call.accept(List.of(row));
            } catch (RuntimeException single) {
              out.put(row.row().id(), single);
            }
          }
        } else {
          batch.forEach(row -> out.put(row.row().id(), e));
        }
      }
    }
  }

  private static <P extends Payload> List<NewActivity> each(
      List<Sendable<P>> batch, Function<P, NewActivity> activity) {
    List<NewActivity> activities = new ArrayList<>(batch.size());
    batch.forEach(row -> activities.add(activity.apply(row.payload())));
    return activities;
  }

  private static <P extends Payload, R> List<R> all(
      List<Sendable<P>> batch, Function<P, List<R>> relations) {
    List<R> all = new ArrayList<>();
    batch.forEach(row -> all.addAll(relations.apply(row.payload())));
    return all;
  }

  /** A claimed row with its payload read. */
  private record Sendable<P extends Payload>(OutboxRow row, P payload) {}
}
