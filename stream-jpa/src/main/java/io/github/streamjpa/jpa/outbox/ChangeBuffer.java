package io.github.streamjpa.jpa.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of one transaction, merged per entity (entity name + id) so that the outbox gets the
 * net effect: add then remove is nothing, add then update is one add with the last state, update
 * then remove is a remove. Not thread-safe: one per transaction.
 */
final class ChangeBuffer {

  private final Map<String, List<OutboxMessage>> byEntity = new LinkedHashMap<>();
  private boolean written;

  /** Marks the buffer as written to the outbox; later changes must be written directly. */
  public void markWritten() {
    written = true;
  }

  /** Returns whether the buffer was already written to the outbox. */
  public boolean isWritten() {
    return written;
  }

  /** Records a change of the entity identified by {@code entityKey}. */
  public void record(String entityKey, OutboxMessage message) {
    List<OutboxMessage> pending = byEntity.computeIfAbsent(entityKey, k -> new ArrayList<>(2));
    OutboxMessage last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
    if (last == null) {
      pending.add(message);
      return;
    }
    OutboxOperation before = last.operation();
    OutboxOperation now = message.operation();
    if ((before == OutboxOperation.ADD && now == OutboxOperation.REMOVE)
        || (before == OutboxOperation.FOLLOW && now == OutboxOperation.UNFOLLOW)) {
      // Created and deleted inside one transaction: Stream never needs to know.
      pending.remove(pending.size() - 1);
    } else if (before == OutboxOperation.ADD && now == OutboxOperation.UPDATE) {
      pending.set(
          pending.size() - 1, new OutboxMessage(message.foreignId(), before, message.payload()));
    } else if (before == OutboxOperation.UPDATE
        && (now == OutboxOperation.UPDATE || now == OutboxOperation.REMOVE)) {
      pending.set(pending.size() - 1, message);
    } else {
      pending.add(message);
    }
  }

  /** Returns whether nothing is left to write. */
  public boolean isEmpty() {
    return byEntity.values().stream().allMatch(List::isEmpty);
  }

  /** Returns the merged messages in the order their entities were first changed. */
  public List<OutboxMessage> messages() {
    List<OutboxMessage> all = new ArrayList<>();
    byEntity.values().forEach(all::addAll);
    return all;
  }
}
