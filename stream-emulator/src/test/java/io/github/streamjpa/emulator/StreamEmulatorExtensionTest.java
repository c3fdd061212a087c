package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.StreamClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamEmulatorExtensionTest {
  @RegisterExtension
  static StreamEmulatorExtension stream =
      StreamEmulatorExtension.perTest(EmulatorConfig.builder().apiKey("ext-key").build());

  private static final Set<Integer> PORTS = new HashSet<>();

  @RepeatedTest(2)
  void givesEachTestAFreshEmulatorAndAClientPointedAtIt(
      StreamEmulator emulator, StreamClient client, EmulatorControl control) {
    assertThat(control.feedActivities("user", "1")).isEmpty();
    assertThat(emulator.apiKey()).isEqualTo("ext-key");
    assertThat(control).isSameAs(emulator.control());

    client
        .feed("user", "1")
        .addActivity(NewActivity.builder().actor("a").verb("b").object("c").build());

    assertThat(control.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(201));
    PORTS.add(emulator.port());
  }

  @Test
  void startsOnLoopbackWithTheConfiguredKey(StreamEmulator emulator) {
    assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
    assertThat(emulator.toString()).doesNotContain(emulator.apiSecret());
  }

  @AfterAll
  static void eachRepetitionHadItsOwnServer() {
    assertThat(PORTS).hasSize(2);
  }
}
