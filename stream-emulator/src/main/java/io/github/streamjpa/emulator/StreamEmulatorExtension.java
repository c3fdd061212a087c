package io.github.streamjpa.emulator;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs an emulator for a test class (or for each test) and injects it, its
 * {@link EmulatorControl} and, when stream-core is on the classpath, a {@code StreamClient} pointed
 * at it.
 *
 * <pre>{@code
 * @ExtendWith(StreamEmulatorExtension.class)            // one emulator per class, defaults
 * class TimelineTest {
 *   @Test
 *   void showsFollowedPins(StreamClient client, StreamEmulator emulator) { ... }
 * }
 *
 * class IsolatedTest {
 *   @RegisterExtension                                  // a fresh emulator per test
 *   static StreamEmulatorExtension stream = StreamEmulatorExtension.perTest(
 *       EmulatorConfig.builder().strictFeedGroups(true).feedGroup("user", FeedGroupType.FLAT).build());
 * }
 * }</pre>
 *
 * <p>With one emulator per class, state carries over between the class's tests; call {@code
 * emulator.control().reset()} where that matters.
 */
public final class StreamEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StreamEmulatorExtension.class);
  private static final String KEY = "emulator";
  private static final String CLIENT_TYPE = "io.github.streamjpa.core.StreamClient";

  private final EmulatorConfig config;
  private final boolean perTest;

  /** One emulator per test class with the default configuration (for {@code @ExtendWith}). */
  public StreamEmulatorExtension() {
    this(EmulatorConfig.builder().build(), false);
  }

  private StreamEmulatorExtension(EmulatorConfig config, boolean perTest) {
    this.config = Objects.requireNonNull(config, "config");
    this.perTest = perTest;
  }

  /**
   * One emulator per test class with the given configuration.
   *
   * @param config the configuration
   * @return the extension, for {@code @RegisterExtension static}
   */
  public static StreamEmulatorExtension perClass(EmulatorConfig config) {
    return new StreamEmulatorExtension(config, false);
  }

  /**
   * A fresh emulator for each test with the default configuration.
   *
   * @return the extension, for {@code @RegisterExtension}
   */
  public static StreamEmulatorExtension perTest() {
    return perTest(EmulatorConfig.builder().build());
  }

  /**
   * A fresh emulator for each test with the given configuration.
   *
   * @param config the configuration
   * @return the extension, for {@code @RegisterExtension}
   */
  public static StreamEmulatorExtension perTest(EmulatorConfig config) {
    return new StreamEmulatorExtension(config, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      start(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perTest || find(context) == null) {
      start(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == StreamEmulator.class
        || type == EmulatorControl.class
        || type.getName().equals(CLIENT_TYPE);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = find(context);
    if (running == null) {
      throw new ParameterResolutionException(
          "no emulator is running for " + context.getDisplayName());
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == StreamEmulator.class) {
      return running.emulator;
    }
    if (type == EmulatorControl.class) {
      return running.emulator.control();
    }
    return running.client();
  }

  private void start(ExtensionContext context) {
    context.getStore(NAMESPACE).put(KEY, new Running(StreamEmulator.start(config)));
  }

  /** Closes the emulator this context started, if any (not one of an enclosing context). */
  private static void stop(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).remove(KEY, Running.class);
    if (running != null) {
      running.emulator.close();
    }
  }

  private static Running find(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(KEY, Running.class);
  }

  /**
   * An emulator and the client for it, kept in one store entry so that the client is built once per
   * emulator (a per-class emulator's tests share it) and goes away with it.
   */
  private static final class Running {
    private final StreamEmulator emulator;
    private Object client;

    Running(StreamEmulator emulator) {
      this.emulator = emulator;
    }

    synchronized Object client() {
      if (client == null) {
        client = CoreClients.create(emulator);
      }
      return client;
    }
  }
}
