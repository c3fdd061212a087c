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
 *
 * <p>Database faults: the delete of delivered rows is tried again with a short backoff (each try on
 * a connection of its own) before the round gives up; rows delivered but not yet deleted are kept
 * in memory and deleted first thing in the next round, before anything is claimed, so they are not
 * sent again while this instance lives. After a failed round the next comes after a short backoff
 * (from 100 ms, doubling, at most the poll interval and 2 s) and first gives back the leases this
 * instance still holds (rows of the failed round whose fate was not recorded, or a claim whose
 * commit reached the database while its answer was lost), so delivery resumes within seconds of the
 * database answering again and never waits out a lease of its own.
 */
final class OutboxDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** Waits between the tries of a delete of delivered rows: about 3 s in all. */
  private static final List<Duration> DELETE_RETRIES =
      List.of(
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(200),
          Duration.ofMillis(400),
          Duration.ofMillis(800),
          Duration.ofMillis(1600));

  private static final Duration FIRST_FAILURE_WAIT = Duration.ofMillis(100);
  private static final Duration MAX_FAILURE_WAIT = Duration.ofSeconds(2);

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

  /** Rows delivered whose delete could not be recorded yet; only the dispatcher thread uses it. */
  private final List<Long> deliveredNotDeleted = new ArrayList<>();

  /** Set by a failed round: the next gives back this instance's leases before claiming. */
  private boolean releaseOwnLeases;

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
    if (!deliveredNotDeleted.isEmpty() && (current == null || !current.isAlive())) {
      try {
        deleteDelivered();
      } catch (SQLException | RuntimeException e) {
        log.warn(
            "outbox dispatcher {} is closing with {} delivered rows it could not delete; they"
                + " stay pending and will be sent again",
            owner,
            deliveredNotDeleted.size(),
            e);
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
    int failedRounds = 0;
    Instant firstFailure = null;
    while (running) {
      boolean worked = false;
      try {
        worked = round();
        if (failedRounds > 0) {
          log.info(
              "outbox dispatcher {} works again after {} failed rounds in {} ms",
              owner,
              failedRounds,
              Duration.between(firstFailure, clock.instant()).toMillis());
          failedRounds = 0;
        }
      } catch (SQLException | RuntimeException e) {
        releaseOwnLeases = true;
        failedRounds++;
        if (failedRounds == 1) {
          firstFailure = clock.instant();
        }
        Duration wait = failureWait(failedRounds);
        String next =
            "next round in "
                + wait.toMillis()
                + " ms"
                + (deliveredNotDeleted.isEmpty()
                    ? ""
                    : ", which first deletes the "
                        + deliveredNotDeleted.size()
                        + " rows already delivered");
        if (failedRounds == 1) {
          log.warn("outbox dispatcher {} round failed; {}", owner, next, e);
        } else {
          // One line per failed round, the stack trace only with the first of a series.
          log.warn(
              "outbox dispatcher {} round failed again ({} in a row): {}; {}",
              owner,
              failedRounds,
              e.toString(),
              next);
        }
        if (running) {
          await(wait);
        }
        continue;
      }
      if (!worked && running) {
        await(idleWait());
      }
    }
  }

  /** The wait after the n-th failed round in a row: 100 ms doubling, at most 2 s and the poll. */
  private Duration failureWait(int failedRounds) {
    Duration wait = FIRST_FAILURE_WAIT.multipliedBy(1L << Math.min(failedRounds - 1, 10));
    Duration max =
        config.pollInterval().compareTo(MAX_FAILURE_WAIT) < 0
            ? config.pollInterval()
            : MAX_FAILURE_WAIT;
    return wait.compareTo(max) > 0 ? max : wait;
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
    if (!deliveredNotDeleted.isEmpty()) {
      deleteDelivered();
    }
    if (releaseOwnLeases) {
      int released = store.release(owner);
      releaseOwnLeases = false;
      if (released > 0) {
        log.info(
            "outbox dispatcher {} took back {} rows it had leased in a failed round",
            owner,
            released);
      }
    }
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
    sent.addAndGet(delivered.size());
    deliveredNotDeleted.addAll(delivered);
    deleteDelivered();
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
   * Deletes the delivered rows, trying again with a short backoff while the database fails; on
   * final failure they stay in {@link #deliveredNotDeleted} for the next round and the error is
   * thrown.
   */
  private void deleteDelivered() throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        store.delete(deliveredNotDeleted);
        if (attempt > 0) {
          log.info(
              "outbox dispatcher {} deleted {} delivered rows at try {}",
              owner,
              deliveredNotDeleted.size(),
              attempt + 1);
        }
        deliveredNotDeleted.clear();
        return;
      } catch (SQLException | RuntimeException e) {
        if (attempt == DELETE_RETRIES.size()) {
          throw e;
        }
        Duration wait = DELETE_RETRIES.get(attempt);
        if (attempt == 0) {
          log.warn(
              "outbox dispatcher {} could not delete {} delivered rows; trying again in {} ms (at"
                  + " most {} more tries, each on another connection) so they are not sent twice",
              owner,
              deliveredNotDeleted.size(),
              wait.toMillis(),
              DELETE_RETRIES.size(),
              e);
        } else {
          log.debug(
              "outbox dispatcher {} could not delete {} delivered rows ({}); trying again in {} ms",
              owner,
              deliveredNotDeleted.size(),
              e.toString(),
              wait.toMillis());
        }
        sleep(wait);
      }
    }
  }

  private void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
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
