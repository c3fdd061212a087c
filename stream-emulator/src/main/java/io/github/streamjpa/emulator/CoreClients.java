package io.github.streamjpa.emulator;

import io.github.streamjpa.core.StreamClient;

/**
 * Builds stream-core clients for the extension; a separate class so that the extension works
 * without stream-core on the classpath as long as no client is asked for.
 */
final class CoreClients {
  private CoreClients() {}

  static Object create(StreamEmulator emulator) {
    return StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
        .baseUrl(emulator.baseUrl())
        .build();
  }
}
