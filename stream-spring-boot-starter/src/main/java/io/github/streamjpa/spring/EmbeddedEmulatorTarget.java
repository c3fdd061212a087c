package io.github.streamjpa.spring;

/** Where the embedded emulator listens and with which credentials, for the client bean. */
record EmbeddedEmulatorTarget(String baseUrl, String apiKey, String apiSecret) {

  @Override
  public String toString() {
    return "EmbeddedEmulatorTarget{baseUrl=" + baseUrl + ", apiKey=" + apiKey + "}";
  }
}
