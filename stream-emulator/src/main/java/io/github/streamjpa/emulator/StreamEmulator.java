package io.github.streamjpa.emulator;

import com.sun.net.httpserver.HttpServer;
import io.github.streamjpa.emulator.internal.ApiHandler;
import io.github.streamjpa.emulator.internal.EmulatorEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
  static {
    // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, each
    // small response then waits for the client's delayed ACK (about 40 ms). The setting is read
    // once, when the JDK server classes first load, and only matters for that server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final EmulatorConfig config;
  private final EmulatorEngine engine;
  private final HttpServer server;
  private final ExecutorService executor;

  private StreamEmulator(EmulatorConfig config) {
    this.config = config;
    this.engine = new EmulatorEngine(config);
    try {
      this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind the emulator to " + config.host() + ":" + config.port(), e);
    }
    this.executor = Executors.newFixedThreadPool(config.threads(), new Threads());
    server.setExecutor(executor);
    server.createContext("/", new ApiHandler(engine));
    server.start();
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
   * @throws java.io.UncheckedIOException when the port cannot be bound
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
    return server.getAddress().getPort();
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

  /** Stops the server, waiting up to a second for requests in flight. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "StreamEmulator{" + baseUrl() + ", apiKey=" + config.apiKey() + "}";
  }

  private static final class Threads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "stream-emulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
