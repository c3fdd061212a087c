package io.github.streamjpa.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a Stream setup failure into Boot's startup report: what is wrong and what to set. */
final class StreamFailureAnalyzer extends AbstractFailureAnalyzer<StreamSetupException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StreamSetupException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
