package io.github.streamjpa.spring;

import io.github.streamjpa.jpa.outbox.Outbox;
import io.github.streamjpa.jpa.outbox.OutboxStats;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of Stream sync ({@code streamOutbox} in Actuator's health): DOWN when the oldest
 * pending outbox row is older than {@code stream.health.max-pending-age} (5 minutes by default:
 * sync is behind) or more than {@code stream.health.max-dead-rows} rows are dead (0 by default:
 * changes were given up on and need a re-drive), otherwise UP. Details: {@code pending}, {@code
 * oldestPendingAge}, {@code sent}, {@code retried}, {@code dead}, the thresholds, and the reason
 * when DOWN. Turn it off with {@code management.health.streamoutbox.enabled=false}.
 */
public final class OutboxHealthIndicator extends AbstractHealthIndicator {

  private final Outbox outbox;
  private final Duration maxPendingAge;
  private final long maxDeadRows;

  /**
   * Creates the indicator.
   *
   * @param outbox the outbox whose counters are read
   * @param maxPendingAge the oldest pending row's age above which the state is DOWN
   * @param maxDeadRows the number of dead rows above which the state is DOWN
   */
  public OutboxHealthIndicator(Outbox outbox, Duration maxPendingAge, long maxDeadRows) {
    super("Stream outbox health check failed");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.maxPendingAge = Objects.requireNonNull(maxPendingAge, "maxPendingAge");
    this.maxDeadRows = maxDeadRows;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    OutboxStats stats = outbox.stats();
    builder
        .withDetail("pending", stats.pending())
        .withDetail("oldestPendingAge", stats.oldestPendingAge().toString())
        .withDetail("sent", stats.sent())
        .withDetail("retried", stats.retried())
        .withDetail("dead", stats.dead())
        .withDetail("maxPendingAge", maxPendingAge.toString())
        .withDetail("maxDeadRows", maxDeadRows);
    if (stats.oldestPendingAge().compareTo(maxPendingAge) > 0) {
      builder
          .down()
          .withDetail(
              "reason",
              "the oldest pending row is "
                  + stats.oldestPendingAge()
                  + " old, more than stream.health.max-pending-age "
                  + maxPendingAge);
    } else if (stats.dead() > maxDeadRows) {
      builder
          .down()
          .withDetail(
              "reason",
              stats.dead()
                  + " dead rows, more than stream.health.max-dead-rows "
                  + maxDeadRows
                  + "; fix the cause and re-drive them");
    } else {
      builder.up();
    }
  }
}
