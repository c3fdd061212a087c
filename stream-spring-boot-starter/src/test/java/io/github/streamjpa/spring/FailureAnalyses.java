package io.github.streamjpa.spring;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** Runs Boot's failure analyzers, as startup does, over a context's failure. */
final class FailureAnalyses {

  private FailureAnalyses() {}

  /** Returns the first analysis of the failure, failing when no analyzer recognizes it. */
  static FailureAnalysis of(Throwable failure) {
    if (failure == null) {
      throw new AssertionError("the context started; a startup failure was expected");
    }
    // analyzers that need the (failed) context's bean factory are left out, as startup would
    List<FailureAnalyzer> analyzers =
        SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, cause) -> {}));
    for (FailureAnalyzer analyzer : analyzers) {
      FailureAnalysis analysis = analyzer.analyze(failure);
      if (analysis != null) {
        return analysis;
      }
    }
    throw new AssertionError("no failure analyzer recognized " + failure, failure);
  }

  /** Returns whether something accepts connections on the loopback port. */
  static boolean portAccepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
