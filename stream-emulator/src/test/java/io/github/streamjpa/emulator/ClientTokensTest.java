package io.github.streamjpa.emulator;

import static io.github.streamjpa.emulator.RawApi.activity;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.StreamClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tokens stream-core hands to front ends are checked like the service checks them. */
@ExtendWith(StreamEmulatorExtension.class)
class ClientTokensTest {
  private RawApi api;
  private StreamClient client;
  private EmulatorControl control;

  @BeforeEach
  void setUp(StreamEmulator emulator, StreamClient client) {
    emulator.control().reset();
    this.api = new RawApi(emulator);
    this.client = client;
    this.control = emulator.control();
  }

  @Test
  void readOnlyFeedTokenReadsItsFeedButCannotWriteOrReadOthers() {
    RawApi readOnly = api.withToken(client.feed("user", "1").readOnlyToken());

    assertThat(readOnly.get("feed/user/1/").status()).isEqualTo(200);
    assertThat(readOnly.post("feed/user/1/", activity("a", "b", "c")).status()).isEqualTo(403);
    assertThat(readOnly.get("feed/user/2/").status()).isEqualTo(403);
    assertThat(control.feedActivities("user", "1")).isEmpty();
  }

  @Test
  void feedTokenWritesAndFollowsOnItsOwnFeedOnly() {
    RawApi owner = api.withToken(client.feed("user", "1").token());

    assertThat(owner.post("feed/user/1/", activity("a", "b", "c")).status()).isEqualTo(201);
    assertThat(owner.post("feed/user/1/following/", java.util.Map.of("target", "user:3")).status())
        .isEqualTo(201);
    assertThat(owner.post("feed/user/2/", activity("a", "b", "c")).status()).isEqualTo(403);
    assertThat(control.feedActivities("user", "2")).isEmpty();
  }

  @Test
  void userSessionTokenHasNoServerPermissions() {
    RawApi user = api.withToken(client.userToken("1"));

    assertThat(user.get("feed/user/1/").body().path("code").asInt()).isEqualTo(17);
  }
}
