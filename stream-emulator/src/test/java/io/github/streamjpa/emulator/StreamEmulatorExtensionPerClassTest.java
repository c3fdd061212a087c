package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.StreamClient;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** With one emulator per class, the class's tests share the emulator and one client for it. */
@ExtendWith(StreamEmulatorExtension.class)
class StreamEmulatorExtensionPerClassTest {
  private static final Set<Object> EMULATORS = Collections.newSetFromMap(new IdentityHashMap<>());
  private static final Set<Object> CLIENTS = Collections.newSetFromMap(new IdentityHashMap<>());

  @BeforeAll
  static void seesTheClassEmulator(StreamEmulator emulator) {
    EMULATORS.add(emulator);
  }

  @RepeatedTest(3)
  void sharesTheEmulatorAndItsClient(StreamEmulator emulator, StreamClient client) {
    EMULATORS.add(emulator);
    CLIENTS.add(client);
    assertThat(client.feed("user", "1").getActivities().results()).isNotNull();
  }

  @AfterAll
  static void oneEmulatorAndOneClientServedTheClass() {
    assertThat(EMULATORS).hasSize(1);
    assertThat(CLIENTS).hasSize(1);
  }
}
