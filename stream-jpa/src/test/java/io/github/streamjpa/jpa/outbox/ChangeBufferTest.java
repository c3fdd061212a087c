package io.github.streamjpa.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeBufferTest {

  private static OutboxMessage message(OutboxOperation operation, String payload) {
    return new OutboxMessage("Pin:1", operation, payload);
  }

  @Test
  void addThenRemoveIsNothing() {
    ChangeBuffer buffer = new ChangeBuffer();
    buffer.record("Pin:1", message(OutboxOperation.ADD, "a"));
    buffer.record("Pin:1", message(OutboxOperation.UPDATE, "b"));
    buffer.record("Pin:1", message(OutboxOperation.REMOVE, "c"));
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(buffer.messages()).isEmpty();
  }

  @Test
  void addThenUpdatesIsOneAddWithTheLastPayload() {
    ChangeBuffer buffer = new ChangeBuffer();
    buffer.record("Pin:1", message(OutboxOperation.ADD, "a"));
    buffer.record("Pin:1", message(OutboxOperation.UPDATE, "b"));
    buffer.record("Pin:1", message(OutboxOperation.UPDATE, "c"));
    assertThat(buffer.messages()).containsExactly(message(OutboxOperation.ADD, "c"));
  }

  @Test
  void updateThenRemoveIsARemove() {
    ChangeBuffer buffer = new ChangeBuffer();
    buffer.record("Pin:1", message(OutboxOperation.UPDATE, "a"));
    buffer.record("Pin:1", message(OutboxOperation.REMOVE, "b"));
    assertThat(buffer.messages()).containsExactly(message(OutboxOperation.REMOVE, "b"));
  }

  @Test
  void followThenUnfollowIsNothingAndEntitiesKeepFirstChangeOrder() {
    ChangeBuffer buffer = new ChangeBuffer();
    buffer.record("Follow:1", new OutboxMessage("f", OutboxOperation.FOLLOW, "x"));
    buffer.record("Pin:2", new OutboxMessage("Pin:2", OutboxOperation.ADD, "p2"));
    buffer.record("Pin:1", new OutboxMessage("Pin:1", OutboxOperation.ADD, "p1"));
    buffer.record("Follow:1", new OutboxMessage("f", OutboxOperation.UNFOLLOW, "y"));
    assertThat(buffer.messages())
        .extracting(OutboxMessage::foreignId)
        .containsExactly("Pin:2", "Pin:1");
  }

  @Test
  void removeThenAddKeepsBoth() {
    ChangeBuffer buffer = new ChangeBuffer();
    buffer.record("Pin:1", message(OutboxOperation.REMOVE, "a"));
    buffer.record("Pin:1", message(OutboxOperation.ADD, "b"));
    assertThat(buffer.messages())
        .extracting(OutboxMessage::operation)
        .containsExactly(OutboxOperation.REMOVE, OutboxOperation.ADD);
  }
}
