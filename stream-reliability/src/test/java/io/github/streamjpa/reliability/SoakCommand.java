package io.github.streamjpa.reliability;

import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpa;
import io.github.streamjpa.jpa.StreamJpaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.hibernate.SessionFactory;

/**
 * The fault soak: two application instances on one PostgreSQL schema, several threads creating,
 * editing and deleting posts and subscriptions while the embedded emulator fails at random and goes
 * away once; then it waits for the outbox to drain and compares Stream with the database. The last
 * line it prints is
 *
 * <pre>
 * SOAK entities=.. operations=.. faults=.. delivered=.. lost=.. duplicates=.. stale=.. dead=.. seconds=..
 * </pre>
 *
 * <p>Options ({@code --name=value}): {@code seconds} of load (120), {@code threads} (4), {@code
 * users} (40), {@code outage-seconds} (30), {@code seed} (1), {@code pause-ms} between a thread's
 * transactions (40 on average), {@code drain-seconds} at most to wait for the outbox (120). It
 * exits with status 1 when anything was lost, duplicated, stale or dead.
 */
public final class SoakCommand {
  private SoakCommand() {}

  /** Options of one run. */
  record Options(
      int seconds,
      int threads,
      int users,
      int outageSeconds,
      long seed,
      int pauseMillis,
      int drainSeconds) {
    static Options parse(String[] args) {
      Map<String, String> given = new HashMap<>();
      for (String arg : args) {
        if (!arg.startsWith("--") || !arg.contains("=")) {
          throw new IllegalArgumentException("option '" + arg + "' must look like --name=value");
        }
        given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
      Options options =
          new Options(
              number(given.remove("seconds"), 120, "seconds"),
              number(given.remove("threads"), 4, "threads"),
              number(given.remove("users"), 40, "users"),
              number(given.remove("outage-seconds"), 30, "outage-seconds"),
              number(given.remove("seed"), 1, "seed"),
              number(given.remove("pause-ms"), 40, "pause-ms"),
              number(given.remove("drain-seconds"), 120, "drain-seconds"));
      if (!given.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown options "
                + given.keySet()
                + "; known: seconds, threads, users, outage-seconds, seed, pause-ms, drain-seconds");
      }
      if (options.threads() < 1) {
        throw new IllegalArgumentException("option --threads=0 must be at least 1");
      }
      if (options.users() < options.threads()) {
        throw new IllegalArgumentException(
            "users " + options.users() + " must be at least threads " + options.threads());
      }
      return options;
    }

    private static int number(String value, int fallback, String name) {
      if (value == null || value.isBlank()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.strip());
        if (parsed >= 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "option --" + name + "='" + value + "' must be a whole number, 0 or more");
    }
  }

  /** Runs the soak with {@code --name=value} options; exits 0 when nothing was wrong. */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("soak: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options) ? 0 : 1);
  }

  /** Runs the soak and prints its report; returns whether nothing was lost or wrong. */
  static boolean run(Options options) throws InterruptedException {
    long start = System.nanoTime();
    Database database = Database.get();
    String schema = database.createSchema("soak");
    FaultCounter faults = new FaultCounter();
    EmulatorConfig config = EmulatorConfig.builder().requestLogLimit(100).build();
    try (StreamEmulator emulator = StreamEmulator.start(config)) {
      List<SessionFactory> instances = new ArrayList<>();
      try {
        return run(options, start, emulator, faults, schema, instances);
      } finally {
        instances.forEach(SessionFactory::close);
      }
    } finally {
      database.dropSchema(schema);
    }
  }

  private static boolean run(
      Options options,
      long start,
      StreamEmulator emulator,
      FaultCounter faults,
      String schema,
      List<SessionFactory> instances)
      throws InterruptedException {
    Map<String, Object> settings =
        Map.of(
            StreamJpaSettings.FOLLOW_COPY_LIMIT,
            1000,
            StreamJpaSettings.LEASE,
            "PT30S",
            StreamJpaSettings.MAX_BACKOFF,
            "PT5S",
            StreamJpaSettings.MAX_ATTEMPTS,
            100);
    for (int i = 0; i < 2; i++) {
      instances.add(
          Apps.open(schema, client(emulator, faults), i == 0 ? "create" : "none", settings));
    }
    Apps.addMembers(instances.get(0), options.users());
    System.out.printf(
        Locale.ROOT,
        "soak: %d s of load, %d threads on 2 instances, %d users, an outage of %d s;"
            + " schema %s%n",
        options.seconds(),
        options.threads(),
        options.users(),
        options.outageSeconds(),
        schema);

    Statistics statistics = new Statistics(schema);
    Workload.Counters counters = new Workload.Counters();
    FaultSchedule schedule =
        new FaultSchedule(
            emulator.control(),
            options.seed(),
            Duration.ofSeconds(options.seconds()),
            Duration.ofSeconds(options.outageSeconds()));
    Thread faultThread = new Thread(schedule, "soak-faults");
    faultThread.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(options.seconds()).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < options.threads(); t++) {
      Workload workload =
          new Workload(
              instances.get(t % instances.size()),
              t,
              options.threads(),
              options.users(),
              deadline,
              options.pauseMillis(),
              options.seed(),
              counters);
      Thread thread = new Thread(workload, "soak-load-" + t);
      thread.start();
      threads.add(thread);
    }
    while (threads.stream().anyMatch(Thread::isAlive)) {
      long untilDeadline = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      Thread.sleep(Math.max(200, Math.min(10_000, untilDeadline + 200)));
      statistics.refresh();
      System.out.printf(
          Locale.ROOT,
          "soak: %3d s, %s, operations=%d pending=%d delivered=%d faults: %s%n",
          elapsedSeconds(start),
          schedule.phase(),
          counters.operations.get(),
          StreamJpa.of(instances.get(0)).outbox().stats().pending(),
          delivered(instances),
          faults);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    schedule.stop();
    faultThread.interrupt();
    faultThread.join();
    emulator.control().clearFaults();

    long drainDeadline = System.nanoTime() + Duration.ofSeconds(options.drainSeconds()).toNanos();
    long pending;
    while ((pending = StreamJpa.of(instances.get(0)).outbox().stats().pending()) > 0
        && System.nanoTime() < drainDeadline) {
      instances.forEach(f -> StreamJpa.of(f).outbox().wakeUp());
      Thread.sleep(500);
      statistics.refresh();
    }
    var stats = StreamJpa.of(instances.get(0)).outbox().stats();
    SoakCheck.Result result =
        new SoakCheck(instances.get(0), emulator.control(), options.users()).run();
    System.out.printf(
        Locale.ROOT,
        "soak: drained after %d s with %d rows pending; faults by kind: %s;"
            + " failed transactions: %d%n",
        elapsedSeconds(start),
        pending,
        faults,
        counters.failedTransactions.get());
    result.examples().forEach(example -> System.out.println("soak: difference: " + example));
    System.out.printf(
        Locale.ROOT,
        "SOAK entities=%d operations=%d faults=%d delivered=%d lost=%d duplicates=%d stale=%d"
            + " dead=%d seconds=%d%n",
        counters.entities.get(),
        counters.operations.get(),
        faults.total(),
        delivered(instances),
        result.lost(),
        result.duplicates(),
        result.stale(),
        stats.dead(),
        elapsedSeconds(start));
    return result.lost() == 0
        && result.duplicates() == 0
        && result.stale() == 0
        && stats.dead() == 0
        && pending == 0;
  }

  /**
   * Without autovacuum (as on some test servers) the planner never learns that the outbox grew, and
   * the claim query's plan degrades from milliseconds to seconds: then the soak analyzes its tables
   * every ten seconds, as autovacuum would.
   */
  private static final class Statistics {
    private final String schema;
    private final boolean needed = !Database.get().autovacuum();
    private long last = System.nanoTime();

    Statistics(String schema) {
      this.schema = schema;
      if (needed) {
        System.out.println("soak: the server runs without autovacuum; analyzing every 10 s");
      }
    }

    void refresh() {
      if (needed && System.nanoTime() - last >= Duration.ofSeconds(10).toNanos()) {
        Database.get().analyze(schema);
        last = System.nanoTime();
      }
    }
  }

  private static StreamClient client(StreamEmulator emulator, FaultCounter faults) {
    return StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
        .baseUrl(emulator.baseUrl())
        .okHttpClient(new OkHttpClient.Builder().addNetworkInterceptor(faults).build())
        .build();
  }

  private static long delivered(List<SessionFactory> instances) {
    long sum = 0;
    for (SessionFactory instance : instances) {
      sum += StreamJpa.of(instance).outbox().stats().sent();
    }
    return sum;
  }

  private static long elapsedSeconds(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
  }
}
