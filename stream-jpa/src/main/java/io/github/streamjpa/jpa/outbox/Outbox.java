package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.internal.OutboxAccess;
import java.util.List;

/**
 * The transactional outbox of one SessionFactory: counters, dead rows and their re-drive.
 *
 * <pre>{@code
 * Outbox outbox = StreamJpa.of(emf).outbox();
 * for (DeadRow row : outbox.deadRows(50)) {
 *   log.warn("not synced: {} {}", row.foreignId(), row.lastError());
 * }
 * outbox.redriveAll();                      // after fixing the cause
 * }</pre>
 */
public final class Outbox {

  static {
    // Outbox is the class every path into the engine loads first (see OutboxAccess.get()).
    OutboxAccess.install(new RuntimeAccess());
  }

  private final OutboxRuntime runtime;

  Outbox(OutboxRuntime runtime) {
    this.runtime = runtime;
  }

  /** Returns pending, oldest pending age, sent, retried and dead counts. */
  public OutboxStats stats() {
    return runtime.stats();
  }

  /** Returns up to {@code limit} dead rows, oldest first. */
  public List<DeadRow> deadRows(int limit) {
    return runtime.deadRows(limit);
  }

  /** Makes one dead row pending again with fresh attempts; returns whether it was dead. */
  public boolean redrive(long id) {
    return runtime.redrive(id) > 0;
  }

  /** Makes every dead row pending again; returns how many. */
  public int redriveAll() {
    return runtime.redrive(null);
  }

  /** Asks this SessionFactory's dispatcher to look for due rows now. */
  public void wakeUp() {
    runtime.wake();
  }
}
