package io.github.streamjpa.emulator.internal;

import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.emulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The emulator's state, faults and request log, and the in-JVM control surface over them. */
public final class EmulatorEngine implements EmulatorControl {
  final EmulatorConfig config;
  final FeedStore store;
  final Faults faults = new Faults();
  final RequestLog log;
  final FeedResolver resolver;
  final Operations operations;

  /**
   * Creates empty state for a configuration.
   *
   * @param config the configuration
   */
  public EmulatorEngine(EmulatorConfig config) {
    this.config = config;
    this.store = new FeedStore(new Times(), config.maxGroupActivities());
    this.log = new RequestLog(config.requestLogLimit(), config.requestLogMaxBytes());
    this.resolver = new FeedResolver(config);
    this.operations =
        new Operations(
            store,
            resolver,
            new Authenticator(config.apiKey(), config.apiSecret(), config.tokenLeeway()));
  }

  @Override
  public void reset() {
    store.reset();
    log.clear();
    faults.clear();
  }

  @Override
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  @Override
  public void clearRequests() {
    log.clear();
  }

  @Override
  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  @Override
  public void failFraction(double fraction, int status, long seed) {
    faults.failFraction(fraction, status, seed);
  }

  @Override
  public void rateLimitNext(int count, Duration retryAfter) {
    faults.rateLimitNext(count, Objects.requireNonNull(retryAfter, "retryAfter"));
  }

  @Override
  public void latency(Duration delay) {
    faults.latency(Objects.requireNonNull(delay, "delay"));
  }

  @Override
  public void dropConnections(boolean drop) {
    faults.drop(drop);
  }

  @Override
  public void clearFaults() {
    faults.clear();
  }

  @Override
  public List<Map<String, Object>> feedActivities(String slug, String userId) {
    return store.feedActivities(slug + ":" + userId);
  }

  @Override
  public List<String> following(String slug, String userId) {
    return store.followIds(slug + ":" + userId, false);
  }

  @Override
  public List<String> followers(String slug, String userId) {
    return store.followIds(slug + ":" + userId, true);
  }
}
