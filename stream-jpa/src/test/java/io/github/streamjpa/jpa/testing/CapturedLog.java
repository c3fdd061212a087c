package io.github.streamjpa.jpa.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything logged while it is open, by both logging paths of the tests: SLF4J's simple binding
 * (stream-jpa, the MariaDB driver), which writes to {@code System.err}, and {@code
 * java.util.logging} (Hibernate, the PostgreSQL driver), through a handler on the root logger.
 * Output still reaches the console.
 */
public final class CapturedLog implements AutoCloseable {

  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final Logger root = Logger.getLogger("");
  private final Handler handler;

  private CapturedLog() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            originalErr.write(b);
            synchronized (buffer) {
              buffer.write(b);
            }
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            originalErr.write(bytes, offset, length);
            synchronized (buffer) {
              buffer.write(bytes, offset, length);
            }
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    SimpleFormatter formatter = new SimpleFormatter();
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (!isLoggable(record)) {
              return;
            }
            String text = formatter.format(record);
            synchronized (buffer) {
              buffer.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    root.addHandler(handler);
  }

  /** Starts capturing. */
  public static CapturedLog start() {
    return new CapturedLog();
  }

  /** Returns everything captured so far. */
  public String text() {
    System.err.flush();
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  /** Returns a throwable's full stack trace, causes and suppressed included, as a log shows it. */
  public static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** Stops capturing. */
  @Override
  public void close() {
    root.removeHandler(handler);
    System.setErr(originalErr);
  }
}
