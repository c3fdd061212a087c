package io.github.streamjpa.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bare HTTP/1.1 server on a {@link ServerSocket} that closes connections the way real servers and
 * load balancers do, which MockWebServer cannot reproduce exactly.
 *
 * <p>Each request it reads takes the next planned {@link Move}; when none is planned it answers and
 * keeps the connection open. Answers never carry {@code Connection: close}, so the client keeps the
 * connection in its pool.
 */
final class FakeClosingServer implements AutoCloseable {
  /** What the server does with one request. */
  enum Move {
    /** Answers and keeps the connection open. */
    ANSWER,
    /** Answers, then closes the connection without saying so. */
    ANSWER_THEN_CLOSE,
    /** Reads the request, then closes the connection without answering. */
    CLOSE_WITHOUT_ANSWER
  }

  /** One request the server read. */
  record Received(String method, String path, String body) {}

  private static final String ANSWER_BODY =
      "{\"id\":\"a1\",\"actor\":\"User:1\",\"verb\":\"pin\",\"object\":\"Place:1\","
          + "\"results\":[],\"next\":\"\",\"duration\":\"1ms\"}";

  private final ServerSocket server;
  private final Thread acceptor;
  private final BlockingQueue<Move> plan = new LinkedBlockingQueue<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final Semaphore closedByServer = new Semaphore(0);
  private volatile int connections;

  FakeClosingServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "fake-closing-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  FakeClosingServer then(Move move, int times) {
    for (int i = 0; i < times; i++) {
      plan.add(move);
    }
    return this;
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  int connections() {
    return connections;
  }

  /** Waits until the server has closed one more connection, so the close is on the wire. */
  void awaitClose() throws InterruptedException {
    if (!closedByServer.tryAcquire(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the server closed no connection within 10 s");
    }
    // The FIN is sent by close(); give the loopback a moment to deliver it to the client.
    Thread.sleep(50);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections++;
        sockets.add(socket);
        Thread handler = new Thread(() -> serve(socket), "fake-closing-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        Received request = read(in);
        if (request == null) {
          return;
        }
        received.add(request);
        Move move = plan.poll();
        if (move == null) {
          move = Move.ANSWER;
        }
        if (move == Move.CLOSE_WITHOUT_ANSWER) {
          socket.close();
          closedByServer.release();
          return;
        }
        byte[] body = ANSWER_BODY.getBytes(StandardCharsets.UTF_8);
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        if (move == Move.ANSWER_THEN_CLOSE) {
          socket.close();
          closedByServer.release();
          return;
        }
      }
    } catch (IOException e) {
      // The client went away; nothing to answer.
    }
  }

  /** Reads one request, or returns null at the end of the stream. */
  private static Received read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null) {
      return null;
    }
    int contentLength = 0;
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        contentLength = Integer.parseInt(header.substring(colon + 1).trim());
      }
    }
    byte[] body = in.readNBytes(contentLength);
    String[] parts = requestLine.split(" ");
    return new Received(parts[0], parts[1], new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = buffer.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      buffer.write(b);
    }
    return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (sockets) {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }
}
