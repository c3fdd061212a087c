package io.github.streamjpa.spring;

import io.github.streamjpa.jpa.outbox.Outbox;
import io.github.streamjpa.jpa.outbox.OutboxStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The outbox meters: {@code stream.outbox.pending}, {@code stream.outbox.oldest.pending.age},
 * {@code stream.outbox.dead} (gauges read from the table) and {@code stream.outbox.sent}, {@code
 * stream.outbox.retried} (counters of this instance's dispatcher).
 */
final class OutboxMeters implements MeterBinder {

  /** One scrape reads every meter: they share one stats query within this window. */
  private static final Duration REUSE = Duration.ofSeconds(1);

  private final Outbox outbox;
  private final LongSupplier nanoTime;
  private OutboxStats last;
  private long lastRead;

  OutboxMeters(Outbox outbox) {
    this(outbox, System::nanoTime);
  }

  OutboxMeters(Outbox outbox, LongSupplier nanoTime) {
    this.outbox = outbox;
    this.nanoTime = nanoTime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("stream.outbox.pending", this, meters -> meters.stats().pending())
        .description("Outbox rows waiting to be sent to Stream (all instances)")
        .baseUnit("rows")
        .register(registry);
    TimeGauge.builder(
            "stream.outbox.oldest.pending.age",
            this,
            TimeUnit.MILLISECONDS,
            meters -> meters.stats().oldestPendingAge().toMillis())
        .description("Age of the oldest outbox row waiting to be sent (0 when none)")
        .register(registry);
    Gauge.builder("stream.outbox.dead", this, meters -> meters.stats().dead())
        .description("Outbox rows parked as dead, waiting for a re-drive (all instances)")
        .baseUnit("rows")
        .register(registry);
    FunctionCounter.builder("stream.outbox.sent", this, meters -> meters.stats().sent())
        .description("Outbox rows this instance delivered to Stream")
        .baseUnit("rows")
        .register(registry);
    FunctionCounter.builder("stream.outbox.retried", this, meters -> meters.stats().retried())
        .description("Failed sends this instance rescheduled for a retry")
        .baseUnit("attempts")
        .register(registry);
  }

  synchronized OutboxStats stats() {
    long now = nanoTime.getAsLong();
    if (last == null || now - lastRead >= REUSE.toNanos()) {
      last = outbox.stats();
      lastRead = now;
    }
    return last;
  }
}
