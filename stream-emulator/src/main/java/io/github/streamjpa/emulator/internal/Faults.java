package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Random;

/** Injected faults, consulted once per API request. */
final class Faults {
  /** What to do with one request. */
  enum Kind {
    NONE,
    DROP,
    FAIL,
    RATE_LIMIT
  }

  /** The decision for one request. */
  record Decision(Kind kind, int status, long retryAfterSeconds, Duration latency) {}

  private int failNext;
  private int failNextStatus;
  private double fraction;
  private int fractionStatus;
  private Random random = new Random(0);
  private int rateLimitNext;
  private long retryAfterSeconds;
  private Duration latency = Duration.ZERO;
  private boolean drop;

  synchronized Decision next() {
    if (drop) {
      return new Decision(Kind.DROP, 0, 0, latency);
    }
    if (rateLimitNext > 0) {
      rateLimitNext--;
      return new Decision(Kind.RATE_LIMIT, 429, retryAfterSeconds, latency);
    }
    if (failNext > 0) {
      failNext--;
      return new Decision(Kind.FAIL, failNextStatus, 0, latency);
    }
    if (fraction > 0 && random.nextDouble() < fraction) {
      return new Decision(Kind.FAIL, fractionStatus, 0, latency);
    }
    return new Decision(Kind.NONE, 0, 0, latency);
  }

  synchronized void failNext(int count, int status) {
    checkCount(count);
    checkStatus(status);
    failNext = count;
    failNextStatus = status;
  }

  synchronized void failFraction(double fraction, int status, long seed) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("fraction " + fraction + " must be from 0.0 to 1.0");
    }
    checkStatus(status);
    this.fraction = fraction;
    this.fractionStatus = status;
    this.random = new Random(seed);
  }

  synchronized void rateLimitNext(int count, Duration retryAfter) {
    checkCount(count);
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter " + retryAfter + " must not be negative");
    }
    // Rounded up to whole seconds without overflowing, before anything changes.
    long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    rateLimitNext = count;
    retryAfterSeconds = seconds;
  }

  synchronized void latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency " + latency + " must not be negative");
    }
    this.latency = latency;
  }

  synchronized void drop(boolean drop) {
    this.drop = drop;
  }

  synchronized void clear() {
    failNext = 0;
    fraction = 0;
    rateLimitNext = 0;
    latency = Duration.ZERO;
    drop = false;
  }

  synchronized ObjectNode describe() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode next = out.putObject("fail_next");
    next.put("count", failNext);
    next.put("status", failNextStatus);
    ObjectNode share = out.putObject("fail_fraction");
    share.put("fraction", fraction);
    share.put("status", fractionStatus);
    ObjectNode rateLimit = out.putObject("rate_limit_next");
    rateLimit.put("count", rateLimitNext);
    rateLimit.put("retry_after_seconds", retryAfterSeconds);
    out.put("latency_ms", latency.toMillis());
    out.put("drop_connections", drop);
    return out;
  }

  private static void checkCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + " must not be negative");
    }
  }

  private static void checkStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status " + status + " must be from 400 to 599");
    }
  }
}
