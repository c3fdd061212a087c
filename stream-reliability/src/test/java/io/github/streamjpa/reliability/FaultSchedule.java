package io.github.streamjpa.reliability;

import io.github.streamjpa.emulator.EmulatorControl;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Drives the emulator's faults during a soak, once a second from a seeded random: a random share of
 * 5xx answers, bursts of 429 with {@code Retry-After}, short windows of dropped connections, random
 * latency, and one outage (every connection dropped) of a given length in the middle.
 */
final class FaultSchedule implements Runnable {
  private static final List<Integer> SERVER_ERRORS = List.of(500, 502, 503, 504);

  private final EmulatorControl control;
  private final Random random;
  private final long startNanos;
  private final Duration duration;
  private final Duration outageStart;
  private final Duration outage;
  private volatile boolean running = true;
  private volatile String phase = "warm-up";

  FaultSchedule(EmulatorControl control, long seed, Duration duration, Duration outage) {
    this.control = control;
    this.random = new Random(seed);
    this.startNanos = System.nanoTime();
    this.duration = duration;
    this.outage = outage;
    // The outage starts after a third of the run, so there is load before and after it.
    this.outageStart = duration.dividedBy(3);
  }

  String phase() {
    return phase;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    boolean outageDone = false;
    try {
      while (running) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        if (elapsed.compareTo(duration) >= 0) {
          break;
        }
        if (!outageDone && elapsed.compareTo(outageStart) >= 0) {
          phase = "outage";
          control.clearFaults();
          control.dropConnections(true);
          sleep(outage);
          control.dropConnections(false);
          outageDone = true;
          continue;
        }
        phase = outageDone ? "faults after the outage" : "faults";
        tick();
        sleep(Duration.ofSeconds(1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      control.clearFaults();
      phase = "no faults";
    }
  }

  private void tick() throws InterruptedException {
    if (random.nextInt(100) < 60) {
      double fraction = 0.02 + random.nextDouble() * 0.13;
      int status = SERVER_ERRORS.get(random.nextInt(SERVER_ERRORS.size()));
      control.failFraction(fraction, status, random.nextLong());
    } else {
      control.failFraction(0, 503, 0);
    }
    control.latency(
        random.nextInt(100) < 40 ? Duration.ofMillis(random.nextInt(300)) : Duration.ZERO);
    if (random.nextInt(100) < 20) {
      control.rateLimitNext(1 + random.nextInt(3), Duration.ofSeconds(1 + random.nextInt(2)));
    }
    if (random.nextInt(100) < 15) {
      control.dropConnections(true);
      sleep(Duration.ofMillis(100 + random.nextInt(300)));
      control.dropConnections(false);
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
