package io.github.streamjpa.emulator;

import org.junit.jupiter.api.BeforeEach;

/**
 * Protocol-level tests against the class's emulator: before each test its state, request log and
 * faults are reset, and the test gets a {@link RawApi} holding an app-wide server token and the
 * emulator's {@link EmulatorControl}.
 *
 * <p>Subclasses register the emulator themselves
 * ({@code @ExtendWith(StreamEmulatorExtension.class)} or a {@code @RegisterExtension} with their
 * own configuration).
 */
abstract class RawApiTestBase {
  RawApi api;
  EmulatorControl control;

  @BeforeEach
  final void resetEmulatorAndConnect(StreamEmulator emulator) {
    control = emulator.control();
    control.reset();
    api = new RawApi(emulator);
  }
}
