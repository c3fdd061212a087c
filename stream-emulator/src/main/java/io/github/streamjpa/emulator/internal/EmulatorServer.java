package io.github.streamjpa.emulator.internal;

import io.github.streamjpa.emulator.EmulatorConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server: one acceptor thread, one thread per open connection, and at most {@link
 * EmulatorConfig#maxConnections()} connections; a connection past the bound gets a 503 in Stream's
 * shape and is closed. A thread is only ever held by its own connection, so slow or stalled clients
 * cannot starve others; each request must arrive whole within the read timeout and a kept-alive
 * connection is closed after the idle timeout.
 */
public final class EmulatorServer implements AutoCloseable {
  private final EmulatorConfig config;
  private final ApiHandler handler;
  private final ServerSocket socket;
  private final ThreadPoolExecutor connections;
  private final ScheduledExecutorService watchdog;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<Socket> live = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  /**
   * Binds the configured address and starts accepting.
   *
   * @param config the configuration (address, limits, timeouts)
   * @param engine the engine that answers requests
   * @throws UncheckedIOException when the address cannot be bound; for a port in use its cause is a
   *     {@link BindException}
   */
  public EmulatorServer(EmulatorConfig config, EmulatorEngine engine) {
    this.config = config;
    this.handler = new ApiHandler(engine);
    try {
      this.socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(config.host(), config.port()), 512);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    this.connections =
        new ThreadPoolExecutor(
            0,
            config.maxConnections() + 16,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new Threads("stream-emulator-"));
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, new Threads("stream-emulator-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    this.watchdog = timer;
    this.acceptor = new Threads("stream-emulator-acceptor-").newThread(this::accept);
    acceptor.start();
  }

  /**
   * The bound port.
   *
   * @return the port
   */
  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        pause(); // such as too many open files: do not spin
        continue;
      }
      if (open.incrementAndGet() > config.maxConnections()) {
        open.decrementAndGet();
        refuse(client);
        continue;
      }
      try {
        connections.execute(new HttpConnection(client));
      } catch (RejectedExecutionException e) {
        open.decrementAndGet();
        refuse(client);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Answers 503 without reading the request, then closes once the client had time to read it. */
  private void refuse(Socket client) {
    try {
      client.setSoTimeout(1000);
      OutputStream out = client.getOutputStream();
      ApiException busy =
          ApiException.unavailable(
              "the emulator is serving its maximum of "
                  + config.maxConnections()
                  + " connections; retry later");
      write(out, WireResponse.error(busy, Map.of("Retry-After", "1")), false, false);
      client.shutdownOutput();
      watchdog.schedule(() -> closeQuietly(client), 1, TimeUnit.SECONDS);
    } catch (IOException | RuntimeException e) {
      closeQuietly(client);
    }
  }

  /** Writes the answer; returns null (to be a step of {@code withinReadTimeout}). */
  private static Void write(
      OutputStream out, WireResponse response, boolean headOnly, boolean keepAlive)
      throws IOException {
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ")
            .append(response.status())
            .append(' ')
            .append(reason(response.status()))
            .append("\r\n");
    response
        .headers()
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Type: application/json; charset=utf-8\r\n");
    head.append("Content-Length: ").append(response.body().length).append("\r\n");
    if (!keepAlive) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!headOnly) {
      out.write(response.body());
    }
    out.flush();
    return null;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status < 500 ? "Error" : "Server Error";
    };
  }

  private static void closeQuietly(Socket client) {
    try {
      client.close();
    } catch (IOException e) {
      // already gone
    }
  }

  /** Stops accepting, closes every connection and waits up to a second for handlers. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    live.forEach(EmulatorServer::closeQuietly);
    connections.shutdownNow();
    try {
      connections.awaitTermination(1, TimeUnit.SECONDS);
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watchdog.shutdownNow();
  }

  /** One client connection: requests read whole, answered in order, until close or timeout. */
  private final class HttpConnection implements Runnable {
    private final Socket client;

    HttpConnection(Socket client) {
      this.client = client;
    }

    @Override
    public void run() {
      live.add(client);
      try {
        if (closed) {
          return;
        }
        serve();
      } catch (IOException | RuntimeException e) {
        // the client went away, timed out or sent something unreadable: close
      } finally {
        closeQuietly(client);
        live.remove(client);
        open.decrementAndGet();
      }
    }

    private void serve() throws IOException {
      client.setTcpNoDelay(true);
      BufferedInputStream in = new BufferedInputStream(client.getInputStream(), 8192);
      BufferedOutputStream out = new BufferedOutputStream(client.getOutputStream(), 8192);
      RequestReader reader = new RequestReader(in, out, config.maxBodyBytes());
      InetAddress remote = client.getInetAddress();
      int readMillis = (int) config.readTimeout().toMillis();
      int waitMillis = readMillis; // a new connection is expected to send at once
      while (!closed) {
        client.setSoTimeout(waitMillis);
        int start;
        try {
          start = in.read();
        } catch (SocketTimeoutException e) {
          return;
        }
        if (start < 0) {
          return;
        }
        waitMillis = (int) config.idleTimeout().toMillis();
        client.setSoTimeout(readMillis);
        RequestReader.Read read;
        try {
          read = withinReadTimeout(() -> reader.read(start, remote));
        } catch (ApiException e) {
          withinReadTimeout(() -> write(out, WireResponse.error(e, Map.of()), false, false));
          discardRest(in);
          return;
        }
        WireRequest request = read.request();
        WireResponse response = handler.handle(request);
        if (response.dropped()) {
          return;
        }
        boolean keepAlive = read.keepAlive() && response.status() != 413;
        withinReadTimeout(() -> write(out, response, request.method().equals("HEAD"), keepAlive));
        if (!keepAlive) {
          discardRest(in);
          return;
        }
      }
    }

    /** Runs a read or write, closing the socket (which ends it) when the read timeout passes. */
    private <T> T withinReadTimeout(Io<T> step) throws IOException {
      var guard =
          watchdog.schedule(
              () -> closeQuietly(client), config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
      try {
        return step.run();
      } finally {
        guard.cancel(false);
      }
    }

    /**
     * Before closing after an answer, reads what the client still sends (for a second, up to the
     * body limit), so that closing does not reset the connection before the answer was read.
     */
    private void discardRest(BufferedInputStream in) {
      try {
        client.shutdownOutput();
        client.setSoTimeout(1000);
        byte[] scratch = new byte[8192];
        long left = config.maxBodyBytes();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        int n;
        while (left > 0 && System.nanoTime() < deadline && (n = in.read(scratch)) > 0) {
          left -= n;
        }
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** A socket step that may fail. */
  private interface Io<T> {
    T run() throws IOException;
  }

  private static final class Threads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    Threads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
