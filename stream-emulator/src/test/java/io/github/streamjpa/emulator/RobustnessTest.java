package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.emulator.RawApi.Response;
import io.github.streamjpa.emulator.RawHttp.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow, stalled and surplus connections: none of them keeps the emulator from answering others. The
 * time bounds are generous; this checks that nothing waits on a stalled client, it measures
 * nothing.
 */
class RobustnessTest {
  private final List<Socket> stalled = new ArrayList<>();

  @AfterEach
  void closeStalled() throws IOException {
    for (Socket socket : stalled) {
      socket.close();
    }
  }

  private Socket stall(StreamEmulator emulator, String partialRequest) throws IOException {
    Socket socket = RawHttp.connect(emulator);
    socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    stalled.add(socket);
    return socket;
  }

  @Test
  void fiftyStalledConnectionsDoNotDelayOtherClients() throws Exception {
    EmulatorConfig config = EmulatorConfig.builder().readTimeout(Duration.ofMinutes(5)).build();
    try (StreamEmulator emulator = StreamEmulator.start(config)) {
      RawApi api = new RawApi(emulator);
      // Warm up first (class loading, the client's connection), so only the stalls are measured.
      assertThat(api.get("feed/user/2/").status()).isEqualTo(200);
      for (int i = 0; i < 25; i++) {
        stall(emulator, "POST /api/v1.0/feed/user/1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthoriz");
        stall(
            emulator,
            "POST /api/v1.0/feed/user/1/?api_key=key HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 1000\r\n\r\n{\"actor\":");
      }

      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        Response added = api.post("feed/user/2/", activity("User:2", "pin", "Pin:" + i));
        Response read = api.get("feed/user/2/?limit=1");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(added.status()).isEqualTo(201);
        assertThat(read.body().at("/results/0/object").asText()).isEqualTo("Pin:" + i);
        assertThat(millis).as("a write and a read beside 50 stalled connections").isLessThan(1000);
      }
      assertThat(emulator.control().feedActivities("user", "1")).isEmpty();
    }
  }

  @Test
  void aStalledRequestIsClosedAfterTheReadTimeout() throws Exception {
    EmulatorConfig config = EmulatorConfig.builder().readTimeout(Duration.ofMillis(300)).build();
    try (StreamEmulator emulator = StreamEmulator.start(config)) {
      Socket partialHeaders = stall(emulator, "GET /api/v1.0/feed/user/1/ HTTP/1.1\r\nHo");
      Socket silent = stall(emulator, "");

      assertClosedByServer(partialHeaders);
      assertClosedByServer(silent);
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    EmulatorConfig config = EmulatorConfig.builder().idleTimeout(Duration.ofMillis(300)).build();
    try (StreamEmulator emulator = StreamEmulator.start(config)) {
      Socket socket = stall(emulator, "GET /_emulator/health HTTP/1.1\r\nHost: localhost\r\n\r\n");

      assertThat(RawHttp.read(socket.getInputStream(), false).status()).isEqualTo(200);
      assertClosedByServer(socket);
    }
  }

  /** The server closes the socket well within the test's 10 s socket timeout. */
  private static void assertClosedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      assertThat(in.read()).isEqualTo(-1);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept a stalled connection open", e);
    } catch (IOException e) {
      // a reset also means the server closed it
    }
  }

  @Test
  void connectionsPastTheBoundGet503InStreamsShape() throws Exception {
    EmulatorConfig config =
        EmulatorConfig.builder().maxConnections(4).readTimeout(Duration.ofMinutes(5)).build();
    try (StreamEmulator emulator = StreamEmulator.start(config)) {
      for (int i = 0; i < 4; i++) {
        stall(emulator, "GET /api/v1.0/feed/user/1/ HTTP/1.1\r\n");
      }

      Reply refused =
          RawHttp.exchange(emulator, "GET /_emulator/health HTTP/1.1\r\nHost: localhost\r\n\r\n");

      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.headers()).containsEntry("retry-after", "1");
      assertThat(refused.body().path("status_code").asInt()).isEqualTo(503);
      assertThat(refused.body().path("exception").asText()).isNotBlank();
      assertThat(refused.body().path("detail").asText()).contains("4 connections");

      closeStalled();
      stalled.clear();
      assertThat(eventuallyServed(emulator)).isEqualTo(200);
    }
  }

  private static int eventuallyServed(StreamEmulator emulator) throws InterruptedException {
    int status = 0;
    for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
      status =
          RawHttp.exchange(emulator, "GET /_emulator/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
              .status();
      if (status != 200) {
        Thread.sleep(50);
      }
    }
    return status;
  }

  @Test
  void aTakenPortFailsWithOneLineNamingIt() {
    try (StreamEmulator first = StreamEmulator.start()) {
      EmulatorConfig taken = EmulatorConfig.builder().port(first.port()).build();

      assertThatThrownBy(() -> StreamEmulator.start(taken))
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(BindException.class);
      try {
        StreamEmulator.start(taken).close();
      } catch (UncheckedIOException e) {
        assertThat(Main.startFailure(taken, e))
            .contains("127.0.0.1:" + first.port())
            .contains("--port")
            .doesNotContain("\n")
            .doesNotContain("Exception");
      }
    }
  }
}
