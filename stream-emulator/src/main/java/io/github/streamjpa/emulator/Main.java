package io.github.streamjpa.emulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone entry point: {@code java -jar stream-emulator.jar --port 8000 --api-key KEY
 * --api-secret SECRET [--feed-group slug=flat|aggregated[:format]|notification[:format]]...}. Exits
 * with 2 and the usage for bad options, and with 3 and one line when the address cannot be bound (a
 * port in use).
 */
final class Main {
  private static final String USAGE =
      """
      usage: java -jar stream-emulator.jar [options]
        --port N                 port to listen on (default 8000; 0 picks a free one)
        --host ADDRESS           interface to bind (default 127.0.0.1)
        --api-key KEY            API key clients must send (default "key")
        --api-secret SECRET      API secret that signs tokens (default "secret")
        --feed-group SPEC        declare a group: slug=flat, slug=aggregated[:format],
                                 slug=notification[:format]; repeatable
        --strict-feed-groups     refuse undeclared slugs (400 FeedConfigException)
        --max-body-bytes N       largest accepted request body (default 1048576)
        --max-connections N      connections served at once; more get 503 (default 256)
        --token-leeway-seconds N clock skew allowed on token times (default 5)
        --help                   print this help
      """;

  private Main() {}

  /**
   * Starts the emulator, prints its base URL and serves until the JVM is asked to stop.
   *
   * @param args the command-line options
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    EmulatorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("stream-emulator: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.print(USAGE);
      return;
    }
    StreamEmulator emulator;
    try {
      emulator = StreamEmulator.start(config);
    } catch (UncheckedIOException e) {
      System.err.println("stream-emulator: " + startFailure(config, e));
      System.exit(e.getCause() instanceof BindException ? 3 : 1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    PrintStream out = System.out;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  out.println("stream-emulator stopped");
                  out.flush();
                  stopped.countDown();
                },
                "stream-emulator-shutdown"));
    out.println("stream-emulator listening on " + emulator.baseUrl());
    out.flush();
    stopped.await();
  }

  /** One line saying why the server could not start, naming the address. */
  static String startFailure(EmulatorConfig config, UncheckedIOException e) {
    String address = config.host() + ":" + config.port();
    if (e.getCause() instanceof BindException) {
      return "cannot listen on "
          + address
          + ": the port is in use or the address is not local (choose another with --port or"
          + " --host)";
    }
    return "cannot listen on " + address + ": " + e.getCause().getMessage();
  }

  /** The configuration the arguments give, or {@code null} when help was asked for. */
  static EmulatorConfig parse(String[] args) {
    EmulatorConfig.Builder builder = EmulatorConfig.builder().port(8000);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return null;
        }
        case "--strict-feed-groups" -> builder.strictFeedGroups(true);
        case "--port" -> builder.port(number(arg, value(args, ++i, arg)));
        case "--host" -> builder.host(value(args, ++i, arg));
        case "--api-key" -> builder.apiKey(value(args, ++i, arg));
        case "--api-secret" -> builder.apiSecret(value(args, ++i, arg));
        case "--max-body-bytes" -> builder.maxBodyBytes(number(arg, value(args, ++i, arg)));
        case "--max-connections" -> builder.maxConnections(number(arg, value(args, ++i, arg)));
        case "--token-leeway-seconds" ->
            builder.tokenLeeway(Duration.ofSeconds(number(arg, value(args, ++i, arg))));
        case "--feed-group" -> feedGroup(builder, value(args, ++i, arg));
        default -> throw new IllegalArgumentException(unknown(arg));
      }
    }
    return builder.build();
  }

  // An unknown argument may be a misplaced secret ("--api-secret=s", or a value whose option was
  // left out), so the message names only the part that cannot be one.
  private static String unknown(String arg) {
    if (!arg.startsWith("-")) {
      return "unexpected argument: a value must follow its option, as in --api-secret SECRET";
    }
    int equals = arg.indexOf('=');
    if (equals >= 0) {
      return "unknown option '"
          + arg.substring(0, equals)
          + "=...': give the value after a space, as in --port 8000";
    }
    return "unknown option '" + arg + "'";
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option " + option + " needs a value");
    }
    return args[i];
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option " + option + " needs a number, got '" + value + "'");
    }
  }

  private static void feedGroup(EmulatorConfig.Builder builder, String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "--feed-group '" + spec + "' must look like slug=flat|aggregated[:format]|notification");
    }
    String slug = spec.substring(0, eq);
    String rest = spec.substring(eq + 1);
    int colon = rest.indexOf(':');
    String typeName = colon < 0 ? rest : rest.substring(0, colon);
    String format = colon < 0 ? null : rest.substring(colon + 1);
    FeedGroupType type;
    try {
      type = FeedGroupType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--feed-group '"
              + spec
              + "' has type '"
              + typeName
              + "'; use flat, aggregated or notification");
    }
    builder.feedGroup(slug, type, format);
  }
}
