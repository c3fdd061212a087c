package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void defaultsToPort8000AndTheDefaultCredentials() {
    EmulatorConfig config = Main.parse(new String[0]);

    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.apiKey()).isEqualTo("key");
    assertThat(config.feedGroups()).isEmpty();
  }

  @Test
  void parsesEveryOption() {
    EmulatorConfig config =
        Main.parse(
            new String[] {
              "--port",
              "0",
              "--api-key",
              "K",
              "--api-secret",
              "top-secret-value",
              "--host",
              "127.0.0.1",
              "--feed-group",
              "user=flat",
              "--feed-group",
              "timeline_aggregated=aggregated",
              "--feed-group",
              "likes=notification:{{ verb }}_{{ actor }}",
              "--strict-feed-groups",
              "--max-body-bytes",
              "2048",
              "--max-connections",
              "32",
              "--token-leeway-seconds",
              "0"
            });

    assertThat(config.port()).isZero();
    assertThat(config.apiSecret()).isEqualTo("top-secret-value");
    assertThat(config.strictFeedGroups()).isTrue();
    assertThat(config.maxBodyBytes()).isEqualTo(2048);
    assertThat(config.maxConnections()).isEqualTo(32);
    assertThat(config.tokenLeeway()).isZero();
    assertThat(config.feedGroups().get("user").type()).isEqualTo(FeedGroupType.FLAT);
    assertThat(config.feedGroups().get("timeline_aggregated").aggregationFormat())
        .isEqualTo(FeedGroup.DEFAULT_AGGREGATION_FORMAT);
    assertThat(config.feedGroups().get("likes").aggregationFormat())
        .isEqualTo("{{ verb }}_{{ actor }}");
    assertThat(config.toString()).doesNotContain("top-secret-value");
  }

  @Test
  void refusesBadOptionsNamingThem() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "eighty"}))
        .hasMessageContaining("eighty");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}))
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> Main.parse(new String[] {"--feed-group", "x=ranked"}))
        .hasMessageContaining("ranked");
    assertThatThrownBy(() -> Main.parse(new String[] {"--feed-group", "x=flat:{{ verb }}"}))
        .hasMessageContaining("flat");
    assertThatThrownBy(() -> Main.parse(new String[] {"--api-key"}))
        .hasMessageContaining("--api-key");
    assertThatThrownBy(() -> Main.parse(new String[] {"--max-connections", "0"}))
        .hasMessageContaining("maxConnections 0");
    assertThatThrownBy(() -> Main.parse(new String[] {"--token-leeway-seconds", "3600"}))
        .hasMessageContaining("PT1H");
    assertThat(Main.parse(new String[] {"--help"})).isNull();
  }

  @Test
  void neverEchoesAMisplacedSecret() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--api-secret=top-secret-value"}))
        .hasMessage(
            "unknown option '--api-secret=...': give the value after a space, as in --port 8000");
    assertThatThrownBy(() -> Main.parse(new String[] {"--api-key", "k", "top-secret-value"}))
        .hasMessage(
            "unexpected argument: a value must follow its option, as in --api-secret SECRET");
  }
}
