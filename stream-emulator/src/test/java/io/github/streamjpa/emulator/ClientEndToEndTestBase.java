package io.github.streamjpa.emulator;

import io.github.streamjpa.core.StreamClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End-to-end tests that drive stream-core against one emulator per class: before each test the
 * emulator is reset, and the test gets the injected {@link StreamClient} and the {@link
 * EmulatorControl} to check the resulting state.
 */
@ExtendWith(StreamEmulatorExtension.class)
abstract class ClientEndToEndTestBase {
  StreamClient client;
  EmulatorControl control;

  @BeforeEach
  final void resetEmulator(StreamClient client, EmulatorControl control) {
    control.reset();
    this.client = client;
    this.control = control;
  }
}
