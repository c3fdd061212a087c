package io.github.streamjpa.emulator;

import io.github.streamjpa.emulator.internal.EmulatorEngine;
import io.github.streamjpa.emulator.internal.EmulatorServer;
import java.util.Objects;

/**
 * A running, in-memory, Stream-compatible Feeds API server (REST API v1.0): feeds, follows,
 * activities and the batch endpoints, with Stream's auth checks and error shapes.
 *
 * <p>Start one per test class or per application run; it is thread-safe and serves concurrent
 * clients. Point a client at {@link #baseUrl()} (the client appends {@code /api/v1.0/}).
 *
 * <pre>{@code
 * try (StreamEmulator emulator = StreamEmulator.start()) {
 *   StreamClient client = StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
 *       .baseUrl(emulator.baseUrl())
 *       .build();
 *   client.feed("user", "1").addActivity(...);
 *   emulator.control().feedActivities("user", "1");
 * }
 * }</pre>
 */
public final class StreamEmulator implements AutoCloseable {
  private final EmulatorConfig config;
  private final EmulatorEngine engine;
  private final EmulatorServer server;

  private StreamEmulator(EmulatorConfig config) {
    this.config = config;
    this.engine = new EmulatorEngine(config);
    this.server = new EmulatorServer(config, engine);
  }

  /**
   * Starts an emulator on a free port of 127.0.0.1 with API key {@code key} and secret {@code
   * secret}.
   *
   * @return the running emulator
   */
  public static StreamEmulator start() {
    return start(EmulatorConfig.builder().build());
  }

  /**
   * Starts an emulator with the given configuration.
   *
   * @param config the configuration
   * @return the running emulator
   * @throws java.io.UncheckedIOException when the port cannot be bound (for a port in use, with a
   *     {@link java.net.BindException} as its cause)
   */
  public static StreamEmulator start(EmulatorConfig config) {
    return new StreamEmulator(Objects.requireNonNull(config, "config"));
  }

  /**
   * The URL to give a client, such as {@code http://127.0.0.1:8000}; no trailing slash.
   *
   * @return the base URL
   */
  public String baseUrl() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + port();
  }

  /**
   * The port the server listens on.
   *
   * @return the bound port
   */
  public int port() {
    return server.port();
  }

  /**
   * The API key clients must send.
   *
   * @return the API key
   */
  public String apiKey() {
    return config.apiKey();
  }

  /**
   * The API secret that signs clients' tokens.
   *
   * @return the API secret
   */
  public String apiSecret() {
    return config.apiSecret();
  }

  /**
   * The configuration this emulator runs with.
   *
   * @return the configuration
   */
  public EmulatorConfig config() {
    return config;
  }

  /**
   * The control surface: reset, request log, fault injection and state inspection.
   *
   * @return the control surface
   */
  public EmulatorControl control() {
    return engine;
  }

  /** Stops the server and closes its connections, waiting up to a second for handlers. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "StreamEmulator{" + baseUrl() + ", apiKey=" + config.apiKey() + "}";
  }
}
