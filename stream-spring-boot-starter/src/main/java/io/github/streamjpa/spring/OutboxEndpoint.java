package io.github.streamjpa.spring;

import io.github.streamjpa.jpa.outbox.DeadRow;
import io.github.streamjpa.jpa.outbox.Outbox;
import io.github.streamjpa.jpa.outbox.OutboxStats;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code streamoutbox} Actuator endpoint: {@code GET} lists the outbox counters and the oldest
 * dead rows with their last error; {@code POST} re-drives every dead row, {@code POST .../{id}}
 * one. Exposed only as Actuator's rules allow, e.g. {@code
 * management.endpoints.web.exposure.include=health,streamoutbox}.
 */
@Endpoint(id = "streamoutbox")
public final class OutboxEndpoint {

  /** The most dead rows the read operation lists. */
  public static final int DEAD_ROW_LIMIT = 100;

  private final Outbox outbox;

  /**
   * Creates the endpoint.
   *
   * @param outbox the outbox it reads and re-drives
   */
  public OutboxEndpoint(Outbox outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  /**
   * Returns the counters and up to {@value #DEAD_ROW_LIMIT} dead rows, oldest first.
   *
   * @return the report
   */
  @ReadOperation
  public Report report() {
    OutboxStats stats = outbox.stats();
    return new Report(
        stats.pending(),
        stats.oldestPendingAge().toString(),
        stats.sent(),
        stats.retried(),
        stats.dead(),
        outbox.deadRows(DEAD_ROW_LIMIT).stream().map(DeadRowView::of).toList());
  }

  /**
   * Makes every dead row pending again, with fresh attempts.
   *
   * @return how many rows were re-driven
   */
  @WriteOperation
  public Redriven redriveAll() {
    int count = outbox.redriveAll();
    outbox.wakeUp();
    return new Redriven(count);
  }

  /**
   * Makes one dead row pending again, with fresh attempts.
   *
   * @param id the row id, as listed by the read operation
   * @return 1 when the row was dead, 0 otherwise
   */
  @WriteOperation
  public Redriven redrive(@Selector long id) {
    int count = outbox.redrive(id) ? 1 : 0;
    outbox.wakeUp();
    return new Redriven(count);
  }

  /**
   * The endpoint's answer to a read.
   *
   * @param pending rows waiting to be sent
   * @param oldestPendingAge age of the oldest of them, ISO-8601 ({@code PT3.2S})
   * @param sent rows this instance delivered
   * @param retried failed attempts this instance rescheduled
   * @param dead rows parked as dead
   * @param deadRows the oldest dead rows
   */
  public record Report(
      long pending,
      String oldestPendingAge,
      long sent,
      long retried,
      long dead,
      List<DeadRowView> deadRows) {}

  /**
   * A dead row as the endpoint shows it.
   *
   * @param id the row id, for {@code POST .../{id}}
   * @param foreignId the activity's foreign id, or the follow pair
   * @param operation what the row would have done
   * @param attempts attempts made
   * @param lastError the last error
   * @param createdAt when the change was committed, ISO-8601
   * @param payload what would have been sent, as JSON
   */
  public record DeadRowView(
      long id,
      String foreignId,
      String operation,
      int attempts,
      String lastError,
      String createdAt,
      String payload) {

    static DeadRowView of(DeadRow row) {
      return new DeadRowView(
          row.id(),
          row.foreignId(),
          row.operation(),
          row.attempts(),
          row.lastError(),
          row.createdAt().toString(),
          row.payload());
    }
  }

  /**
   * The answer to a re-drive.
   *
   * @param redriven rows made pending again
   */
  public record Redriven(int redriven) {}
}
