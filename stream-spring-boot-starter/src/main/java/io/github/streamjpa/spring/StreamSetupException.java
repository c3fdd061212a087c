package io.github.streamjpa.spring;

/** Startup cannot configure Stream; {@link StreamFailureAnalyzer} shows its action to the user. */
final class StreamSetupException extends IllegalStateException {

  private final String action;

  StreamSetupException(String description, String action) {
    super(description);
    this.action = action;
  }

  String action() {
    return action;
  }

  static StreamSetupException noCredentials(boolean emulatorRequested) {
    if (emulatorRequested) {
      return new StreamSetupException(
          "stream.emulator.enabled is true, but stream-emulator is not on the class path, and"
              + " stream.api-key and stream.api-secret are not set.",
          "Add the dependency io.github.streamjpa:stream-emulator (for example with test or"
              + " runtime scope), or set stream.api-key and stream.api-secret and remove"
              + " stream.emulator.enabled.");
    }
    return new StreamSetupException(
        "No Stream credentials: stream.api-key and stream.api-secret are not both set, and the"
            + " embedded emulator is not enabled.",
        "Set stream.api-key and stream.api-secret (or the environment variables STREAM_API_KEY"
            + " and STREAM_API_SECRET) to your Stream app's key and secret, or set"
            + " stream.emulator.enabled=true with io.github.streamjpa:stream-emulator on the class"
            + " path to develop without an account.");
  }
}
