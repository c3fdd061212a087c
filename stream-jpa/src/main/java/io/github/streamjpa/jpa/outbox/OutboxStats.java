package io.github.streamjpa.jpa.outbox;

import java.time.Duration;

/**
 * Counters of the outbox: the table's pending and dead rows, and what this SessionFactory's
 * dispatcher has done since it started.
 *
 * @param pending rows waiting to be sent (all instances)
 * @param oldestPendingAge age of the oldest pending row, {@link Duration#ZERO} when none
 * @param sent rows this dispatcher delivered
 * @param retried failed attempts this dispatcher rescheduled
 * @param dead rows parked as dead (all instances)
 */
public record OutboxStats(
    long pending, Duration oldestPendingAge, long sent, long retried, long dead) {}
