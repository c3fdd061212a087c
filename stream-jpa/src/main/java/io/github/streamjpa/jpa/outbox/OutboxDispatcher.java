package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.core.StreamApiException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows: one thread per SessionFactory, woken after each commit and polling as a
 * fallback. Each round claims due rows in a short transaction (lease + {@code SKIP LOCKED}), sends
 * them outside any transaction, then deletes delivered rows, reschedules failed ones with backoff
 * or parks them as dead.
 */
final class OutboxDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxStore store;
  private final OutboxSender sender;
  private final DispatcherConfig config;
  private final FailurePolicy policy;
  private final Clock clock;
  private final String owner;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private volatile Instant pausedUntil = Instant.MIN;
  private int authFailures;
  private Instant lastClaimAt = Instant.EPOCH;
  private Thread thread;

  /** Creates a dispatcher; {@link #start()} starts its thread. */
  OutboxDispatcher(
      OutboxStore store, OutboxSender sender, DispatcherConfig config, Clock clock, String name) {
    this.store = store;
    this.sender = sender;
    this.config = config;
    this.policy =
        new FailurePolicy(config.initialBackoff(), config.maxBackoff(), config.maxAttempts());
    this.clock = clock;
    this.owner = name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Starts the dispatcher thread; it first sends whatever is already pending. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "stream-jpa-" + owner);
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for a round now, e.g. right after a commit wrote rows. Never throws. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /** Returns the counters: table counts plus this dispatcher's sent and retried. */
  public OutboxStats stats() {
    try {
      OutboxStore.PendingSummary summary = store.pending();
      Duration age =
          summary.oldestPending() == null
              ? Duration.ZERO
              : Duration.between(summary.oldestPending(), clock.instant());
      return new OutboxStats(
          summary.pending(),
          age.isNegative() ? Duration.ZERO : age,
          sent.get(),
          retried.get(),
          summary.dead());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox table " + store.table(), e);
    }
  }

  /** Stops claiming, waits for the in-flight round, and gives back unfinished leases. */
  @Override
  public void close() {
    Thread current;
    synchronized (this) {
      running = false;
      current = thread;
    }
    wake();
    if (current != null) {
      try {
        current.join(config.shutdownTimeout().toMillis() + 1);
        if (current.isAlive()) {
          log.warn(
              "outbox dispatcher {} did not finish in {}; interrupting",
              owner,
              config.shutdownTimeout());
          current.interrupt();
          current.join(1000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      int released = store.release(owner);
      if (released > 0) {
        log.info("outbox dispatcher {} released {} unfinished rows", owner, released);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("outbox dispatcher {} could not release its leases; they expire", owner, e);
    }
  }

  private void run() {
    while (running) {
      boolean worked = false;
      try {
        worked = round();
      } catch (SQLException | RuntimeException e) {
        log.warn("outbox dispatcher {} round failed; retrying after the poll interval", owner, e);
      }
      if (!worked && running) {
        await(idleWait());
      }
    }
  }

  /** Sleeps until the next retry is due, at most the poll interval. */
  private Duration idleWait() {
    Duration wait = config.pollInterval();
    try {
      // Rows that were not yet due at the last claim, including ones due by now.
      Instant due = store.nextDue(lastClaimAt);
      if (due != null) {
        Duration untilDue = Duration.between(clock.instant(), due);
        if (untilDue.compareTo(wait) < 0) {
          wait = untilDue;
        }
      }
    } catch (SQLException | RuntimeException e) {
      log.debug("outbox dispatcher {} cannot read the next due time", owner, e);
    }
    return wait;
  }

  /** Runs one claim-send-record round; returns whether there was anything to send. */
  boolean round() throws SQLException {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      await(Duration.between(now, pausedUntil));
      return true;
    }
    lastClaimAt = now;
    List<OutboxRow> rows = store.claim(owner, config.batchSize(), now, config.lease());
    if (rows.isEmpty()) {
      return false;
    }
    Map<Long, RuntimeException> failures;
    try {
      failures = sender.send(rows);
    } catch (RuntimeException e) {
      failures = new HashMap<>();
      for (OutboxRow row : rows) {
        failures.put(row.id(), e);
      }
    }
    List<Long> delivered = new ArrayList<>();
    for (OutboxRow row : rows) {
      if (!failures.containsKey(row.id())) {
        delivered.add(row.id());
      }
    }
    store.delete(delivered);
    sent.addAndGet(delivered.size());
    Instant failedAt = clock.instant();
    RuntimeException refusal = null;
    for (OutboxRow row : rows) {
      RuntimeException failure = failures.get(row.id());
      if (failure == null) {
        continue;
      }
      if (FailurePolicy.verdict(failure) == FailurePolicy.Verdict.PAUSE) {
        refusal = failure;
      } else {
        recordFailure(row, failure, failedAt);
      }
    }
    if (refusal != null) {
      pauseForCredentials(refusal, failedAt);
    } else if (!delivered.isEmpty() && authFailures > 0) {
      authFailures = 0;
      log.info(
          "outbox dispatcher {}: Stream accepts the credentials again; delivery resumed", owner);
    }
    return true;
  }

  /**
   * Stream refused the app's credentials or permissions: no row can go out until someone fixes
   * them, so the rows stay pending (not parked, attempts unchanged) and delivery pauses with
   * backoff.
   */
  private void pauseForCredentials(RuntimeException refusal, Instant now) throws SQLException {
    authFailures++;
    Duration pause = policy.backoff(authFailures);
    pausedUntil = now.plus(pause);
    store.release(owner);
    String error = FailurePolicy.describe(refusal);
    if (authFailures == 1) {
      log.error(
          "Stream refused stream-jpa's requests ({}): check the API key and secret and the app's"
              + " permissions. Outbox delivery is paused for every row, retrying in {}; rows stay"
              + " pending",
          error,
          pause);
    } else {
      log.debug("outbox dispatcher {} still refused ({}); retrying in {}", owner, error, pause);
    }
  }

  private void recordFailure(OutboxRow row, RuntimeException failure, Instant now)
      throws SQLException {
    int attempts = row.attempts() + 1;
    String error = FailurePolicy.describe(failure);
    if (policy.decide(failure, attempts) == FailurePolicy.Verdict.PARK) {
      log.warn(
          "outbox row {} ({} {}) parked as dead after {} attempts: {}",
          row.id(),
          row.operation(),
          row.foreignId(),
          attempts,
          error);
      store.park(owner, row.id(), attempts, error);
      return;
    }
    Duration delay = policy.delay(failure, attempts);
    if (failure instanceof StreamApiException api && api.httpStatus() == 429) {
      // A rate limit holds for the whole app: stop sending anything until it resets.
      Instant until = now.plus(FailurePolicy.retryAfter(failure).orElse(delay));
      if (until.isAfter(pausedUntil)) {
        pausedUntil = until;
      }
    }
    log.debug("outbox row {} failed attempt {}: {}; retry in {}", row.id(), attempts, error, delay);
    store.reschedule(owner, row.id(), attempts, now.plus(delay), error);
    retried.incrementAndGet();
  }

  private void await(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      return;
    }
    long millis = Math.max(1, timeout.toMillis());
    synchronized (signal) {
      if (!woken && running) {
        try {
          signal.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }
}
