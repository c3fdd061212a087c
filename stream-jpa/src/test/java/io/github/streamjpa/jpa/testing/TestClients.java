package io.github.streamjpa.jpa.testing;

import io.github.streamjpa.core.RetryPolicy;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.StreamEmulator;
import io.github.streamjpa.jpa.StreamJpaSettings;
import java.util.Map;

/** Stream clients for tests: against an emulator, or pointing nowhere when nothing is sent. */
public final class TestClients {

  private TestClients() {}

  /** Returns a client of the emulator with the client's default retries. */
  public static StreamClient of(StreamEmulator emulator) {
    return builder(emulator).build();
  }

  /**
   * Returns a client of the emulator that never retries by itself, so every failure reaches the
   * outbox dispatcher, whose retries the tests observe.
   */
  public static StreamClient withoutRetries(StreamEmulator emulator) {
    return builder(emulator).retryPolicy(RetryPolicy.none()).build();
  }

  /** Returns a client whose requests cannot succeed: for tests where nothing is dispatched. */
  public static StreamClient unreachable() {
    return StreamClient.builder("key", "secret").baseUrl("http://127.0.0.1:9").build();
  }

  /**
   * Returns settings for a factory that writes outbox rows and never sends them: an unreachable
   * client and no dispatcher.
   */
  public static Map<String, Object> withoutDelivery() {
    return Map.of(
        StreamJpaSettings.CLIENT, unreachable(), StreamJpaSettings.DISPATCHER_ENABLED, false);
  }

  private static StreamClient.Builder builder(StreamEmulator emulator) {
    return StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
        .baseUrl(emulator.baseUrl());
  }
}
