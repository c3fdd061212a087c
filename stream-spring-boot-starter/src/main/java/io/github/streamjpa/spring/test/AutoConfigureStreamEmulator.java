package io.github.streamjpa.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Runs the test's application context against an embedded Stream emulator: it sets {@code
 * stream.emulator.enabled=true} (so no credentials are needed), imports the Stream
 * auto-configuration also into slices such as {@code @DataJpaTest}, and makes the emulator
 * injectable. Needs {@code io.github.streamjpa:stream-emulator} on the test class path.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureStreamEmulator
 * class TimelineTest {
 *   @Autowired EmulatorControl stream;             // or StreamEmulator
 *
 *   @Test
 *   void pinIsSynced() {
 *     ... // save a Pin, then
 *     await().until(() -> stream.feedActivities("user", "42").size() == 1);
 *   }
 * }
 * }</pre>
 *
 * <p>The emulator lives as long as the context, which Spring's test framework caches and shares
 * between test classes with the same configuration: call {@code EmulatorControl.reset()} where a
 * test needs empty feeds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("stream.emulator")
public @interface AutoConfigureStreamEmulator {

  /**
   * Whether the emulator runs; {@code false} turns this annotation off in a subclass.
   *
   * @return whether to start the emulator
   */
  boolean enabled() default true;

  /**
   * Whether the emulator refuses feed groups that are not configured, as the hosted service does.
   *
   * @return whether undeclared feed groups are refused
   */
  boolean strictFeedGroups() default false;
}
