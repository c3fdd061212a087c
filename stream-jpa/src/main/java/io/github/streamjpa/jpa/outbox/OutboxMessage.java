package io.github.streamjpa.jpa.outbox;

import java.util.Objects;

/**
 * One change to write to the outbox.
 *
 * @param foreignId the ordering key: the activity's foreign id, or the follow pair
 * @param operation what to do
 * @param payload the JSON the sender needs
 */
record OutboxMessage(String foreignId, OutboxOperation operation, String payload) {

  /** Checks every part is present. */
  public OutboxMessage {
    Objects.requireNonNull(foreignId, "foreignId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(payload, "payload");
  }
}
