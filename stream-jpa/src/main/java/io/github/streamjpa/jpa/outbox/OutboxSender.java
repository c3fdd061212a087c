package io.github.streamjpa.jpa.outbox;

import java.util.List;
import java.util.Map;

/** Delivers claimed outbox rows; the seam between the dispatcher and Stream. */
interface OutboxSender {

  /**
   * Sends the rows (at most one per foreign id) and returns the failure of each row that was not
   * delivered, keyed by row id; rows absent from the result were delivered.
   */
  Map<Long, RuntimeException> send(List<OutboxRow> rows);
}
