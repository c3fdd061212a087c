package io.github.streamjpa.jpa.outbox;

import java.time.Duration;

/**
 * Tuning of one dispatcher.
 *
 * @param batchSize rows claimed per round
 * @param maxAttempts attempts before a row is parked
 * @param pollInterval wait between looks when not woken
 * @param initialBackoff first retry delay
 * @param maxBackoff longest retry delay
 * @param lease how long a claim is reserved
 * @param shutdownTimeout how long close waits for in-flight sends
 */
record DispatcherConfig(
    int batchSize,
    int maxAttempts,
    Duration pollInterval,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration lease,
    Duration shutdownTimeout) {

  /** Checks the values make sense. */
  public DispatcherConfig {
    positive("stream.dispatcher.batch_size", batchSize);
    positive("stream.dispatcher.max_attempts", maxAttempts);
    positive("stream.dispatcher.poll_interval", pollInterval);
    positive("stream.dispatcher.initial_backoff", initialBackoff);
    positive("stream.dispatcher.max_backoff", maxBackoff);
    positive("stream.dispatcher.lease", lease);
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "stream.dispatcher.shutdown_timeout " + shutdownTimeout + " must not be negative");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " " + value + " must be positive");
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " " + value + " must be positive");
    }
  }
}
