package io.github.streamjpa.jpa.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.FollowRelation;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.core.UnfollowRelation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends outbox rows with a {@link StreamClient}: adds batched per feed, updates batched by foreign
 * id and time, removes one by one, follows and unfollows batched. A batch refused as bad data is
 * retried row by row so only the bad row fails.
 */
final class StreamClientSender implements OutboxSender {

  private static final int MAX_BATCH = 100;
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final StreamClient client;
  private final ObjectMapper json;

  /** Creates the sender. */
  public StreamClientSender(StreamClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  @Override
  public Map<Long, RuntimeException> send(List<OutboxRow> rows) {
    Map<Long, RuntimeException> failures = new HashMap<>();
    Map<String, List<OutboxRow>> addsByFeed = new LinkedHashMap<>();
    List<OutboxRow> updates = new ArrayList<>();
    Map<Integer, List<OutboxRow>> followsByLimit = new LinkedHashMap<>();
    List<OutboxRow> unfollows = new ArrayList<>();
    Map<Long, Map<String, Object>> payloads = new HashMap<>();
    for (OutboxRow row : rows) {
      Map<String, Object> payload;
      try {
        payload = read(row.payload());
      } catch (RuntimeException e) {
        failures.put(row.id(), e);
        continue;
      }
      payloads.put(row.id(), payload);
      switch (row.operation()) {
        case ADD ->
            addsByFeed
                .computeIfAbsent((String) payload.get("feed"), f -> new ArrayList<>())
                .add(row);
        case UPDATE -> updates.add(row);
        case REMOVE -> remove(row, payload, failures);
        case FOLLOW ->
            followsByLimit
                .computeIfAbsent(
                    ((Number) payload.get("copy_limit")).intValue(), l -> new ArrayList<>())
                .add(row);
        case UNFOLLOW -> unfollows.add(row);
      }
    }
    addsByFeed.forEach(
        (feed, group) ->
            inBatches(
                group,
                batch ->
                    client
                        .feed(FeedId.parse(feed))
                        .addActivities(activities(batch, payloads, true)),
                failures));
    inBatches(
        updates, batch -> client.updateActivities(activities(batch, payloads, false)), failures);
    followsByLimit.forEach(
        (limit, group) ->
            inBatches(
                group,
                batch -> client.followMany(followRelations(batch, payloads), limit),
                failures));
    inBatches(
        unfollows, batch -> client.unfollowMany(unfollowRelations(batch, payloads)), failures);
    return failures;
  }

  private void remove(OutboxRow row, Map<String, Object> payload, Map<Long, RuntimeException> out) {
    try {
      client
          .feed(FeedId.parse((String) payload.get("feed")))
          .removeActivityByForeignId((String) payload.get("foreign_id"));
    } catch (StreamApiException e) {
      if (e.httpStatus() != 404) {
        out.put(row.id(), e);
      }
    } catch (RuntimeException e) {
      out.put(row.id(), e);
    }
  }

  private void inBatches(
      List<OutboxRow> rows, Consumer<List<OutboxRow>> call, Map<Long, RuntimeException> out) {
    for (int from = 0; from < rows.size(); from += MAX_BATCH) {
      List<OutboxRow> batch = rows.subList(from, Math.min(rows.size(), from + MAX_BATCH));
      try {
        call.accept(batch);
      } catch (RuntimeException e) {
        if (batch.size() > 1 && !FailurePolicy.retryable(e)) {
          for (OutboxRow row : batch) {
            try {
              call.accept(List.of(row));
            } catch (RuntimeException single) {
              out.put(row.id(), single);
            }
          }
        } else {
          batch.forEach(row -> out.put(row.id(), e));
        }
      }
    }
  }

  private List<NewActivity> activities(
      List<OutboxRow> rows, Map<Long, Map<String, Object>> payloads, boolean withTo) {
    List<NewActivity> activities = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      activities.add(activity(payloads.get(row.id()), withTo));
    }
    return activities;
  }

  @SuppressWarnings("unchecked")
  private static NewActivity activity(Map<String, Object> payload, boolean withTo) {
    NewActivity.Builder builder =
        NewActivity.builder()
            .actor((String) payload.get("actor"))
            .verb((String) payload.get("verb"))
            .object((String) payload.get("object"))
            .time(Instant.parse((String) payload.get("time")))
            .foreignId((String) payload.get("foreign_id"));
    if (payload.get("target") != null) {
      builder.target((String) payload.get("target"));
    }
    if (withTo) {
      List<FeedId> to = new ArrayList<>();
      for (String id : (List<String>) payload.getOrDefault("to", List.of())) {
        to.add(FeedId.parse(id));
      }
      if (!to.isEmpty()) {
        builder.to(to);
      }
    }
    Map<String, Object> extra = (Map<String, Object>) payload.get("extra");
    if (extra != null && !extra.isEmpty()) {
      builder.extra(extra);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static List<FollowRelation> followRelations(
      List<OutboxRow> rows, Map<Long, Map<String, Object>> payloads) {
    List<FollowRelation> relations = new ArrayList<>();
    for (OutboxRow row : rows) {
      for (Map<String, String> pair :
          (List<Map<String, String>>) payloads.get(row.id()).get("relations")) {
        relations.add(
            new FollowRelation(FeedId.parse(pair.get("source")), FeedId.parse(pair.get("target"))));
      }
    }
    return relations;
  }

  @SuppressWarnings("unchecked")
  private static List<UnfollowRelation> unfollowRelations(
      List<OutboxRow> rows, Map<Long, Map<String, Object>> payloads) {
    List<UnfollowRelation> relations = new ArrayList<>();
    for (OutboxRow row : rows) {
      Map<String, Object> payload = payloads.get(row.id());
      boolean keepHistory = Boolean.TRUE.equals(payload.get("keep_history"));
      for (Map<String, String> pair : (List<Map<String, String>>) payload.get("relations")) {
        relations.add(
            new UnfollowRelation(
                FeedId.parse(pair.get("source")), FeedId.parse(pair.get("target")), keepHistory));
      }
    }
    return relations;
  }

  private Map<String, Object> read(String payload) {
    try {
      return json.readValue(payload, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException("outbox payload is not valid JSON", e);
    }
  }
}
