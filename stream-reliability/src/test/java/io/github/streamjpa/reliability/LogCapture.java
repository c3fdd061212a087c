package io.github.streamjpa.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogManager;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Raises every logger to TRACE (SLF4J, JBoss Logging through it, and java.util.logging bridged to
 * it) and keeps every line with its logger name and rendered stack trace, until closed.
 */
final class LogCapture implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Level previousLevel = root.getLevel();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          StringBuilder line = new StringBuilder();
          line.append(event.getLevel())
              .append(' ')
              .append(event.getLoggerName())
              .append(' ')
              .append(event.getFormattedMessage());
          if (event.getThrowableProxy() != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
          }
          synchronized (lines) {
            lines.add(line.toString());
          }
        }
      };

  private LogCapture() {
    appender.setContext(root.getLoggerContext());
    appender.setName("capture");
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.ALL);
  }

  /** Starts capturing everything. */
  static LogCapture everythingAtTrace() {
    return new LogCapture();
  }

  /** The lines so far. */
  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Restores the levels and handlers of before. */
  @Override
  public void close() {
    root.setLevel(previousLevel);
    root.detachAppender(appender);
    appender.stop();
    SLF4JBridgeHandler.uninstall();
    try {
      LogManager.getLogManager().readConfiguration();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore java.util.logging's configuration", e);
    }
  }
}
