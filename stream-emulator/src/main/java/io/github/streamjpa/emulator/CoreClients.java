package io.github.streamjpa.emulator;

import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Builds stream-core clients for the extension; a separate class so that the extension works
 * without stream-core on the classpath as long as no client is asked for.
 */
final class CoreClients {
  private CoreClients() {}

  static Object create(StreamEmulator emulator) {
    throw new ParameterResolutionException(
        "a StreamClient parameter needs stream-core on the test classpath");
  }
}
