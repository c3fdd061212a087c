package io.github.streamjpa.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives one client through the read and add cases from 1 and 16 caller threads and prints one
 * {@code RESULT} line per case. Depends on the JDK only: the official client's worker compiles it
 * into its own class path.
 */
public final class LoadLoop {

  /** One call of the client under test. */
  @FunctionalInterface
  public interface Operation {
    /** Makes the call; any exception counts as an error. */
    void call() throws Exception;
  }

  private LoadLoop() {}

  /**
   * Runs every case named in {@code operations} (read, add) at 1 and 16 callers: a warm-up, then a
   * measured window; prints {@code RESULT <op>-<callers> <ops per second> <errors> <first error>}.
   */
  public static void runCases(Map<String, Operation> operations, long warmupMillis, long measureMillis)
      throws InterruptedException {
    // Every operation is compiled before any is measured, so no case pays for the others' warm-up.
    for (Operation op : operations.values()) {
      run(op, 4, warmupMillis, 0);
    }
    for (Map.Entry<String, Operation> e : operations.entrySet()) {
      for (int callers : new int[] {1, 16}) {
        Result r = run(e.getValue(), callers, warmupMillis, measureMillis);
        System.out.printf(
            Locale.ROOT,
            "RESULT %s-%d %.1f %d %.1f %s%n",
            e.getKey(),
            callers,
            r.perSecond(),
            r.errors(),
            r.cpuMicrosPerCall(),
            r.firstError() == null ? "-" : r.firstError().replace(' ', '_'));
      }
    }
    System.out.flush();
  }

  /** Completed calls and errors of the measured window. */
  public record Result(long ops, long errors, long nanos, long cpuNanos, String firstError) {
    /** Completed calls per second. */
    public double perSecond() {
      return ops * 1e9 / nanos;
    }

    /** CPU time of the whole JVM (callers, JIT, GC) per call, in microseconds. */
    public double cpuMicrosPerCall() {
      return cpuNanos / 1e3 / Math.max(1, ops + errors);
    }
  }

  /** Runs {@code op} from {@code callers} threads; counts only calls that end inside the window. */
  public static Result run(Operation op, int callers, long warmupMillis, long measureMillis)
      throws InterruptedException {
    LongAdder ops = new LongAdder();
    LongAdder errors = new LongAdder();
    AtomicReference<String> firstError = new AtomicReference<>();
    // 0: warm-up, 1: measured, 2: stop
    AtomicInteger phase = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(callers);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (true) {
                    int p = phase.get();
                    if (p == 2) {
                      return;
                    }
                    boolean ok;
                    try {
                      op.call();
                      ok = true;
                    } catch (Exception ex) {
                      ok = false;
                      firstError.compareAndSet(null, describe(ex));
                    }
                    if (p == 1 && phase.get() == 1) {
                      (ok ? ops : errors).increment();
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "caller-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread.sleep(warmupMillis);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    phase.set(1);
    Thread.sleep(measureMillis);
    phase.set(2);
    long nanos = System.nanoTime() - start;
    long cpu = processCpuNanos() - cpuStart;
    done.await();
    return new Result(ops.sum(), errors.sum(), nanos, cpu, firstError.get());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ":" + root.getMessage();
  }
}
